package dev.deepwire.compiler.layers;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * A second thread for the training step's products (ADR 0011, decisions 19 and 20): a large float product split in
 * two, and independent products run side by side. DeepWire's models are too small for ND4J's and OpenBLAS's own
 * threads (a hand-off per operation costs more than it gains), but the 1-N knowledge-graph scorers' products are 30
 * million multiply-adds and more (1–2 ms each), and two halves on two processors take about 60 % of the time of the
 * whole.
 *
 * <p>Split ({@link #sgemm}): each half is the same single-threaded {@code cblas_sgemm} on a block of the result's rows
 * or columns, cut at a multiple of {@link #ALIGN} so OpenBLAS tiles each half as it tiled that part of the whole: with
 * its SkylakeX and Prescott kernels every value is the same sum in the same order, so the result is the whole product's
 * bit for bit; its Haswell kernels (chosen on AVX2 processors without AVX-512, AMD Zen 3 among them) sum the values at a
 * block's edge in another order, and some values' last bits differ — within float rounding, and the same on every run
 * with the same threads ({@code SplitGemmTest}; ADR 0011, "On other kernels").
 * Only products of {@link #LARGE} multiply-adds or more are split: smaller ones, marker's attention and feed-forward
 * products among them, measured slower in two (their operands were just written in the training thread's cache, and
 * the hand-off costs tens of microseconds).
 *
 * <p>Side by side ({@link #beside}): a backward pass's weight gradient and its input gradient are two products of
 * the same operands that do not depend on each other; the layers hand the first to the helper and compute the second
 * themselves (feed-forward, attention's output and input projections). Each is the same whole call on either thread,
 * so the numbers are the same.
 *
 * <p>{@link BatchedGemm} and {@link StridedGemm} make every OpenBLAS product call here ({@link #call}, {@link #dgemm}
 * for the whole products, {@link #sgemm} for the float ones that may be split).
 *
 * <p>The helper is started by the first part handed over (a process that never hands one over, the window's, has
 * none). It spins {@link #SPIN_NANOS} after each part for a next one and then parks. The caller never waits on a
 * helper that has not started: at the join it takes the part back. One caller uses the helper at a time; another
 * thread's parts (and a part's own products) meanwhile run on their own thread.
 */
public final class SplitGemm {
    /** The fewest multiply-adds (m · n · k) of a product that is split. */
    static final double LARGE = 30_000_000;
    /** The fewest multiply-adds of work worth handing to the helper whole (see {@link #beside}). */
    static final double WORTH = 8_000_000;
    /** Cuts fall on multiples of this (OpenBLAS's SkylakeX and Haswell float kernels tile by 16, 8 and 4). */
    static final int ALIGN = 16;
    static final long SPIN_NANOS = 50_000;

    private static volatile boolean enabled;
    private static volatile Helper helper;
    private static final AtomicLong HANDED_OVER = new AtomicLong();

    private SplitGemm() {
    }

    /** The helper is used with {@code threads} 2 or more; with 1 every product runs whole on its caller's thread. */
    public static void threads(int threads) {
        enabled = threads >= 2;
    }

    /** Whether the helper is used now. */
    public static boolean enabled() {
        return enabled;
    }

    /** How many parts have been handed to the helper in this process (for tests). */
    static long handedOver() {
        return HANDED_OVER.get();
    }

    /**
     * {@code c = alpha · op(a) · op(b) + beta · c}, row-major, each pointer at its block's first value, as
     * {@code cblas_sgemm}; split in two where the product is large, splitting is on and the helper is free.
     */
    static void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, FloatPointer a, int lda,
                      FloatPointer b, int ldb, float beta, FloatPointer c, int ldc) {
        int at = enabled ? cut(m, n, k) : 0;
        if (at == 0) {
            call(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        // the larger of rows and columns is cut at `at`: the helper is offered the second part, this thread does
        // the first
        boolean byRows = m > n;
        Pending other = byRows
                ? beside(LARGE, () -> call(ta, tb, m - at, n, k, alpha, offset(a, ta ? at : (long) at * lda), lda,
                        b, ldb, beta, offset(c, (long) at * ldc), ldc))
                : beside(LARGE, () -> call(ta, tb, m, n - at, k, alpha, a, lda,
                        offset(b, tb ? (long) at * ldb : at), ldb, beta, offset(c, at), ldc));
        try {
            call(ta, tb, byRows ? at : m, byRows ? n : at, k, alpha, a, lda, b, ldb, beta, c, ldc);
        } finally {
            other.join();
        }
    }

    /**
     * Offers {@code work} ({@code multiplyAdds} of it) to the helper and returns at once; {@link Pending#join} returns
     * when it is done. Where the helper is not used, the work is fewer than {@link #WORTH} multiply-adds, or the helper
     * is busy with another part, the work runs here before this returns. The work must only read and write arrays
     * that stay allocated until the join (BLAS calls on arrays the caller made), and must not allocate ND4J arrays:
     * workspaces belong to the caller's thread. Join in a {@code finally}.
     */
    static Pending beside(double multiplyAdds, Runnable work) {
        Pending part = new Pending(work);
        Helper h = enabled && multiplyAdds >= WORTH ? helper() : null;
        if (h != null && h.posted.compareAndSet(null, part)) {
            part.helper = h;
            HANDED_OVER.incrementAndGet();
            if (h.parked) {
                LockSupport.unpark(h.thread);
            }
        } else {
            part.join();
        }
        return part;
    }

    /**
     * Where to cut a product of this size — the first row or column (of the larger of the two) of its second part, a
     * multiple of {@link #ALIGN} at or past the middle — or 0 to keep it whole (too small, or too narrow to cut).
     */
    static int cut(int m, int n, int k) {
        int size = Math.max(m, n);
        int at = (size / 2 + ALIGN - 1) / ALIGN * ALIGN;
        return (double) m * n * k >= LARGE && at < size ? at : 0;
    }

    /** The helper thread, started by the first part handed over. */
    private static Helper helper() {
        Helper h = helper;
        if (h == null) {
            synchronized (SplitGemm.class) {
                h = helper;
                if (h == null) {
                    helper = h = new Helper();
                }
            }
        }
        return h;
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

    /** One {@code cblas_dgemm}, row-major, whole: double precision is the gradient checks', never split. */
    static void dgemm(boolean ta, boolean tb, int m, int n, int k, double alpha, DoublePointer a, int lda,
                      DoublePointer b, int ldb, double beta, DoublePointer c, int ldc) {
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor,
                ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /** Work offered to the helper: run once, by whichever thread claims it first (see {@link #beside}). */
    static final class Pending {
        private final Runnable work;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile boolean done;
        /** What the work threw (a RuntimeException or an Error), to be thrown again on the caller's thread. */
        private volatile Throwable failure;
        /** The helper it was posted to, null where it ran on the caller. */
        private Helper helper;

        Pending(Runnable work) {
            this.work = work;
        }

        void run() {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                done = true;
            }
        }

        /**
         * Returns when the work is done: runs it here if the helper has not started it, else waits for it. Throws
         * again what it threw.
         */
        void join() {
            if (claimed.compareAndSet(false, true)) {
                run();
            } else {
                while (!done) {
                    Thread.onSpinWait();
                }
            }
            if (helper != null) {
                helper.posted.compareAndSet(this, null);
                helper = null;
            }
            if (failure instanceof Error e) {
                throw e;
            } else if (failure != null) {
                throw (RuntimeException) failure;
            }
        }
    }

    /** The helper thread: runs posted parts, spins a while for the next one, then parks. */
    private static final class Helper implements Runnable {
        final AtomicReference<Pending> posted = new AtomicReference<>();
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
                Pending part = posted.get();
                if (part != null && part.claimed.compareAndSet(false, true)) {
                    part.run();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true; // then look once more: a caller that saw parked still false posted before this
                    Pending again = posted.get();
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
