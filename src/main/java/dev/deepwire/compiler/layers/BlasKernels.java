package dev.deepwire.compiler.layers;

import java.util.Locale;

/**
 * Which of OpenBLAS's kernel families this process runs (as DeepWire chose them from the CPU's flags, or the user
 * through {@code OPENBLAS_CORETYPE}; told once by the training layer before ND4J loads), and the one choice of the
 * hand-written layers that depends on it: how a product reaches DL4J's sequence layout ({@link SequenceRows#productInto}).
 *
 * <p>With the SkylakeX kernels one small product per example, written straight into the layout, was the faster (ADR
 * 0011, decision 22); with the Haswell kernels (AVX2 processors without AVX-512, AMD Zen among them) each of those
 * products runs at about half the speed of one whole [b·T, k] · [k, n] product, and the whole product plus a copy into
 * the layout is the faster: word-language's [2048 × 128] · [128 × 64] 862 µs one per example against 397 + 102 µs,
 * marker's [1536 × 64] · [64 × 64] 291 against 157 + 73 µs (AMD EPYC Zen 3; decision 33). Nothing is loaded by this
 * class: it can be told before ND4J's native libraries load.
 */
public final class BlasKernels {
    private static volatile boolean wholeSequenceProducts;

    private BlasKernels() {
    }

    /** Records the kernel family ({@code OPENBLAS_CORETYPE}'s value; null or "auto" when OpenBLAS chose it itself). */
    public static void use(String core) {
        String c = core == null ? "" : core.trim().toLowerCase(Locale.ROOT);
        wholeSequenceProducts = c.equals("haswell") || c.equals("zen");
    }

    /** Whether a product into the sequence layout is one whole product and a copy (else one product per example). */
    static boolean wholeSequenceProducts() {
        return wholeSequenceProducts;
    }

    /** Sets the choice directly (tests of both ways); returns the one it replaces. */
    static boolean wholeSequenceProducts(boolean whole) {
        boolean was = wholeSequenceProducts;
        wholeSequenceProducts = whole;
        return was;
    }
}
