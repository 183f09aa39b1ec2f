package dev.deepwire.compiler.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 1-N scorer's element-wise passes in explicit vector instructions on the arrays' native buffers, each one pass
 * where ND4J took two to five operations (ADR 0011, decision 26): the dropout mask from uniform draws (kept where the
 * draw is above the rate, then 1 / (1 − rate), else 0 — the comparison, the cast and the division ND4J made) applied
 * to the query, and DistMult's and ComplEx's queries and their two row gradients. Every value is rounded as those operations rounded
 * it (products in their order), so the floats are the same. Loaded only where {@link VectorKernels#ON};
 * {@link FloatLanes}' width. Lengths not a multiple of the vector width end value by value.
 */
final class ScorerVectors {
    private static final VectorSpecies<Float> SPECIES = FloatLanes.SPECIES;
    private static final int LANES = FloatLanes.LANES;
    private static final ByteOrder ORDER = FloatLanes.ORDER;

    private ScorerVectors() {
    }

    /**
     * Turns the uniform draws {@code u} into the dropout mask in place ({@code keep} where a draw is above
     * {@code rate}, else 0) and multiplies the query {@code q} by it in place; n values each.
     */
    static void dropout(ByteBuffer u, float rate, float keep, ByteBuffer q, int n) {
        FloatVector kept = FloatVector.broadcast(SPECIES, keep);
        FloatVector zero = FloatVector.zero(SPECIES);
        int end = n / LANES * LANES;
        int i = 0;
        for (; i < end; i += LANES) {
            int at = i * Float.BYTES;
            VectorMask<Float> above = FloatVector.fromByteBuffer(SPECIES, u, at, ORDER).compare(VectorOperators.GT, rate);
            FloatVector m = zero.blend(kept, above);
            m.intoByteBuffer(u, at, ORDER);
            FloatVector.fromByteBuffer(SPECIES, q, at, ORDER).mul(m).intoByteBuffer(q, at, ORDER);
        }
        for (; i < n; i++) {
            int at = i * Float.BYTES;
            float m = u.getFloat(at) > rate ? keep : 0f;
            u.putFloat(at, m);
            q.putFloat(at, q.getFloat(at) * m);
        }
    }

    /** {@code q = eh ⊙ er}, n values. */
    static void product(ByteBuffer eh, ByteBuffer er, ByteBuffer q, int n) {
        int end = n / LANES * LANES;
        int i = 0;
        for (; i < end; i += LANES) {
            int at = i * Float.BYTES;
            FloatVector.fromByteBuffer(SPECIES, eh, at, ORDER).mul(FloatVector.fromByteBuffer(SPECIES, er, at, ORDER))
                    .intoByteBuffer(q, at, ORDER);
        }
        for (; i < n; i++) {
            int at = i * Float.BYTES;
            q.putFloat(at, eh.getFloat(at) * er.getFloat(at));
        }
    }

    /**
     * DistMult's row gradients from the query's gradient {@code dq}: {@code dq ⊙= mask} (when there is one) in place,
     * then {@code deh = dq ⊙ er} and {@code der = dq ⊙ eh}; n values each.
     */
    static void distMultBackward(ByteBuffer dq, ByteBuffer mask, ByteBuffer eh, ByteBuffer er, ByteBuffer deh,
                                 ByteBuffer der, int n) {
        int end = n / LANES * LANES;
        int i = 0;
        for (; i < end; i += LANES) {
            int at = i * Float.BYTES;
            FloatVector d = FloatVector.fromByteBuffer(SPECIES, dq, at, ORDER);
            if (mask != null) {
                d = d.mul(FloatVector.fromByteBuffer(SPECIES, mask, at, ORDER));
                d.intoByteBuffer(dq, at, ORDER);
            }
            d.mul(FloatVector.fromByteBuffer(SPECIES, er, at, ORDER)).intoByteBuffer(deh, at, ORDER);
            d.mul(FloatVector.fromByteBuffer(SPECIES, eh, at, ORDER)).intoByteBuffer(der, at, ORDER);
        }
        for (; i < n; i++) {
            int at = i * Float.BYTES;
            float d = dq.getFloat(at);
            if (mask != null) {
                d = d * mask.getFloat(at);
                dq.putFloat(at, d);
            }
            deh.putFloat(at, d * er.getFloat(at));
            der.putFloat(at, d * eh.getFloat(at));
        }
    }

    /**
     * ComplEx's query, rows of 2d values (real parts, then imaginary): {@code q = [a·c − b·e, a·e + b·c]} for
     * {@code eh = [a, b]}, {@code er = [c, e]}; {@code rows} rows.
     */
    static void complexProduct(ByteBuffer eh, ByteBuffer er, ByteBuffer q, int rows, int d) {
        int end = d / LANES * LANES;
        for (int r = 0; r < rows; r++) {
            int re = r * 2 * d * Float.BYTES;
            int im = re + d * Float.BYTES;
            int j = 0;
            for (; j < end; j += LANES) {
                int o = j * Float.BYTES;
                FloatVector a = FloatVector.fromByteBuffer(SPECIES, eh, re + o, ORDER);
                FloatVector b = FloatVector.fromByteBuffer(SPECIES, eh, im + o, ORDER);
                FloatVector c = FloatVector.fromByteBuffer(SPECIES, er, re + o, ORDER);
                FloatVector e = FloatVector.fromByteBuffer(SPECIES, er, im + o, ORDER);
                a.mul(c).sub(b.mul(e)).intoByteBuffer(q, re + o, ORDER);
                a.mul(e).add(b.mul(c)).intoByteBuffer(q, im + o, ORDER);
            }
            for (; j < d; j++) {
                int o = j * Float.BYTES;
                float a = eh.getFloat(re + o);
                float b = eh.getFloat(im + o);
                float c = er.getFloat(re + o);
                float e = er.getFloat(im + o);
                q.putFloat(re + o, a * c - b * e);
                q.putFloat(im + o, a * e + b * c);
            }
        }
    }

    /**
     * ComplEx's row gradients from the query's gradient {@code dq = [dre, dim]}: {@code dq ⊙= mask} (when there is one)
     * in place, then {@code deh = [dre·c + dim·e, dim·c − dre·e]} and {@code der = [dre·a + dim·b, dim·a − dre·b]} for
     * {@code eh = [a, b]}, {@code er = [c, e]}; rows of 2d values.
     */
    static void complexBackward(ByteBuffer dq, ByteBuffer mask, ByteBuffer eh, ByteBuffer er, ByteBuffer deh,
                                ByteBuffer der, int rows, int d) {
        int end = d / LANES * LANES;
        for (int r = 0; r < rows; r++) {
            int re = r * 2 * d * Float.BYTES;
            int im = re + d * Float.BYTES;
            int j = 0;
            for (; j < end; j += LANES) {
                int o = j * Float.BYTES;
                FloatVector dre = FloatVector.fromByteBuffer(SPECIES, dq, re + o, ORDER);
                FloatVector dim = FloatVector.fromByteBuffer(SPECIES, dq, im + o, ORDER);
                if (mask != null) {
                    dre = dre.mul(FloatVector.fromByteBuffer(SPECIES, mask, re + o, ORDER));
                    dim = dim.mul(FloatVector.fromByteBuffer(SPECIES, mask, im + o, ORDER));
                    dre.intoByteBuffer(dq, re + o, ORDER);
                    dim.intoByteBuffer(dq, im + o, ORDER);
                }
                FloatVector a = FloatVector.fromByteBuffer(SPECIES, eh, re + o, ORDER);
                FloatVector b = FloatVector.fromByteBuffer(SPECIES, eh, im + o, ORDER);
                FloatVector c = FloatVector.fromByteBuffer(SPECIES, er, re + o, ORDER);
                FloatVector e = FloatVector.fromByteBuffer(SPECIES, er, im + o, ORDER);
                dre.mul(c).add(dim.mul(e)).intoByteBuffer(deh, re + o, ORDER);
                dim.mul(c).sub(dre.mul(e)).intoByteBuffer(deh, im + o, ORDER);
                dre.mul(a).add(dim.mul(b)).intoByteBuffer(der, re + o, ORDER);
                dim.mul(a).sub(dre.mul(b)).intoByteBuffer(der, im + o, ORDER);
            }
            for (; j < d; j++) {
                int o = j * Float.BYTES;
                float dre = dq.getFloat(re + o);
                float dim = dq.getFloat(im + o);
                if (mask != null) {
                    dre = dre * mask.getFloat(re + o);
                    dim = dim * mask.getFloat(im + o);
                    dq.putFloat(re + o, dre);
                    dq.putFloat(im + o, dim);
                }
                float a = eh.getFloat(re + o);
                float b = eh.getFloat(im + o);
                float c = er.getFloat(re + o);
                float e = er.getFloat(im + o);
                deh.putFloat(re + o, dre * c + dim * e);
                deh.putFloat(im + o, dim * c - dre * e);
                der.putFloat(re + o, dre * a + dim * b);
                der.putFloat(im + o, dim * a - dre * b);
            }
        }
    }
}
