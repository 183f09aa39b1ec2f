package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two float products of the same operands agree within float rounding: each value is a sum of k products, and any order
 * of that sum lies within {@code γ · Σ|term|} of the exact value (γ = (k + 2) · 2⁻²⁴ with the scaling by alpha and the
 * add of beta · c), so two orders lie within twice that of each other. Which order a product takes is OpenBLAS's kernels'
 * choice: its SkylakeX and Prescott kernels tile a block of a product as they tile that block of the whole, and give the
 * same floats bit for bit; its Haswell kernels (AMD Zen 3 chooses them) sum the edge of a block in another order, and the
 * last bits of some values differ (ADR 0011, "On other kernels"). A wrong offset, stride or part is far outside this.
 */
final class FloatRounding {
    private FloatRounding() {
    }

    /**
     * {@code actual} and {@code expected} differ nowhere by more than twice the rounding of a {@code k}-term sum whose
     * absolute terms add up to {@code magnitude[i]} (alpha and beta · c included); the first that does is named.
     */
    static void assertSameProduct(float[] actual, float[] expected, double[] magnitude, int k, String what) {
        assertThat(actual.length).as(what + ": length").isEqualTo(expected.length);
        double gamma = (k + 2) * Math.ulp(1.0f) / 2; // the unit round-off 2^-24, k + 2 roundings
        int differ = 0;
        int first = -1;
        for (int i = 0; i < actual.length; i++) {
            double bound = 2 * gamma * magnitude[i];
            if (!(Math.abs((double) actual[i] - expected[i]) <= bound)) { // a NaN fails too
                differ++;
                first = first < 0 ? i : first;
            }
        }
        assertThat(differ).as(what + ": values outside float rounding of each other, the first at " + first
                + (first < 0 ? "" : " (" + actual[first] + " against " + expected[first] + ", bound "
                + 2 * gamma * magnitude[first] + ")")).isZero();
    }
}
