package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 1-N loss and its gradient against a hand computation, whichever of the two is asked first (the second reuses
 * the first's per-row figures), and never from figures of other scores — not even of the same array changed in place.
 */
class EntitySoftmaxLossTest {
    private static final double SMOOTHING = 0.1;

    private static double[][] softmax(double[][] s) {
        double[][] p = new double[s.length][];
        for (int q = 0; q < s.length; q++) {
            double z = 0;
            for (double v : s[q]) {
                z += Math.exp(v);
            }
            p[q] = new double[s[q].length];
            for (int e = 0; e < s[q].length; e++) {
                p[q][e] = Math.exp(s[q][e]) / z;
            }
        }
        return p;
    }

    private static double loss(double[][] s, int[] answer) {
        double[][] p = softmax(s);
        double sum = 0;
        for (int q = 0; q < s.length; q++) {
            for (int e = 0; e < s[q].length; e++) {
                double target = SMOOTHING / s[q].length + (e == answer[q] ? 1 - SMOOTHING : 0);
                sum -= target * Math.log(p[q][e]);
            }
        }
        return sum;
    }

    private static double[][] gradient(double[][] s, int[] answer) {
        double[][] g = softmax(s);
        for (int q = 0; q < s.length; q++) {
            for (int e = 0; e < s[q].length; e++) {
                g[q][e] -= SMOOTHING / s[q].length + (e == answer[q] ? 1 - SMOOTHING : 0);
            }
        }
        return g;
    }

    private static void assertClose(INDArray actual, double[][] expected) {
        double[][] a = actual.toDoubleMatrix();
        for (int q = 0; q < expected.length; q++) {
            for (int e = 0; e < expected[q].length; e++) {
                assertThat(a[q][e]).as("[%d, %d]", q, e).isCloseTo(expected[q][e], offset(1e-12));
            }
        }
    }

    @Test
    void lossAndGradientMatchTheHandComputationInEitherOrderAndFollowChangedScores() {
        double[][] s = {{1, 2, 3, -1}, {0.5, 4, -2, 1}};
        int[] answer = {2, 0};
        INDArray labels = Nd4j.createFromArray(new double[][] {{2}, {0}});
        INDArray scores = Nd4j.createFromArray(s);
        EntitySoftmaxLoss loss = new EntitySoftmaxLoss(SMOOTHING);
        ActivationIdentity identity = new ActivationIdentity();

        assertThat(loss.computeScore(labels, scores, identity, null, false)).isCloseTo(loss(s, answer), offset(1e-12));
        assertClose(loss.computeGradient(labels, scores, identity, null), gradient(s, answer));

        INDArray again = Nd4j.createFromArray(s);
        assertClose(loss.computeGradient(labels, again, identity, null), gradient(s, answer));
        assertThat(loss.computeScore(labels, again, identity, null, false)).isCloseTo(loss(s, answer), offset(1e-12));

        double[][] changed = {{1, 2, 3, -1}, {0.5, 0, -2, 1}};
        again.putScalar(1, 1, 0.0); // the same array, one score changed in place
        assertThat(loss.computeScore(labels, again, identity, null, false)).isCloseTo(loss(changed, answer), offset(1e-12));
        assertClose(loss.computeGradient(labels, again, identity, null), gradient(changed, answer));
        assertThat(scores.toDoubleMatrix()).as("the scores are not changed").isDeepEqualTo(s);
    }

    @Test
    void floatScoresGiveTheSameFigures() {
        double[][] s = {{1, 2, 3, -1}, {0.5, 4, -2, 1}};
        int[] answer = {2, 0};
        INDArray labels = Nd4j.createFromArray(new float[][] {{2}, {0}});
        INDArray scores = Nd4j.createFromArray(s).castTo(DataType.FLOAT);
        EntitySoftmaxLoss loss = new EntitySoftmaxLoss(SMOOTHING);
        INDArray g = loss.computeGradient(labels, scores, new ActivationIdentity(), null);
        assertThat(g.dataType()).isEqualTo(DataType.FLOAT);
        double[][] expected = gradient(s, answer);
        for (int q = 0; q < 2; q++) {
            for (int e = 0; e < 4; e++) {
                assertThat(g.getDouble(q, e)).isCloseTo(expected[q][e], offset(1e-6));
            }
        }
        assertThat(loss.computeScore(labels, scores, new ActivationIdentity(), null, false))
                .isCloseTo(loss(s, answer), offset(1e-5));
    }
}
