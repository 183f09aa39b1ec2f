package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Nearest rows by cosine on a table worked out by hand. */
class NearestRowsTest {

    @Test
    void neighboursAreOrderedByCosineAndLeaveTheRowItselfOut() {
        float[][] table = {
            {1, 0},   // dog
            {2, 0.2f}, // wolf: nearly the same direction, twice as long (cosine 0.995)
            {0, 1},   // cat: at right angles (0)
            {-1, 0},  // opposite (−1)
            {1, 1},   // between (0.707)
        };
        List<String> labels = List.of("dog", "wolf", "cat", "anti", "mixed");
        List<NearestRows.Neighbour> n = NearestRows.of(table, labels, 0, 3);
        assertThat(n).extracting(NearestRows.Neighbour::label).containsExactly("wolf", "mixed", "cat");
        assertThat(n.get(0).similarity()).isCloseTo(2 / Math.sqrt(4.04), Offset.offset(1e-6));
        assertThat(n.get(1).similarity()).isCloseTo(Math.sqrt(0.5), Offset.offset(1e-6));
        assertThat(n.get(2).similarity()).isCloseTo(0, Offset.offset(1e-9));
        assertThat(NearestRows.of(table, labels, 0, 10)).hasSize(4).last()
                .satisfies(last -> assertThat(last.similarity()).isCloseTo(-1, Offset.offset(1e-9)));
    }

    @Test
    void aZeroRowHasSimilarityZeroInsteadOfNaN() {
        float[][] table = {{0, 0}, {1, 0}};
        assertThat(NearestRows.of(table, List.of("zero", "x"), 0, 1).get(0).similarity()).isZero();
    }
}
