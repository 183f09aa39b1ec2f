package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * The hand-written layers' Adagrad and Adam against DL4J's own: the same updates and the same state, step after step,
 * on a block that is a view into the middle of a larger flattened gradient (as DL4J's updater blocks are), nothing
 * outside the block touched; handed out only for those two, and sharing the layer's settings.
 */
class HostUpdaterTest {

    @Test
    void sameUpdatesAndHistoryAsDl4jsAdagradOnABlockView() {
        sameAsDl4j(new AdaGrad(0.2), HostAdaGrad.Kernel.class, 1);
    }

    /** In the tests' JVM (which resolves the vector module) Adam's step runs in vector instructions: libnd4j's figures. */
    @Test
    void sameUpdatesAndMomentsAsDl4jsAdamOnABlockView() {
        assertThat(VectorKernels.ON).isTrue();
        sameAsDl4j(new Adam(0.01), HostAdam.Kernel.class, 2);
        sameAsDl4j(new Adam(0.003, 0.8, 0.95, 1e-6), HostAdam.Kernel.class, 2);
    }

    /** Adagrad's vector step against its plain loop (the path where the vector module is absent), a tail included. */
    @Test
    void adagradsVectorStepMatchesThePlainLoop() {
        int n = 1000 + 13;
        java.util.Random random = new java.util.Random(3);
        float[] g = new float[n];
        float[] h = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (float) random.nextGaussian();
            h[i] = (float) random.nextDouble() * 2;
        }
        INDArray gv = Nd4j.createFromArray(g);
        INDArray hv = Nd4j.createFromArray(h);
        HostAdaGrad.Kernel.step(g, h, n, 0.05f, 1e-6f);
        UpdaterVectors.adaGrad(HostArrays.bytes(gv), HostArrays.bytes(hv), n, 0.05f, 1e-6f);
        for (int i = 0; i < n; i++) {
            assertThat(gv.getFloat(i)).as("update [%d]", i).isEqualTo(g[i]);
            assertThat(hv.getFloat(i)).as("history [%d]", i).isEqualTo(h[i]);
        }
    }

    /** Five steps of the host kernel and of DL4J's updater on the same gradients; {@code perValue} state values each. */
    private static void sameAsDl4j(IUpdater config, Class<?> kernel, int perValue) {
        int n = 300;
        INDArray flatState = Nd4j.zeros(DataType.FLOAT, 1, 1000 * perValue).addi(-7);
        INDArray flatGrad = Nd4j.zeros(DataType.FLOAT, 1, 1000).addi(-7);
        INDArray stateView = flatState.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(100, 100 + perValue * n));
        INDArray gradView = flatGrad.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(100, 100 + n));
        assertThat(HostArrays.isPlain(gradView)).as("a block view is read and written in place").isTrue();
        assertThat(HostArrays.isPlain(flatGrad.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 1000)))).isFalse();
        GradientUpdater<?> host = HostUpdater.of(config).instantiate(stateView, true);
        assertThat(host).isInstanceOf(kernel);
        for (INDArray state : host.getState().values()) {
            assertThat(HostArrays.isPlain(state)).as("state read and written in place, by the Java loop").isTrue();
        }
        INDArray refState = Nd4j.create(DataType.FLOAT, 1, perValue * n);
        GradientUpdater<?> dl4j = config.instantiate(refState, true);

        for (int step = 0; step < 5; step++) {
            INDArray g = Nd4j.rand(DataType.FLOAT, 1, n).subi(0.5).muli(step + 1);
            gradView.assign(g);
            INDArray expected = g.dup();
            dl4j.applyUpdater(expected, step, 0);
            host.applyUpdater(gradView, step, 0);
            assertClose(gradView, expected, "update at step " + step);
            assertClose(stateView, refState, "state at step " + step);
        }
        for (int i : new int[] {0, 99, 100 + n, 999}) {
            assertThat(flatGrad.getFloat(i)).as("gradient outside the block").isEqualTo(-7f);
        }
        assertThat(flatState.getFloat(99)).as("state before the block").isEqualTo(-7f);
        assertThat(flatState.getFloat(100 + perValue * n)).as("state after the block").isEqualTo(-7f);
    }

    @Test
    void onlyAdagradAndAdamHaveAHostVersionAndItSharesTheLayersSettings() {
        AdaGrad config = new AdaGrad(0.1);
        assertThat(HostUpdater.of(config)).isInstanceOf(HostAdaGrad.class).isEqualTo(HostUpdater.of(config));
        Adam adam = new Adam(1e-3);
        assertThat(HostUpdater.of(adam)).isInstanceOf(HostAdam.class).isEqualTo(HostUpdater.of(adam))
                .isNotEqualTo(HostUpdater.of(new Adam(2e-3)));
        Nesterovs nesterovs = new Nesterovs(0.1, 0.9);
        assertThat(HostUpdater.of(nesterovs)).isSameAs(nesterovs);
        IUpdater host = HostUpdater.of(config);
        host.setLrAndSchedule(0.05, null);
        assertThat(config.getLearningRate()).isEqualTo(0.05);
        assertThat(host.getLearningRate(10, 1)).isEqualTo(0.05);
        assertThat(host.stateSize(123)).isEqualTo(config.stateSize(123));
    }

    /** Rows cut from a matrix are read and written where they lie (the view's buffer starts at its first value). */
    @Test
    void rowViewsAreReadAndWrittenWhereTheyLie() {
        INDArray m = Nd4j.arange(40).castTo(DataType.FLOAT).reshape(10, 4);
        INDArray rows = m.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all());
        assertThat(HostArrays.isPlain(rows)).isTrue();
        float[] v = HostArrays.read(rows, null);
        assertThat(v).startsWith(8f, 9f, 10f).hasSize(12);
        HostArrays.write(new float[] {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12}, rows);
        assertThat(m.getFloat(7)).isEqualTo(7f);
        assertThat(m.getFloat(8)).isEqualTo(-1f);
        assertThat(m.getFloat(19)).isEqualTo(-12f);
        assertThat(m.getFloat(20)).isEqualTo(20f);
    }

    private static void assertClose(INDArray actual, INDArray expected, String what) {
        float[] a = actual.dup().data().asFloat();
        float[] e = expected.dup().data().asFloat();
        assertThat(a).as(what).hasSameSizeAs(e);
        for (int i = 0; i < e.length; i++) {
            assertThat((double) a[i]).as(what + " [" + i + "]").isCloseTo(e[i], offset(1e-6 * Math.max(1, Math.abs(e[i]))));
        }
    }
}
