package dev.deepwire.compiler.layers;

import dev.deepwire.compiler.layers.StridedGemm.Block;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Attention weights and head outputs computed as the self- and cross-attention layers compute them, for code that
 * recomputes their forward pass and must match it bit for bit (the attention inspector's interventions). Float arrays
 * on the CPU take the layers' path — each head's keys · queriesᵀ by BLAS into a keys-major array, {@link KeySoftmax},
 * the weights' transposed blocks times the values — everything else ND4J's products and softmax op, as the layers'
 * double-precision path does. Arrays here are laid out the usual way: q [b, H, Tq, hs], k and v [b, H, Tk, hs],
 * weights [b, H, Tq, Tk], all row-major.
 */
public final class AttentionProducts {
    private AttentionProducts() {
    }

    /** softmax(q · kᵀ · scale) over the keys, keys where {@code keyMask} [b, Tk] (or null) is 0 getting no weight. */
    public static INDArray weights(INDArray q, INDArray k, double scale, INDArray keyMask) {
        long b = q.size(0);
        int heads = (int) q.size(1);
        int tq = (int) q.size(2);
        int tk = (int) k.size(2);
        int hs = (int) q.size(3);
        if (!onHost(q, k)) {
            INDArray s = BatchedGemm.matmul(q, k, false, true).muli(scale);
            if (keyMask != null) {
                s.addi(keyMask.castTo(s.dataType()).sub(1.0).muli(1e9).reshape(b, 1, 1, tk));
            }
            Nd4j.exec(new SoftMax(s, s, 3));
            return s;
        }
        int cols = Math.toIntExact(b * heads * tq);
        INDArray sT = Nd4j.createUninitialized(q.dataType(), tk, cols);
        StridedGemm.heads(false, true, tk, tq, hs, scale,
                new Block(k, 0, hs), (long) heads * tk * hs, (long) tk * hs, new Block(q, 0, hs), (long) heads * tq * hs,
                (long) tq * hs, 0, new Block(sT, 0, cols), (long) heads * tq, tq, (int) b, heads);
        new KeySoftmax().forward(sT, keyMask, heads * tq);
        return sT.reshape('c', tk, b, heads, tq).permute(1, 2, 3, 0).dup('c');
    }

    /** Each head's weights [b, H, Tq, Tk] times its values [b, H, Tk, hs]: [b, H, Tq, hs]. */
    public static INDArray outputs(INDArray a, INDArray v) {
        if (!onHost(a, v)) {
            return BatchedGemm.matmul(a, v, false, false);
        }
        long b = a.size(0);
        int heads = (int) a.size(1);
        int tq = (int) a.size(2);
        int tk = (int) a.size(3);
        int hs = (int) v.size(3);
        int cols = Math.toIntExact(b * heads * tq);
        INDArray aT = a.permute(3, 0, 1, 2).dup('c').reshape('c', tk, cols);
        INDArray o = Nd4j.createUninitialized(a.dataType(), b, heads, tq, hs);
        StridedGemm.heads(true, false, tq, hs, tk, 1,
                new Block(aT, 0, cols), (long) heads * tq, tq, new Block(v, 0, hs), (long) heads * tk * hs, (long) tk * hs,
                0, new Block(o, 0, hs), (long) heads * tq * hs, (long) tq * hs, (int) b, heads);
        return o;
    }

    private static boolean onHost(INDArray x, INDArray y) {
        return HostArrays.direct(x) && StridedGemm.usable(x, y) && x.length() > 0 && y.length() > 0;
    }
}
