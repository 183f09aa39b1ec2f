package dev.deepwire.compiler.layers;

import dev.deepwire.compiler.layers.StridedGemm.Block;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link SelfAttentionImpl}'s forward and backward pass on rows, with few, large BLAS calls (ADR 0011): one product
 * projects the positions' rows onto queries, keys and values at once ({@code Wq, Wk, Wv} lie one after the other in
 * the parameters, so together they are one [3·heads·hs, d] matrix), every head reads its queries, keys and values
 * in place from that [b·T, 3·heads·hs] result and writes its output straight into the heads' concatenation, and the
 * backward pass writes the three projections' gradients with one product into their (equally adjacent) gradient
 * views. No per-head copies, no sums of three products.
 *
 * @param batch examples; {@code length} positions; {@code heads} × {@code width} = the concatenation's width
 */
record SelfAttentionRows(int batch, int length, int heads, int width) {

    /** The rows, their projections, the attention weights [b, heads, T, T] and the heads' concatenation. */
    record Forward(INDArray x, INDArray qkv, INDArray weights, INDArray concat) {
    }

    /** Whether the three projections (of the parameters, or of their gradients) lie one after the other. */
    static boolean adjacent(INDArray wq, INDArray wk, INDArray wv) {
        long bytes = wq.length() * wq.data().getElementSize();
        long q = wq.data().addressPointer().address();
        return StridedGemm.usable(wq, wk, wv) && wk.data().addressPointer().address() == q + bytes
                && wv.data().addressPointer().address() == q + 2 * bytes;
    }

    private int hw() {
        return heads * width;
    }

    private double scale() {
        return 1.0 / Math.sqrt(width);
    }

    /** x: the rows [b·T, d]; wq: the first of the three adjacent projections; mask [b, T] or null. */
    Forward forward(INDArray x, INDArray wq, INDArray mask) {
        int n = batch * length;
        int d = (int) x.size(1);
        int all = 3 * hw();
        INDArray qkv = Nd4j.createUninitialized(x.dataType(), n, all);
        StridedGemm.gemm(false, true, n, all, d, 1, new Block(x, 0, d), new Block(wq, 0, d), 0, new Block(qkv, 0, all));
        INDArray s = Nd4j.createUninitialized(x.dataType(), batch, heads, length, length);
        long perExample = (long) length * all;
        long square = (long) length * length;
        StridedGemm.heads(false, true, length, length, width, scale(),
                new Block(qkv, 0, all), perExample, width, new Block(qkv, hw(), all), perExample, width,
                0, new Block(s, 0, length), heads * square, square, batch, heads);
        if (mask != null) {
            // Keys at padded positions: add −10⁹ before the softmax so they get no weight.
            s.addi(mask.castTo(s.dataType()).sub(1.0).muli(1e9).reshape(batch, 1, 1, length));
        }
        Nd4j.exec(new SoftMax(s, s, 3));
        INDArray concat = Nd4j.createUninitialized(x.dataType(), n, hw());
        StridedGemm.heads(false, false, length, width, length, 1,
                new Block(s, 0, length), heads * square, square, new Block(qkv, 2L * hw(), all), perExample, width,
                0, new Block(concat, 0, hw()), (long) length * hw(), width, batch, heads);
        return new Forward(x, qkv, s, concat);
    }

    /**
     * Writes the gradients of Wo and of the three projections (gWq: the first of their adjacent gradient views) and
     * returns the gradient of the rows.
     */
    INDArray backward(Forward f, INDArray dy, INDArray wq, INDArray wo, INDArray gWq, INDArray gWo) {
        int n = batch * length;
        int d = (int) dy.size(1);
        int all = 3 * hw();
        long perExample = (long) length * all;
        long square = (long) length * length;
        long concatPerExample = (long) length * hw();
        StridedGemm.gemm(true, false, hw(), d, n, 1, new Block(f.concat(), 0, hw()), new Block(dy, 0, d), 0,
                new Block(gWo, 0, d));
        INDArray dConcat = Nd4j.createUninitialized(dy.dataType(), n, hw());
        StridedGemm.gemm(false, true, n, hw(), d, 1, new Block(dy, 0, d), new Block(wo, 0, d), 0,
                new Block(dConcat, 0, hw()));
        INDArray a = f.weights();
        INDArray dA = Nd4j.createUninitialized(dy.dataType(), batch, heads, length, length);
        StridedGemm.heads(false, true, length, length, width, 1,
                new Block(dConcat, 0, hw()), concatPerExample, width, new Block(f.qkv(), 2L * hw(), all), perExample, width,
                0, new Block(dA, 0, length), heads * square, square, batch, heads);
        INDArray dqkv = Nd4j.createUninitialized(dy.dataType(), n, all);
        StridedGemm.heads(true, false, length, width, length, 1,
                new Block(a, 0, length), heads * square, square, new Block(dConcat, 0, hw()), concatPerExample, width,
                0, new Block(dqkv, 2L * hw(), all), perExample, width, batch, heads);
        INDArray dS = dA.subi(dA.mul(a).sum(true, 3)).muli(a).muli(scale());
        StridedGemm.heads(false, false, length, width, length, 1,
                new Block(dS, 0, length), heads * square, square, new Block(f.qkv(), hw(), all), perExample, width,
                0, new Block(dqkv, 0, all), perExample, width, batch, heads);
        StridedGemm.heads(true, false, length, width, length, 1,
                new Block(dS, 0, length), heads * square, square, new Block(f.qkv(), 0, all), perExample, width,
                0, new Block(dqkv, hw(), all), perExample, width, batch, heads);
        INDArray dx = Nd4j.createUninitialized(dy.dataType(), n, d);
        StridedGemm.gemm(false, false, n, d, all, 1, new Block(dqkv, 0, all), new Block(wq, 0, d), 0, new Block(dx, 0, d));
        StridedGemm.gemm(true, false, all, d, n, 1, new Block(dqkv, 0, all), new Block(f.x(), 0, d), 0,
                new Block(gWq, 0, d));
        return dx;
    }
}
