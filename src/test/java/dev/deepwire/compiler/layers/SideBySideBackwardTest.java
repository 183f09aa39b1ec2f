package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import dev.deepwire.model.BlockCatalog;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * marker's attention and feed-forward layers hand their weight gradients to the second thread (SplitGemm.beside)
 * during training: the parameters after a few steps are the same floats as with every product on one thread.
 */
class SideBySideBackwardTest {
    private boolean wasEnabled;

    @BeforeEach
    void cpuOnly() {
        assumeTrue(BatchedGemm.direct(), "products go to OpenBLAS directly on the CPU backend only");
        wasEnabled = SplitGemm.enabled();
    }

    @AfterEach
    void restore() {
        SplitGemm.threads(wasEnabled ? 2 : 1);
    }

    @Test
    void markerTrainsToTheSameFloatsWithTheBackwardProductsSideBySide() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        CompiledNetwork compiled = new GraphCompiler(BlockCatalog.standard())
                .compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow();
        MultiDataSet batch = batch(64, 24, 32);

        SplitGemm.threads(1);
        float[] oneThread = train(compiled.instantiate(), batch);
        SplitGemm.threads(2);
        long before = SplitGemm.splits();
        float[] twoThreads = train(compiled.instantiate(), batch);

        assertThat(SplitGemm.splits() - before).as("parts handed to the helper").isPositive();
        assertThat(twoThreads.length).isEqualTo(oneThread.length);
        int differ = 0;
        for (int i = 0; i < oneThread.length; i++) {
            differ += Float.floatToRawIntBits(oneThread[i]) != Float.floatToRawIntBits(twoThreads[i]) ? 1 : 0;
        }
        assertThat(differ).as("parameters that differ after 3 steps").isZero();
    }

    /** The parameters of a new network (the project's seed) after three steps on the batch. */
    private static float[] train(ComputationGraph net, MultiDataSet batch) {
        assumeTrue(net.params().dataType() == DataType.FLOAT, "the float path (double products are never handed over)");
        for (int step = 0; step < 3; step++) {
            net.fit(batch);
        }
        return net.params().dup().data().asFloat();
    }

    /** Random tokens and one-hot labels, the same every call. */
    private static MultiDataSet batch(int examples, int length, int vocabulary) {
        Nd4j.getRandom().setSeed(7);
        INDArray tokens = Nd4j.rand(DataType.FLOAT, examples, length).muli(vocabulary);
        tokens = Nd4j.math().floor(tokens);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, examples, vocabulary);
        for (int e = 0; e < examples; e++) {
            labels.putScalar(e, (e * 7) % vocabulary, 1f);
        }
        return new MultiDataSet(new INDArray[] {tokens}, new INDArray[] {labels});
    }
}
