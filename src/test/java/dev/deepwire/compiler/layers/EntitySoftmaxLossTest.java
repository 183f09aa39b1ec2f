package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

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

    /**
     * Float scores as training makes them (4,000 entities, scores far apart) run on the host kernel; its loss and
     * gradient agree with the double-precision ND4J path to float accuracy, in either order, and a score changed in
     * place between the two calls is seen.
     */
    @Test
    void hostKernelAgreesWithTheDoublePathOnAWholeTable() {
        int rows = 19;
        int n = 4000;
        INDArray scores = Nd4j.rand(DataType.DOUBLE, rows, n).subi(0.5).muli(60).castTo(DataType.FLOAT);
        double[][] ids = new double[rows][1];
        for (int i = 0; i < rows; i++) {
            ids[i][0] = (i * 211) % n;
        }
        INDArray labels = Nd4j.createFromArray(ids).castTo(DataType.FLOAT);
        ActivationIdentity identity = new ActivationIdentity();
        EntitySoftmaxLoss reference = new EntitySoftmaxLoss(SMOOTHING);
        INDArray exact = scores.castTo(DataType.DOUBLE);
        double expectedLoss = reference.computeScore(labels.castTo(DataType.DOUBLE), exact, identity, null, false);
        INDArray expectedGrad = reference.computeGradient(labels.castTo(DataType.DOUBLE), exact, identity, null);

        EntitySoftmaxLoss gradFirst = new EntitySoftmaxLoss(SMOOTHING);
        INDArray g = gradFirst.computeGradient(labels, scores, identity, null);
        assertThat(gradFirst.computeScore(labels, scores, identity, null, false)).isCloseTo(expectedLoss, offset(1e-4 * rows));
        EntitySoftmaxLoss scoreFirst = new EntitySoftmaxLoss(SMOOTHING);
        assertThat(scoreFirst.computeScore(labels, scores, identity, null, false)).isCloseTo(expectedLoss, offset(1e-4 * rows));
        INDArray g2 = scoreFirst.computeGradient(labels, scores, identity, null);
        assertThat(g.dataType()).isEqualTo(DataType.FLOAT);
        double worst = Transforms.abs(g.castTo(DataType.DOUBLE).sub(expectedGrad), false).maxNumber().doubleValue();
        assertThat(worst).as("largest gradient difference").isLessThan(2e-5);
        assertThat(g2.equals(g)).as("same figures in either order").isTrue();

        scores.putScalar(3, (long) ids[3][0], -100f); // the true entity of row 3 now far behind every other
        INDArray changed = gradFirst.computeGradient(labels, scores, identity, null);
        assertThat(changed.getDouble(3, (long) ids[3][0])).isCloseTo(-(1 - SMOOTHING) - SMOOTHING / n, offset(1e-4));
        double changedLoss = new EntitySoftmaxLoss(SMOOTHING).computeScore(labels.castTo(DataType.DOUBLE),
                scores.castTo(DataType.DOUBLE), identity, null, false);
        assertThat(changedLoss).isGreaterThan(expectedLoss + 50); // (1 − ε) · (at least 70 more) for row 3
        assertThat(gradFirst.computeScore(labels, scores, identity, null, false)).isCloseTo(changedLoss, offset(1e-4 * rows));
    }

    /**
     * The float gradient is made outside any open workspace (DL4J then uses it where it is instead of copying it) and
     * kept for the next step on the same thread, never shared with another thread (a clone training at once).
     */
    @Test
    void hostGradientLivesOutsideWorkspacesAndIsReusedOnlyOnItsThread() throws InterruptedException {
        INDArray scores = Nd4j.rand(DataType.FLOAT, 4, 30);
        INDArray labels = Nd4j.createFromArray(new float[][] {{1}, {7}, {29}, {0}});
        ActivationIdentity identity = new ActivationIdentity();
        EntitySoftmaxLoss loss = new EntitySoftmaxLoss(SMOOTHING);
        INDArray first;
        try (org.nd4j.linalg.api.memory.MemoryWorkspace ws =
                     Nd4j.getWorkspaceManager().getAndActivateWorkspace("EntitySoftmaxLossTest")) {
            first = loss.computeGradient(labels, scores, identity, null);
            assertThat(first.isAttached()).as("made inside an open workspace, but outside it").isFalse();
        }
        double[] firstValues = first.dup().data().asDouble();
        INDArray next = loss.computeGradient(labels, scores.mul(2), identity, null);
        assertThat(next).as("the next step's gradient, same thread").isSameAs(first);
        assertThat(next.data().asDouble()).as("new figures written into it").isNotEqualTo(firstValues);
        INDArray[] elsewhere = new INDArray[1];
        Thread other = new Thread(() -> elsewhere[0] = loss.computeGradient(labels, scores, identity, null));
        other.start();
        other.join();
        assertThat(elsewhere[0]).as("another thread's").isNotNull().isNotSameAs(first);
        assertThat(elsewhere[0].data().asDouble()).containsExactly(firstValues, offset(0.0));
        INDArray smaller = loss.computeGradient(labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup(), scores.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup(), identity, null);
        assertThat(smaller.shape()).containsExactly(2, 30);
    }

    /**
     * The host kernel works a block of rows at a time ({@link EntitySoftmaxLoss#BLOCK} values, or one row when a row is
     * longer): rows longer than a block, and scores that are a view (a transposed array, read through a copy), give
     * the double path's figures too.
     */
    @Test
    void hostKernelGivesTheSameFiguresForRowsLongerThanABlockAndForViews() {
        ActivationIdentity identity = new ActivationIdentity();
        int n = EntitySoftmaxLoss.BLOCK + 4_465;
        INDArray wide = Nd4j.rand(DataType.DOUBLE, 3, n).subi(0.5).muli(40).castTo(DataType.FLOAT);
        INDArray transposed = Nd4j.rand(DataType.DOUBLE, 300, 5).subi(0.5).muli(40).castTo(DataType.FLOAT).dup('c').transpose();
        assertThat(transposed.ordering()).isEqualTo('f');
        for (INDArray scores : new INDArray[] {wide, transposed}) {
            long entities = scores.size(1);
            float[][] ids = new float[(int) scores.size(0)][1];
            for (int i = 0; i < ids.length; i++) {
                ids[i][0] = i == 0 ? entities - 1 : (i * 97) % entities;
            }
            INDArray labels = Nd4j.createFromArray(ids);
            EntitySoftmaxLoss reference = new EntitySoftmaxLoss(SMOOTHING);
            INDArray exact = scores.castTo(DataType.DOUBLE);
            INDArray expectedGrad = reference.computeGradient(labels.castTo(DataType.DOUBLE), exact, identity, null);
            double expectedLoss = reference.computeScore(labels.castTo(DataType.DOUBLE), exact, identity, null, false);
            EntitySoftmaxLoss loss = new EntitySoftmaxLoss(SMOOTHING);
            INDArray g = loss.computeGradient(labels, scores, identity, null);
            double worst = Transforms.abs(g.castTo(DataType.DOUBLE).sub(expectedGrad), false).maxNumber().doubleValue();
            assertThat(worst).as("largest gradient difference, %s", java.util.Arrays.toString(scores.shape())).isLessThan(2e-5);
            assertThat(loss.computeScore(labels, scores, identity, null, false)).isCloseTo(expectedLoss, offset(1e-3));
        }
    }

    /**
     * The gradient array is handed out once per computation: whoever takes it may change it in place (a mask, an
     * activation's backward), so asking again for the same scores works it out again instead of handing back the
     * changed array; the loss of those scores is still taken from the first computation.
     */
    @Test
    void aGradientChangedByItsTakerIsNotHandedOutAgain() {
        INDArray scores = Nd4j.rand(DataType.FLOAT, 4, 30);
        INDArray labels = Nd4j.createFromArray(new float[][] {{1}, {7}, {29}, {0}});
        ActivationIdentity identity = new ActivationIdentity();
        EntitySoftmaxLoss loss = new EntitySoftmaxLoss(SMOOTHING);
        INDArray first = loss.computeGradient(labels, scores, identity, null);
        double[] expected = first.dup().data().asDouble();
        first.muli(0); // as a taker may
        INDArray again = loss.computeGradient(labels, scores, identity, null);
        assertThat(again.data().asDouble()).containsExactly(expected, offset(0.0));
        double score = loss.computeScore(labels, scores, identity, null, false);
        assertThat(score).isCloseTo(new EntitySoftmaxLoss(SMOOTHING).computeScore(labels, scores, identity, null, false),
                offset(0.0));
    }

    /**
     * The vectorisable exp the host kernel uses: within 10⁻⁵ of the exact value (relative) down to e⁻¹⁰, within
     * 3·10⁻⁵ over the rest of float's normal range.
     */
    @Test
    void hostExpIsAccurateOverFloatsRange() {
        int count = 200_001;
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = -87f * i / (count - 1);
        }
        float[] out = new float[count];
        EntitySoftmaxKernel.exp(x, 0, count, 0f, out);
        for (int i = 0; i < count; i++) {
            double exact = Math.exp(x[i]);
            assertThat(Math.abs(out[i] - exact) / exact).as("exp(%s)", x[i]).isLessThan(x[i] >= -10 ? 1e-5 : 3e-5);
        }
        float[] shifted = {3f, 5f};
        float[] two = new float[2];
        EntitySoftmaxKernel.exp(shifted, 0, 2, 5f, two);
        assertThat((double) two[1]).isCloseTo(1.0, offset(1e-6));
        assertThat((double) two[0]).isCloseTo(Math.exp(-2), offset(1e-6));
    }

    /** A NaN score makes that row's loss and gradient NaN (training stops on it and names the block), not a number. */
    @Test
    void aNanScoreIsNotHidden() {
        INDArray scores = Nd4j.rand(DataType.FLOAT, 3, 50);
        scores.putScalar(1, 7, Float.NaN);
        INDArray labels = Nd4j.createFromArray(new float[][] {{1}, {2}, {3}});
        EntitySoftmaxLoss loss = new EntitySoftmaxLoss(SMOOTHING);
        INDArray perRow = loss.computeScoreArray(labels, scores, new ActivationIdentity(), null);
        assertThat(Double.isNaN(perRow.getDouble(1))).isTrue();
        assertThat(Double.isNaN(perRow.getDouble(0))).isFalse();
        INDArray g = loss.computeGradient(labels, scores, new ActivationIdentity(), null);
        assertThat(Double.isNaN(g.getDouble(1, 7))).isTrue();
    }

    /**
     * A batch of {@link EntitySoftmaxLoss#SPLIT} scores or more shares its rows with the product's helper thread where
     * two threads are used: the loss and the gradient are the one-thread figures bit for bit, and a part went over.
     */
    @Test
    void aLargeBatchSplitOverTwoThreadsGivesTheOneThreadFiguresBitForBit() {
        assumeTrue(VectorKernels.ON && BatchedGemm.direct(), "the vector kernel on the CPU backend");
        int rows = 70;
        int n = 4000; // 280,000 scores: more than SPLIT; odd halves (35 rows each)
        assertThat((long) rows * n).isGreaterThanOrEqualTo(EntitySoftmaxLoss.SPLIT);
        Nd4j.getRandom().setSeed(7);
        INDArray s = Nd4j.randn(DataType.FLOAT, rows, n).muli(6);
        double[][] ids = new double[rows][1];
        for (int i = 0; i < rows; i++) {
            ids[i][0] = (i * 997) % n;
        }
        INDArray labels = Nd4j.createFromArray(ids).castTo(DataType.FLOAT);
        boolean was = SplitGemm.enabled();
        try {
            SplitGemm.threads(1);
            EntitySoftmaxLoss alone = new EntitySoftmaxLoss(SMOOTHING);
            float[] gradientAlone = alone.computeGradient(labels, s, new ActivationIdentity(), null).dup().data().asFloat();
            float[] lossAlone = alone.computeScoreArray(labels, s, new ActivationIdentity(), null).data().asFloat();

            SplitGemm.threads(2);
            long handed = SplitGemm.handedOver();
            EntitySoftmaxLoss split = new EntitySoftmaxLoss(SMOOTHING);
            float[] gradientSplit = split.computeGradient(labels, s, new ActivationIdentity(), null).dup().data().asFloat();
            float[] lossSplit = split.computeScoreArray(labels, s, new ActivationIdentity(), null).data().asFloat();
            EntitySoftmaxLoss lossFirst = new EntitySoftmaxLoss(SMOOTHING); // the loss alone (validation) splits too
            float[] lossOnly = lossFirst.computeScoreArray(labels, s, new ActivationIdentity(), null).data().asFloat();

            assertThat(SplitGemm.handedOver()).as("parts offered to the helper").isGreaterThan(handed);
            assertThat(firstDifference(gradientSplit, gradientAlone, n)).as("the gradient's first value that differs")
                    .isEmpty();
            assertThat(firstDifference(lossSplit, lossAlone, 1)).as("the first loss that differs").isEmpty();
            assertThat(firstDifference(lossOnly, lossAlone, 1)).as("the first loss alone that differs").isEmpty();
        } finally {
            SplitGemm.threads(was ? 2 : 1);
        }
    }

    /** "[row, column] a ≠ b" for the first value whose bits differ (or the lengths), empty when every bit agrees. */
    private static String firstDifference(float[] actual, float[] expected, int columns) {
        if (actual.length != expected.length) {
            return actual.length + " values, expected " + expected.length;
        }
        for (int j = 0; j < actual.length; j++) {
            if (Float.floatToRawIntBits(actual[j]) != Float.floatToRawIntBits(expected[j])) {
                return "[" + j / columns + ", " + j % columns + "] " + actual[j] + " ≠ " + expected[j];
            }
        }
        return "";
    }
}
