package dev.deepwire.inspect.walk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.inspect.Viridis;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** How a tensor on a wire is drawn: every channel of an image, each where the readout says it is. */
class WalkTensorTest {
    @Test
    void everyChannelOfAnImageIsDrawnSideBySideAndNamedWhereItIs() {
        // a convolution's 3 channels of 2 × 2: drawn as its first channel alone before, as if it had one
        WalkTensor t = WalkTensor.of("conv.out", "conv", Nd4j.arange(12).castTo(DataType.FLOAT).reshape(1, 3, 2, 2));
        float[][] g = t.grid();
        // two channels across (the smallest n with n² ≥ 3), two down; one empty cell between channels
        assertThat(g.length).isEqualTo(5);
        assertThat(g[0].length).isEqualTo(5);
        assertThat(g[0]).containsExactly(0f, 1f, Float.NaN, 4f, 5f);
        assertThat(g[1]).containsExactly(2f, 3f, Float.NaN, 6f, 7f);
        assertThat(g[2]).containsOnly(Float.NaN);
        assertThat(g[3]).containsExactly(8f, 9f, Float.NaN, Float.NaN, Float.NaN);
        assertThat(g[4]).containsExactly(10f, 11f, Float.NaN, Float.NaN, Float.NaN);

        assertThat(t.where(1, 4)).isEqualTo("channel 1, row 1, column 1");
        assertThat(t.where(4, 0)).isEqualTo("channel 2, row 1, column 0");
        assertThat(t.where(0, 2)).as("between channels").isNull();
        assertThat(t.where(3, 4)).as("after the last channel").isNull();

        assertThat(t.layout()).isEqualTo("3 channels, left to right, then down");
        int[] pixels = TensorRaster.argb(t);
        assertThat(pixels[2]).as("nothing drawn between channels").isZero();
        assertThat(pixels[4]).isEqualTo(Viridis.argb(5 / 11.0));
    }

    @Test
    void aOneChannelImageIsItselfAndItsCellsAreRowsAndColumns() {
        WalkTensor t = WalkTensor.of("image.out", "image", Nd4j.arange(6).castTo(DataType.FLOAT).reshape(1, 1, 2, 3));
        assertThat(t.grid()).isDeepEqualTo(new float[][] {{0, 1, 2}, {3, 4, 5}});
        assertThat(t.where(1, 2)).isEqualTo("row 1, column 2");
    }

    @Test
    void aCellOfAGridAveragedDownNamesTheValuesItStandsFor() {
        // 64 channels of 40 × 40: a mosaic 8 × 41 − 1 = 327 cells a side, drawn averaged 2 × 2 (at most 256 a side)
        WalkTensor t = WalkTensor.of("conv.out", "conv", Nd4j.zeros(DataType.FLOAT, 1, 64, 40, 40));
        assertThat(TensorRaster.cells(t).length).isEqualTo(164);
        assertThat(TensorRaster.where(t, 21, 1)).as("drawn cell (21, 1) is grid cell (42, 2): channel 8's (1, 2)")
                .isEqualTo("channel 8, row 1, column 2 (the mean of 2 × 2 cells from there)");
        WalkTensor small = WalkTensor.of("image.out", "image", Nd4j.zeros(DataType.FLOAT, 1, 1, 4, 4));
        assertThat(TensorRaster.where(small, 3, 2)).isEqualTo("row 3, column 2");
    }
}
