package dev.deepwire.inspect.walk;

import java.util.List;

/**
 * One block of a walk-through: what came in on its wires, what it put out, and its formula with this example's
 * numbers filled in ({@code lines}). The details are present only for the blocks they belong to.
 *
 * @param formula    the block's formula as the catalog writes it
 * @param lines      the formula filled in for the chosen position, one line each
 * @param attention  the attention of the chosen query position (attention blocks)
 * @param triple     the scores of the example's triple (knowledge-graph scorers)
 * @param prediction what the network predicts (output blocks)
 */
public record Step(int index, String nodeId, String label, String blockType, String formula, List<WalkTensor> inputs,
                   List<WalkTensor> outputs, List<String> lines, AttentionStep attention, TripleScores triple,
                   Prediction prediction) {
    public Step {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        lines = List.copyOf(lines);
    }

    /** The block's main output (the first port's, or an output block's prediction), or null for none. */
    public WalkTensor output() {
        return outputs.isEmpty() ? null : outputs.get(0);
    }
}
