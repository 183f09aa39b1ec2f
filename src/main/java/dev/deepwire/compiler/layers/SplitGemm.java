package dev.deepwire.compiler.layers;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * A large float product split in two, one half on the calling thread and the other on a helper thread kept for it
 * (ADR 0011, decision 19). DeepWire's models are too small for ND4J's and OpenBLAS's own threads (a hand-off per
 * operation costs more than it gains), but the 1-N knowledge-graph scorers' products are 30 million multiply-adds and
 * more (1–2 ms each), and two halves on two processors take about 60 % of the time of the whole.
 *
 * <p>Each half is the same single-threaded {@code cblas_sgemm} on a block of the result's rows or columns, cut at a
 * multiple of {@link #ALIGN} so OpenBLAS tiles each half as it tiled that part of the whole: every value is the same
 * sum in the same order, so the result is the whole product's bit for bit ({@code SplitGemmTest}). Only products of
 * {@link #LARGE} multiply-adds or more are split: smaller ones, marker's attention and feed-forward products among
 * them, measured slower in two (their operands were just written in the training thread's cache, and the hand-off
 * costs tens of microseconds).
 *
 * <p>The helper spins {@link #SPIN_NANOS} after each half for a next one and then parks. The caller never waits on a
 * helper that has not started: with its own half done first, it takes the other half back. One caller uses the
 * helper at a time; another thread's products meanwhile run whole.
 */
public final class SplitGemm {
    /** The fewest multiply-adds (m · n · k) of a product that is split. */
    static final double LARGE = 30_000_000;
    /** Cuts fall on multiples of this (OpenBLAS's SkylakeX and Haswell float kernels tile by 16, 8 and 4). */
    static final int ALIGN = 16;
    static final long SPIN_NANOS = 50_000;

    private static volatile boolean enabled;
    private static volatile Helper helper;
    private static final AtomicLong SPLITS = new AtomicLong();

    private SplitGemm() {
    }

    /** Products are split over two threads with {@code threads} 2 or more, kept whole with 1. */
    public static synchronized void threads(int threads) {
        if (threads >= 2 && helper == null) {
            helper = new Helper();
        }
        enabled = threads >= 2;
    }

    /** Whether large products are split now. */
    public static boolean enabled() {
        return enabled;
    }

    /** How many products have been split in this process (for tests). */
    static long splits() {
        return SPLITS.get();
    }

    /**
     * {@code c = alpha · op(a) · op(b) + beta · c}, row-major, each pointer at its block's first value, as
     * {@code cblas_sgemm}; split in two where the product is large, splitting is on and the helper is free.
     */
    static void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, FloatPointer a, int lda,
                      FloatPointer b, int ldb, float beta, FloatPointer c, int ldc) {
        Helper h = helper;
        Half other = enabled && h != null ? secondHalf(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) : null;
        if (other == null || !h.posted.compareAndSet(null, other)) {
            call(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        SPLITS.incrementAndGet();
        if (h.parked) {
            LockSupport.unpark(h.thread);
        }
        try {
            call(ta, tb, other.byRows ? other.at : m, other.byRows ? n : other.at, k, alpha, a, lda, b, ldb, beta, c, ldc);
        } finally {
            if (other.claimed.compareAndSet(false, true)) {
                other.run();
            } else {
                while (!other.done) {
                    Thread.onSpinWait();
                }
            }
            h.posted.set(null);
        }
        if (other.failure instanceof RuntimeException e) {
            throw e;
        } else if (other.failure instanceof Error e) {
            throw e;
        }
    }

    /**
     * The second half of this product — the larger of its rows and columns cut at a multiple of {@link #ALIGN} past
     * the middle — or null to keep it whole (too small, or too narrow to cut).
     */
    static Half secondHalf(boolean ta, boolean tb, int m, int n, int k, float alpha, FloatPointer a, int lda,
                           FloatPointer b, int ldb, float beta, FloatPointer c, int ldc) {
        if ((double) m * n * k < LARGE) {
            return null;
        }
        boolean byRows = m > n;
        int size = byRows ? m : n;
        int at = (size / 2 + ALIGN - 1) / ALIGN * ALIGN;
        if (at <= 0 || at >= size) {
            return null;
        }
        if (byRows) {
            FloatPointer a2 = offset(a, ta ? at : (long) at * lda);
            return new Half(true, at, ta, tb, m - at, n, k, alpha, a2, lda, b, ldb, beta, offset(c, (long) at * ldc), ldc);
        }
        FloatPointer b2 = offset(b, tb ? (long) at * ldb : at);
        return new Half(false, at, ta, tb, m, n - at, k, alpha, a, lda, b2, ldb, beta, offset(c, at), ldc);
    }

    private static FloatPointer offset(FloatPointer p, long values) {
        return new FloatPointer(p).position(p.position() + values);
    }

    /** One {@code cblas_sgemm}, row-major, whole. */
    static void call(boolean ta, boolean tb, int m, int n, int k, float alpha, FloatPointer a, int lda,
                     FloatPointer b, int ldb, float beta, FloatPointer c, int ldc) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /** The half handed to the helper: run once, by whichever thread claims it first. */
    static final class Half {
        final boolean byRows;
        /** Where the cut is: the first row (byRows) or column of this half. */
        final int at;
        private final boolean ta;
        private final boolean tb;
        private final int m;
        private final int n;
        private final int k;
        private final float alpha;
        private final FloatPointer a;
        private final int lda;
        private final FloatPointer b;
        private final int ldb;
        private final float beta;
        private final FloatPointer c;
        private final int ldc;
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile boolean done;
        volatile Throwable failure;

        Half(boolean byRows, int at, boolean ta, boolean tb, int m, int n, int k, float alpha, FloatPointer a, int lda,
             FloatPointer b, int ldb, float beta, FloatPointer c, int ldc) {
            this.byRows = byRows;
            this.at = at;
            this.ta = ta;
            this.tb = tb;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.lda = lda;
            this.b = b;
            this.ldb = ldb;
            this.beta = beta;
            this.c = c;
            this.ldc = ldc;
        }

        void run() {
            try {
                call(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                done = true;
            }
        }
    }

    /** The helper thread: runs posted halves, spins a while for the next one, then parks. */
    private static final class Helper implements Runnable {
        final AtomicReference<Half> posted = new AtomicReference<>();
        volatile boolean parked;
        final Thread thread;

        Helper() {
            thread = new Thread(this, "deepwire-split-gemm");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                Half half = posted.get();
                if (half != null && half.claimed.compareAndSet(false, true)) {
                    half.run();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true; // then look once more: a caller that saw parked still false posted before this
                    Half again = posted.get();
                    if (again == null || again.claimed.get()) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
