package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The 1-N loss's vector kernel against its plain loops ({@link EntitySoftmaxKernel}), on rows shorter than a vector,
 * with a tail and of the samples' width; and that the tests' JVM runs the vector kernel at all (so the loss's other
 * tests hold it to the double-precision path too).
 */
class EntitySoftmaxVectorsTest {
    private static final double EPS = 0.1;

    @Test
    void theTestsJvmRunsTheVectorKernels() {
        assertThat(VectorKernels.ON).as("the tests' JVM resolves %s (the pom's surefire argLine)", VectorKernels.MODULE)
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 37, 4000})
    void theVectorKernelGivesThePlainLoopsFiguresAndALossAloneWritesNothing(int n) {
        int rows = 7;
        Random random = new Random(n);
        float[] scores = new float[rows * n];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) (random.nextGaussian() * 8);
        }
        int[] ids = new int[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i == 0 ? n - 1 : random.nextInt(n);
        }
        float[] plain = scores.clone();
        double[] plainLoss = new double[rows];
        EntitySoftmaxKernel.lossAndGradient(plain, rows, n, ids, 0, EPS, plainLoss);

        ByteBuffer s = buffer(scores);
        ByteBuffer g = buffer(new float[scores.length]);
        double[] loss = new double[rows];
        float[] atTarget = new float[rows];
        EntitySoftmaxVectors.lossAndGradient(s, g, 0, rows, n, ids, EPS, loss, atTarget);
        for (int i = 0; i < rows; i++) {
            assertThat(loss[i]).as("row %d's loss", i).isCloseTo(plainLoss[i], offset(1e-5 * Math.abs(plainLoss[i]) + 1e-6));
            assertThat(atTarget[i]).isEqualTo(scores[i * n + ids[i]]);
        }
        for (int j = 0; j < scores.length; j++) {
            assertThat(g.getFloat(4 * j)).as("gradient [%d, %d]", j / n, j % n).isCloseTo(plain[j], offset(1e-6f));
            assertThat(s.getFloat(4 * j)).as("the scores are left as they were").isEqualTo(scores[j]);
        }

        double[] lossAlone = new double[rows];
        EntitySoftmaxVectors.lossAndGradient(s, null, 0, rows, n, ids, EPS, lossAlone, new float[rows]);
        assertThat(lossAlone).containsExactly(loss);
    }

    private static ByteBuffer buffer(float[] values) {
        ByteBuffer b = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder());
        for (int i = 0; i < values.length; i++) {
            b.putFloat(4 * i, values[i]);
        }
        return b;
    }
}
