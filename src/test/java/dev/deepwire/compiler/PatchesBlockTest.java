package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Image patches: each position of the sequence holds one p × p patch's pixels, patches read row by row. */
class PatchesBlockTest {
    private static GraphFixture graph(int patch, int height, int width) {
        return new GraphFixture()
                .node("image", "image_input", "channels", 2, "height", height, "width", width)
                .node("cut", "patches", "patch", patch)
                .node("pool", "global_pool")
                .node("out", "softmax_output", "classes", 2)
                .wire("image.out", "cut.in").wire("cut.out", "pool.in").wire("pool.out", "out.in");
    }

    @Test
    void eachPositionIsOnePatchsPixelsInReadingOrder() {
        int c = 2, h = 4, w = 6, p = 2;
        CompiledNetwork net = new GraphCompiler(BlockCatalog.standard())
                .compile(graph(p, h, w).graph(), CompileOptions.forGradientCheck(1)).orThrow();
        assertThat(net.shapes().outputs().get("cut").get("out").dims()).containsExactly(c * p * p, (h / p) * (w / p));
        ComputationGraph g = net.instantiate();
        INDArray image = Nd4j.arange(c * h * w).castTo(DataType.DOUBLE).reshape(1, c, h, w); // every pixel its own value
        Map<String, INDArray> acts = g.feedForward(new INDArray[] {image}, false);
        INDArray seq = acts.get("cut"); // [1, c·p·p, (h/p)(w/p)]
        assertThat(seq.shape()).containsExactly(1, c * p * p, (h / p) * (w / p));
        for (int py = 0; py < h / p; py++) {
            for (int px = 0; px < w / p; px++) {
                Set<Double> want = new HashSet<>();
                for (int ch = 0; ch < c; ch++) {
                    for (int y = py * p; y < py * p + p; y++) {
                        for (int x = px * p; x < px * p + p; x++) {
                            want.add(image.getDouble(0, ch, y, x));
                        }
                    }
                }
                Set<Double> got = new HashSet<>();
                int position = py * (w / p) + px;
                for (int f = 0; f < c * p * p; f++) {
                    got.add(seq.getDouble(0, f, position));
                }
                assertThat(got).as("patch (%d, %d) at position %d", py, px, position).isEqualTo(want);
            }
        }
    }

    @Test
    void aPatchSizeThatDoesNotTileTheImageNamesTheOnesThatDo() {
        CompileResult r = new GraphCompiler(BlockCatalog.standard())
                .compile(graph(4, 6, 9).graph(), CompileOptions.forGradientCheck(1));
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.toString())
                .contains("4 × 4 patches do not tile a 6 × 9 image").contains("1 or 3"));
    }
}
