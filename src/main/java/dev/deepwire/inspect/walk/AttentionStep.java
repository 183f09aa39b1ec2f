package dev.deepwire.inspect.walk;

import java.util.List;

/**
 * Scaled dot-product attention for one query position and one head, with the numbers of the example: the query
 * {@code q_i}, the scores {@code q_i·k_j/√d_k} for every key j, the softmax row (the attention inspector's row for
 * that head and position) and the weighted sum {@code Σ_j a_j v_j}.
 *
 * @param queryLabel what the query position is (its token, or "learned query" for attention pooling)
 * @param maxError how far the softmax of the scores computed here lies from the inspector's row (both must agree)
 */
public record AttentionStep(int position, String queryLabel, int head, int heads, int headSize, List<String> keys, float[] query,
                            float[] scores, float[] softmax, float[] weightedSum, double maxError) {
    public AttentionStep {
        keys = List.copyOf(keys);
    }
}
