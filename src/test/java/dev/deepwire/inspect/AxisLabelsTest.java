package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The names along a heatmap's axis: the input's own where they name that axis's positions, else t0, t1, … */
class AxisLabelsTest {
    private static List<String> rows(int n) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            out.add("row " + t);
        }
        return out;
    }

    @Test
    void aSequenceOfImageRowsIsNamedByItsRows() {
        Dataset data = new Dataset(new INDArray[] {Nd4j.rand(2, 8, 8)}, null, new INDArray[] {Nd4j.zeros(2, 1)}, List.of())
                .withInputNames(List.of(rows(8)));
        assertThat(AxisLabels.of(data, 0, 1, 8)).isEqualTo(rows(8));
    }

    @Test
    void patchesCutFromAnImageAreNotNamedByTheRowsOfTheDataItCameAs() {
        // digits-caption's rows, bound to an Image input and cut into 16 patches: the cross-attention heatmap read
        // "row 0" … "row 7" over its 16 key columns
        Dataset data = new Dataset(new INDArray[] {Nd4j.rand(new int[] {2, 1, 8, 8})}, null,
                new INDArray[] {Nd4j.zeros(2, 1)}, List.of()).withInputNames(List.of(rows(8)));
        assertThat(AxisLabels.of(data, 0, 0)).as("an image has no positions of its own").isEmpty();
        assertThat(AxisLabels.of(data, 0, 0, 16)).as("each patch by its place in the 4 × 4 grid").hasSize(16)
                .startsWith("r0 c0", "r0 c1").contains("r1 c2").endsWith("r3 c3").doesNotContain("row 0");
    }

    @Test
    void patchesOfAnImageThatIsNotSquareAreNamedByTheirPlaceAndOtherCountsByPosition() {
        Dataset data = new Dataset(new INDArray[] {Nd4j.rand(new int[] {2, 3, 4, 6})}, null,
                new INDArray[] {Nd4j.zeros(2, 1)}, List.of());
        assertThat(AxisLabels.of(data, 0, 0, 6)).as("2 × 2 patches of a 4 × 6 image: a 2 × 3 grid")
                .containsExactly("r0 c0", "r0 c1", "r0 c2", "r1 c0", "r1 c1", "r1 c2");
        assertThat(AxisLabels.of(data, 0, 0, 5)).as("no patch size makes 5").containsExactly("t0", "t1", "t2", "t3", "t4");
    }
}
