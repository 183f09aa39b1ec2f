package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranking examples and heads by how sharply a query row attends, and finding the landmark token. */
class AttentionFocusTest {
    @Test
    void theMarkersRowDecidesAndTheSharpestPairComesFirst() {
        float[][][][] w = new float[2][2][3][3];
        for (float[][][] ex : w) {
            for (float[][] head : ex) {
                for (float[] row : head) {
                    Arrays.fill(row, 1f / 3);
                }
            }
        }
        w[0][1][0] = new float[] {0.98f, 0.01f, 0.01f}; // a sharp row, but not the marker's
        w[1][0][2] = new float[] {0.05f, 0.9f, 0.05f}; // example 1: the marker is at position 2
        w[0][0][1] = new float[] {0.1f, 0.2f, 0.7f}; // example 0: the marker is at position 1
        var s = new AttentionRecorder.Snapshot(5, "attn", w, 0);
        List<List<String>> rows = List.of(List.of("a", "<M>", "a"), List.of("b", "c", "<M>"));
        assertThat(AttentionFocus.landmark(rows)).isEqualTo("<M>");
        List<AttentionFocus.Spot> ranked = AttentionFocus.rank(s, rows, "<M>");
        assertThat(ranked).hasSize(4);
        assertThat(ranked.get(0)).satisfies(p -> {
            assertThat(p.example()).isEqualTo(1);
            assertThat(p.head()).isZero();
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.maxWeight()).isEqualTo(0.9f);
        });
        assertThat(ranked.get(1).example()).isZero();
        assertThat(AttentionFocus.rank(s, rows, null).get(0).maxWeight()).isEqualTo(0.98f);
    }

    @Test
    void noLandmarkWhenNoTokenOccursOnceInEveryExample() {
        assertThat(AttentionFocus.landmark(List.of(List.of("a", "a"), List.of("b", "c")))).isNull();
    }
}
