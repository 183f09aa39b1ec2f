package dev.deepwire.training.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.compiler.layers.SplitGemm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** What a thread count means for a small and a large model; ND4J's own settings restored after each test. */
class ThreadSettingsTest {
    private int applied;
    private long params;
    private int maxThreads;
    private int masterThreads;
    private int blasThreads;
    private int ompThreads;
    private boolean split;

    @BeforeEach
    void remember() {
        applied = ThreadSettings.applied();
        params = ThreadSettings.appliedParams();
        maxThreads = Nd4j.getEnvironment().maxThreads();
        masterThreads = Nd4j.getEnvironment().maxMasterThreads();
        blasThreads = Nd4j.factory().blas().getMaxThreads();
        ompThreads = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        split = SplitGemm.enabled();
    }

    @AfterEach
    void restore() {
        if (applied > 0) {
            ThreadSettings.apply(applied, params);
        }
        Nd4j.getEnvironment().setMaxThreads(maxThreads);
        Nd4j.getEnvironment().setMaxMasterThreads(masterThreads);
        Nd4j.factory().blas().setMaxThreads(blasThreads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(ompThreads);
        SplitGemm.threads(split ? 2 : 1);
    }

    @Test
    void aSmallModelKeepsNd4jOnOneThreadAndSplitsLargeProductsOverTwo() {
        long small = ThreadSettings.SMALL_MODEL - 1;
        ThreadSettings.apply(4, small);
        assertThat(ThreadSettings.applied()).as("threads used: ND4J's one and the products' second").isEqualTo(2);
        assertThat(Nd4j.getEnvironment().maxThreads()).isEqualTo(1);
        assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(1);
        assertThat(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()).isEqualTo(1);
        assertThat(SplitGemm.enabled()).isTrue();

        ThreadSettings.apply(1, small);
        assertThat(ThreadSettings.applied()).isEqualTo(1);
        assertThat(SplitGemm.enabled()).as("one thread: every product whole").isFalse();
    }

    @Test
    void aLargeModelLeavesItsProductsToOpenBlasThreads() {
        // (ND4J's own count is not asserted: the test JVM runs with OMP_NUM_THREADS=1, which caps it)
        int threads = Math.min(2, ThreadSettings.max());
        ThreadSettings.apply(threads, ThreadSettings.SMALL_MODEL);
        assertThat(ThreadSettings.applied()).isEqualTo(threads);
        assertThat(SplitGemm.enabled()).as("OpenBLAS threads its own products").isFalse();
    }

    @Test
    void theRecommendationIsTwoForASmallModelWhereThereAreTwoAndEveryProcessorForALargeOne() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(ThreadSettings.recommended(38_880)).isEqualTo(Math.min(2, cores));
        assertThat(ThreadSettings.recommended(ThreadSettings.SMALL_MODEL)).isEqualTo(cores);
    }

    @Test
    void reapplyingOnAnotherThreadGivesThatThreadTheSameSetting() throws Exception {
        ThreadSettings.apply(2, 1_000);
        int[] seen = new int[2];
        Thread other = new Thread(() -> {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(3); // as a thread that was never set
            ThreadSettings.reapply();
            seen[0] = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
            seen[1] = ThreadSettings.applied();
        });
        other.start();
        other.join();
        assertThat(seen).containsExactly(1, 2);
        assertThat(SplitGemm.enabled()).isTrue();
    }

    @Test
    void aCountOutsideOneToFourPerProcessorIsRefused() {
        assertThatThrownBy(() -> ThreadSettings.apply(0, 1_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be from 1 to " + ThreadSettings.max());
        assertThatThrownBy(() -> ThreadSettings.apply(ThreadSettings.max() + 1, 1_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
