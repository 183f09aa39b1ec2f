package dev.deepwire.compiler.layers;

import dev.deepwire.compiler.layers.StridedGemm.Block;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multi-head attention on rows with few, large BLAS calls (ADR 0011), for {@link SelfAttentionImpl} and
 * {@link CrossAttentionImpl}. The projections that read the same rows are one product: {@code Wq, Wk, Wv} (self)
 * or {@code Wk, Wv} (cross) lie one after the other in the parameters, so together they are one matrix. Every head
 * reads its queries, keys and values in place from those products' rows (a row stride, no per-head copies) and
 * writes its output straight into the heads' concatenation; the backward pass mirrors it and writes each group of
 * projections' gradients with one product into their (equally adjacent) gradient views.
 *
 * @param batch   examples
 * @param queries query positions; {@code keys}: key positions (the same for self-attention)
 * @param heads   heads, each {@code width} wide
 * @param softmax the layer's softmax kernel, for float scores on the CPU: then the scores and weights are laid out
 *                keys-major, {@code [keys, batch · heads · queries]} (see {@link KeySoftmax}); else they are
 *                {@code [batch, heads, queries, keys]} and ND4J's softmax runs
 */
record AttentionRows(int batch, int queries, int keys, int heads, int width, KeySoftmax softmax) {

    /**
     * What the backward pass needs: the rows, where each head's q, k, v lie, the weights (keys-major where rank 2), the
     * concatenation.
     */
    record Forward(INDArray xq, INDArray xk, Block q, Block k, Block v, INDArray weights, INDArray concat) {
    }

    /** Whether the arrays lie one after the other (parameters or their gradients) and can be used in place. */
    static boolean adjacent(INDArray... arrays) {
        if (!StridedGemm.usable(arrays)) {
            return false;
        }
        long next = arrays[0].data().addressPointer().address();
        for (INDArray a : arrays) {
            if (a.data().addressPointer().address() != next) {
                return false;
            }
            next += a.length() * a.data().getElementSize();
        }
        return true;
    }

    private int hw() {
        return heads * width;
    }

    private double scale() {
        return 1.0 / Math.sqrt(width);
    }

    /** rows [n, d] · wᵀ, w being {@code count} adjacent [hw, d] matrices starting at {@code first}. */
    private INDArray project(INDArray rows, INDArray first, int count) {
        int n = (int) rows.size(0);
        int d = (int) rows.size(1);
        INDArray out = Nd4j.createUninitialized(rows.dataType(), n, (long) count * hw());
        StridedGemm.gemm(false, true, n, count * hw(), d, 1, new Block(rows, 0, d), new Block(first, 0, d), 0,
                new Block(out, 0, count * hw()));
        return out;
    }

    /** Self-attention: x [b·T, d], wq the first of Wq, Wk, Wv; keyMask [b, T] or null. */
    Forward self(INDArray x, INDArray wq, INDArray keyMask) {
        INDArray qkv = project(x, wq, 3);
        int all = 3 * hw();
        return attend(x, x, new Block(qkv, 0, all), new Block(qkv, hw(), all), new Block(qkv, 2L * hw(), all), keyMask);
    }

    /** Cross-attention: xq [b·Tq, dq], xk [b·Tk, dk], wk the first of Wk, Wv; keyMask [b, Tk] or null. */
    Forward cross(INDArray xq, INDArray xk, INDArray wq, INDArray wk, INDArray keyMask) {
        INDArray q = project(xq, wq, 1);
        INDArray kv = project(xk, wk, 2);
        return attend(xq, xk, new Block(q, 0, hw()), new Block(kv, 0, 2 * hw()), new Block(kv, hw(), 2 * hw()), keyMask);
    }

    private Forward attend(INDArray xq, INDArray xk, Block q, Block k, Block v, INDArray keyMask) {
        if (keysMajor(xq)) {
            return attendKeysMajor(xq, xk, q, k, v, keyMask);
        }
        long square = (long) queries * keys;
        INDArray s = Nd4j.createUninitialized(xq.dataType(), batch, heads, queries, keys);
        StridedGemm.heads(false, true, queries, keys, width, scale(),
                q, (long) queries * q.ld(), width, k, (long) keys * k.ld(), width,
                0, new Block(s, 0, keys), heads * square, square, batch, heads);
        if (keyMask != null) {
            // Keys at padded positions: add −10⁹ before the softmax so they get no weight.
            s.addi(keyMask.castTo(s.dataType()).sub(1.0).muli(1e9).reshape(batch, 1, 1, keys));
        }
        Nd4j.exec(new SoftMax(s, s, 3));
        INDArray concat = Nd4j.createUninitialized(xq.dataType(), (long) batch * queries, hw());
        StridedGemm.heads(false, false, queries, width, keys, 1,
                new Block(s, 0, keys), heads * square, square, v, (long) keys * v.ld(), width,
                0, new Block(concat, 0, hw()), (long) queries * hw(), width, batch, heads);
        return new Forward(xq, xk, q, k, v, s, concat);
    }

    /** Whether the scores go keys-major through {@link KeySoftmax}: float rows on the CPU. */
    private boolean keysMajor(INDArray x) {
        return softmax != null && HostArrays.direct(x);
    }

    /** Columns of the keys-major scores: one per (example, head, query). */
    private long columns() {
        return (long) batch * heads * queries;
    }

    /** As {@link #attend}, the scores keys-major: each head's keys · queriesᵀ at its columns of every key's row. */
    private Forward attendKeysMajor(INDArray xq, INDArray xk, Block q, Block k, Block v, INDArray keyMask) {
        int cols = Math.toIntExact(columns());
        long perExample = (long) heads * queries;
        INDArray s = Nd4j.createUninitialized(xq.dataType(), keys, cols);
        StridedGemm.heads(false, true, keys, queries, width, scale(),
                k, (long) keys * k.ld(), width, q, (long) queries * q.ld(), width,
                0, new Block(s, 0, cols), perExample, queries, batch, heads);
        softmax.forward(s, keyMask, (int) perExample);
        INDArray concat = Nd4j.createUninitialized(xq.dataType(), (long) batch * queries, hw());
        StridedGemm.heads(true, false, queries, width, keys, 1,
                new Block(s, 0, cols), perExample, queries, v, (long) keys * v.ld(), width,
                0, new Block(concat, 0, hw()), (long) queries * hw(), width, batch, heads);
        return new Forward(xq, xk, q, k, v, s, concat);
    }

    /** dConcat = dy · Woᵀ, and Wo's gradient (written into gWo); dy [b·Tq, d]. */
    INDArray output(Forward f, INDArray dy, INDArray wo, INDArray gWo) {
        int n = (int) dy.size(0);
        int d = (int) dy.size(1);
        INDArray dConcat = Nd4j.createUninitialized(dy.dataType(), n, hw());
        // Wo's gradient beside this thread (SplitGemm.beside), dConcat here: two independent products
        SplitGemm.Pending gradient = SplitGemm.beside((double) hw() * d * n, () -> StridedGemm.gemm(true, false, hw(), d,
                n, 1, new Block(f.concat(), 0, hw()), new Block(dy, 0, d), 0, new Block(gWo, 0, d)));
        try {
            StridedGemm.gemm(false, true, n, hw(), d, 1, new Block(dy, 0, d), new Block(wo, 0, d), 0,
                    new Block(dConcat, 0, hw()));
        } finally {
            gradient.join();
        }
        return dConcat;
    }

    /** Writes each head's dQ, dK, dV into the blocks given (laid out like f's q, k, v). */
    void heads(Forward f, INDArray dConcat, Block dq, Block dk, Block dv) {
        if (f.weights().rank() == 2) {
            headsKeysMajor(f, dConcat, dq, dk, dv);
            return;
        }
        long square = (long) queries * keys;
        long concatPerExample = (long) queries * hw();
        INDArray a = f.weights();
        INDArray dA = Nd4j.createUninitialized(dConcat.dataType(), batch, heads, queries, keys);
        StridedGemm.heads(false, true, queries, keys, width, 1,
                new Block(dConcat, 0, hw()), concatPerExample, width, f.v(), (long) keys * f.v().ld(), width,
                0, new Block(dA, 0, keys), heads * square, square, batch, heads);
        StridedGemm.heads(true, false, keys, width, queries, 1,
                new Block(a, 0, keys), heads * square, square, new Block(dConcat, 0, hw()), concatPerExample, width,
                0, dv, (long) keys * dv.ld(), width, batch, heads);
        INDArray dS = dA.subi(dA.mul(a).sum(true, 3)).muli(a).muli(scale());
        StridedGemm.heads(false, false, queries, width, keys, 1,
                new Block(dS, 0, keys), heads * square, square, f.k(), (long) keys * f.k().ld(), width,
                0, dq, (long) queries * dq.ld(), width, batch, heads);
        StridedGemm.heads(true, false, keys, width, queries, 1,
                new Block(dS, 0, keys), heads * square, square, f.q(), (long) queries * f.q().ld(), width,
                0, dk, (long) keys * dk.ld(), width, batch, heads);
    }

    /** As {@link #heads}, with f's weights keys-major; every [keys × queries] block is a head's transposed one. */
    private void headsKeysMajor(Forward f, INDArray dConcat, Block dq, Block dk, Block dv) {
        int cols = Math.toIntExact(columns());
        long perExample = (long) heads * queries;
        long concatPerExample = (long) queries * hw();
        Block a = new Block(f.weights(), 0, cols);
        INDArray dA = Nd4j.createUninitialized(dConcat.dataType(), keys, cols);
        Block dAt = new Block(dA, 0, cols);
        StridedGemm.heads(false, true, keys, queries, width, 1, // dAᵀ = v · dOᵀ
                f.v(), (long) keys * f.v().ld(), width, new Block(dConcat, 0, hw()), concatPerExample, width,
                0, dAt, perExample, queries, batch, heads);
        StridedGemm.heads(false, false, keys, width, queries, 1, // dV = aᵀ · dO
                a, perExample, queries, new Block(dConcat, 0, hw()), concatPerExample, width,
                0, dv, (long) keys * dv.ld(), width, batch, heads);
        softmax.backward(dA, f.weights(), scale()); // dSᵀ, in place
        StridedGemm.heads(true, false, queries, width, keys, 1, // dQ = dS · K
                dAt, perExample, queries, f.k(), (long) keys * f.k().ld(), width,
                0, dq, (long) queries * dq.ld(), width, batch, heads);
        StridedGemm.heads(false, false, keys, width, queries, 1, // dK = dSᵀ · Q
                dAt, perExample, queries, f.q(), (long) queries * f.q().ld(), width,
                0, dk, (long) keys * dk.ld(), width, batch, heads);
    }

    /**
     * The backward pass of a projection {@code p = x · wᵀ} of {@code count} adjacent matrices: writes their
     * gradient (from {@code gFirst} on), and dx = dp · w into {@code dx} in DL4J's layout [b, d, T]
     * ({@link SequenceRows#productInto}); returns dx.
     */
    INDArray unproject(INDArray dp, INDArray x, INDArray first, INDArray gFirst, INDArray dx) {
        int n = (int) dp.size(0);
        int cols = (int) dp.size(1);
        int d = (int) x.size(1);
        // the projections' gradient beside this thread (SplitGemm.beside), dx here: two independent products
        SplitGemm.Pending gradient = SplitGemm.beside((double) cols * d * n, () -> StridedGemm.gemm(true, false, cols, d,
                n, 1, new Block(dp, 0, cols), new Block(x, 0, d), 0, new Block(gFirst, 0, d)));
        try {
            return SequenceRows.productInto(dp, new Block(first, 0, d), dx);
        } finally {
            gradient.join();
        }
    }

    /**
     * Self-attention's backward pass from dy [b·T, d]: writes all four gradients, and the input's gradient into
     * {@code dx} ([b, d, T]); returns dx.
     */
    INDArray selfBackward(Forward f, INDArray dy, INDArray wq, INDArray wo, INDArray gWq, INDArray gWo, INDArray dx) {
        INDArray dConcat = output(f, dy, wo, gWo);
        int all = 3 * hw();
        INDArray dqkv = Nd4j.createUninitialized(dy.dataType(), (long) batch * queries, all);
        heads(f, dConcat, new Block(dqkv, 0, all), new Block(dqkv, hw(), all), new Block(dqkv, 2L * hw(), all));
        return unproject(dqkv, f.xq(), wq, gWq, dx);
    }
}
