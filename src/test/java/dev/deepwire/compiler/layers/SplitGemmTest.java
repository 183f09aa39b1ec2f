package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Large products split over two threads give the whole product within float rounding (bit for bit where OpenBLAS's
 * kernels tile a part as they tile the whole: SkylakeX, Prescott; not Haswell's — {@link FloatRounding}); small ones
 * stay whole; work handed to the helper whole runs beside the caller, and a network trained with it gets the same floats.
 */
class SplitGemmTest {
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

    /** One product's operands, each a block inside a wider array where the strides say so. */
    private record Product(boolean ta, boolean tb, int m, int n, int k, int lda, int ldb, int ldc, INDArray a, INDArray b,
                           INDArray c) {
        static Product of(boolean ta, boolean tb, int m, int n, int k, int pad) {
            int lda = (ta ? m : k) + pad, ldb = (tb ? k : n) + pad, ldc = n + pad;
            Nd4j.getRandom().setSeed(m * 31L + n * 7L + k);
            INDArray a = Nd4j.rand(DataType.FLOAT, ta ? k : m, lda).subi(0.5);
            INDArray b = Nd4j.rand(DataType.FLOAT, tb ? n : k, ldb).subi(0.5);
            INDArray c = Nd4j.rand(DataType.FLOAT, m, ldc).subi(0.5);
            return new Product(ta, tb, m, n, k, lda, ldb, ldc, a, b, c);
        }

        /** c's values after {@code c = 0.75 · op(a) · op(b) + beta · c}, split where SplitGemm splits. */
        float[] run(float beta) {
            INDArray out = c.dup();
            SplitGemm.sgemm(ta, tb, m, n, k, 0.75f, pointer(a), lda, pointer(b), ldb, beta, pointer(out), ldc);
            return out.data().asFloat();
        }

        /** The same with one whole OpenBLAS call. */
        float[] whole(float beta) {
            INDArray out = c.dup();
            SplitGemm.call(ta, tb, m, n, k, 0.75f, pointer(a), lda, pointer(b), ldb, beta, pointer(out), ldc);
            return out.data().asFloat();
        }

        /**
         * For each value of c (its padding too, left as it was): the sum of the absolute terms that make it,
         * {@code Σ |0.75 · op(a)[i][l] · op(b)[l][j]| + |beta · c[i][j]|}, for {@link FloatRounding}.
         */
        double[] magnitude(float beta) {
            float[] av = a.data().asFloat(), bv = b.data().asFloat(), cv = c.data().asFloat();
            double[] out = new double[cv.length];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int l = 0; l < k; l++) {
                        float x = ta ? av[l * lda + i] : av[i * lda + l];
                        float y = tb ? bv[j * ldb + l] : bv[l * ldb + j];
                        sum += Math.abs((double) x * y);
                    }
                    out[i * ldc + j] = 0.75 * sum + Math.abs(beta * (double) cv[i * ldc + j]);
                }
            }
            return out;
        }

        /** The split product is the whole one within float rounding (bit for bit on SkylakeX and Prescott kernels). */
        void assertSplitIsWhole(float[] split, float[] whole, float beta, String what) {
            FloatRounding.assertSameProduct(split, whole, magnitude(beta), k, what);
        }

        private static FloatPointer pointer(INDArray x) {
            return new FloatPointer(x.data().addressPointer());
        }
    }

    @ParameterizedTest
    @CsvSource({
            // by columns (n > m): the 1-N scorer's [b × w] · [w × N] and its transposes
            "false,true,128,4000,64,0", "false,false,128,4000,64,3", "true,false,128,4000,64,5", "true,true,128,4000,64,1",
            // by rows (m > n), and sizes that are no multiple of the cut's alignment
            "false,false,4000,128,64,0", "true,false,4000,128,64,2", "false,true,1000,333,100,7", "true,true,1003,331,101,0"})
    void aSplitProductIsTheWholeProductBitForBit(boolean ta, boolean tb, int m, int n, int k, int pad) {
        SplitGemm.threads(2);
        Product p = Product.of(ta, tb, m, n, k, pad);
        assertThat((double) m * n * k).isGreaterThanOrEqualTo(SplitGemm.LARGE);
        for (float beta : new float[] {0f, 0.5f}) {
            long before = SplitGemm.handedOver();
            float[] split = p.run(beta);
            assertThat(SplitGemm.handedOver()).as("split").isEqualTo(before + 1);
            p.assertSplitIsWhole(split, p.whole(beta), beta, "beta " + beta);
        }
    }

    @Test
    void smallProductsAndOneThreadKeepProductsWhole() {
        SplitGemm.threads(2);
        Product small = Product.of(false, false, 1536, 192, 64, 0); // marker's largest: 18.9 million multiply-adds
        long before = SplitGemm.handedOver();
        assertBitForBit(small.run(0f), small.whole(0f), "small");
        assertThat(SplitGemm.handedOver()).as("a product under the threshold").isEqualTo(before);

        SplitGemm.threads(1);
        Product large = Product.of(false, true, 128, 4000, 64, 0);
        assertBitForBit(large.run(0f), large.whole(0f), "one thread");
        assertThat(SplitGemm.handedOver()).as("with one thread").isEqualTo(before);
        assertThat(SplitGemm.enabled()).isFalse();
    }

    @Test
    void callersOnTwoThreadsAtOnceEachGetTheirOwnProduct() throws Exception {
        SplitGemm.threads(2);
        Product first = Product.of(false, true, 128, 4000, 64, 0);
        Product second = Product.of(true, false, 4000, 128, 64, 1);
        float[] firstWhole = first.whole(0f);
        float[] secondWhole = second.whole(0.5f);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Future<float[]> a = pool.submit(() -> first.run(0f));
                Future<float[]> b = pool.submit(() -> second.run(0.5f));
                first.assertSplitIsWhole(a.get(), firstWhole, 0f, "first caller, round " + round);
                second.assertSplitIsWhole(b.get(), secondWhole, 0.5f, "second caller, round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void workHandedBesideRunsOnTheHelperWhileTheCallerGoesOn() throws Exception {
        SplitGemm.threads(2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch callerWent = new CountDownLatch(1);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        long before = SplitGemm.handedOver();
        SplitGemm.Pending part = SplitGemm.beside(SplitGemm.WORTH, () -> {
            ranOn.set(Thread.currentThread());
            started.countDown();
            try {
                callerWent.await(); // finishes only after the caller has gone on: the two ran at the same time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThat(SplitGemm.handedOver()).as("handed over").isEqualTo(before + 1);
            assertThat(started.await(30, TimeUnit.SECONDS)).as("the helper started the work").isTrue();
            callerWent.countDown();
        } finally {
            callerWent.countDown();
            part.join();
        }
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.get().getName()).isEqualTo("deepwire-split-gemm");
    }

    @Test
    void whatTheWorkThrowsIsThrownAtTheJoinAndTheHelperServesTheNextPart() {
        SplitGemm.threads(2);
        SplitGemm.Pending failing = SplitGemm.beside(SplitGemm.WORTH, () -> {
            throw new IllegalStateException("product failed");
        });
        assertThatThrownBy(failing::join).isInstanceOf(IllegalStateException.class).hasMessage("product failed");
        Product p = Product.of(false, true, 128, 4000, 64, 0);
        p.assertSplitIsWhole(p.run(0f), p.whole(0f), 0f, "after a failed part");
    }

    @Test
    void withOneThreadOrLittleWorkThePartRunsOnTheCallerBeforeBesideReturns() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        SplitGemm.threads(1);
        long before = SplitGemm.handedOver();
        SplitGemm.Pending off = SplitGemm.beside(SplitGemm.WORTH, () -> ranOn.set(Thread.currentThread()));
        assertThat(ranOn.get()).as("one thread: run before beside returns").isSameAs(Thread.currentThread());
        off.join();

        SplitGemm.threads(2);
        ranOn.set(null);
        SplitGemm.Pending small = SplitGemm.beside(SplitGemm.WORTH - 1, () -> ranOn.set(Thread.currentThread()));
        assertThat(ranOn.get()).as("too little work to hand over").isSameAs(Thread.currentThread());
        small.join();
        assertThat(SplitGemm.handedOver()).as("nothing handed over").isEqualTo(before);
    }

    /**
     * marker's attention and feed-forward layers hand their weight gradients to the helper while they train: the
     * parameters after a few steps are the same floats as with every product on one thread.
     */
    @Test
    void markerTrainsToTheSameFloatsWithTheBackwardProductsSideBySide() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        CompiledNetwork compiled = new GraphCompiler(BlockCatalog.standard())
                .compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow();
        MultiDataSet batch = batch(64, 24, 32);

        SplitGemm.threads(1);
        float[] oneThread = train(compiled.instantiate(), batch);
        SplitGemm.threads(2);
        long before = SplitGemm.handedOver();
        float[] twoThreads = train(compiled.instantiate(), batch);

        assertThat(SplitGemm.handedOver() - before).as("parts handed to the helper").isPositive();
        assertBitForBit(twoThreads, oneThread, "parameters after 3 steps");
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

    /** The same floats at every place (bit patterns, so a NaN or -0 would count too); the first that differs named. */
    private static void assertBitForBit(float[] actual, float[] expected, String what) {
        assertThat(actual.length).as(what + ": length").isEqualTo(expected.length);
        int differ = 0;
        int first = -1;
        for (int i = 0; i < actual.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                differ++;
                first = first < 0 ? i : first;
            }
        }
        assertThat(differ).as(what + ": values that differ, the first at " + first
                + (first < 0 ? "" : " (" + actual[first] + " against " + expected[first] + ")")).isZero();
    }
}
