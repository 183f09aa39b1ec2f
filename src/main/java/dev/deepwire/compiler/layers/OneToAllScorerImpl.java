package dev.deepwire.compiler.layers;

import java.nio.ByteBuffer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The running {@link OneToAllScorer}. Forward: two lookups, the query, one product with the entity table.
 * Backward: two products with the scores' gradient (into the query and into the table as the scored side), the
 * query's own backward, and the lookups' scatter-adds into the tables.
 */
public final class OneToAllScorerImpl extends BaseLayer<OneToAllScorer> {
    private final ForwardCache<Forward> kept = new ForwardCache<>();

    public OneToAllScorerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    /**
     * What the backward pass needs: the lookups, the head and relation rows (null for the MLP where they were looked up
     * into its joined input), the MLP's joined input and hidden layer (null otherwise), the dropout mask (null without)
     * and the query as scored.
     */
    private record Forward(Lookup heads, Lookup rels, INDArray eh, INDArray er, INDArray x, INDArray hid,
                           INDArray mask, INDArray q) {
    }

    private Forward forward(boolean training) {
        OneToAllScorer c = layerConf();
        if (input.rank() != 2 || input.size(1) != 2) {
            throw new IllegalArgumentException("1-N scorer " + layerId() + " takes [batch, 2] ids (head, relation); got "
                    + java.util.Arrays.toString(input.shape()));
        }
        int b = (int) input.size(0);
        double[] ids = HostArrays.doubles(input); // both columns, read once
        Lookup heads = new Lookup(ids, 0, 2, b, c.getEntities(), dataType, "1-N scorer " + layerId() + " (head)");
        Lookup rels = new Lookup(ids, 1, 2, b, c.getRelations(), dataType, "1-N scorer " + layerId() + " (relation)");
        long w = c.width();
        INDArray eh = null;
        INDArray er = null;
        INDArray x = null;
        INDArray hid = null;
        INDArray q;
        INDArray entities = getParam(OneToAllScorer.ENTITIES);
        INDArray relations = getParam(OneToAllScorer.RELATIONS);
        if (c.getKind().equals("mlp")) {
            // the two lookups straight into the halves of the joined input where the kernels run (no join)
            x = Nd4j.createUninitialized(dataType, new long[] {b, 2 * w}, 'c');
            if (!heads.rowsInto(entities, x, 0) || !rels.rowsInto(relations, x, (int) w)) {
                eh = rows(heads, entities, b, w);
                er = rows(rels, relations, b, w);
                x = Nd4j.hstack(eh, er);
            }
            INDArray pre = MatrixProducts.mul(x, getParam(OneToAllScorer.W1)).addiRowVector(getParam(OneToAllScorer.B1));
            hid = Transforms.relu(pre, false); // in place: the backward pass takes the mask from hid (> 0 where pre > 0)
            q = MatrixProducts.mul(hid, getParam(OneToAllScorer.W2)).addiRowVector(getParam(OneToAllScorer.B2));
        } else {
            eh = rows(heads, entities, b, w);
            er = rows(rels, relations, b, w);
            switch (c.getKind()) {
                case "distmult" -> q = product(eh, er);
                case "complex" -> q = complexProduct(eh, er, c.getDim());
                default -> throw new IllegalStateException("unknown 1-N scorer kind " + c.getKind());
            }
        }
        INDArray mask = null;
        if (training && c.getDropout() > 0) {
            mask = Nd4j.rand(dataType, b, w);
            if (inPlace(mask, q)) { // the draws become the mask, the query is masked where it lies: one pass
                ScorerVectors.dropout(HostArrays.bytes(mask), (float) c.getDropout(), 1f / (float) (1 - c.getDropout()),
                        HostArrays.bytes(q), (int) q.length());
            } else {
                mask = mask.gt(c.getDropout()).castTo(dataType).divi(1 - c.getDropout());
                q = q.mul(mask);
            }
        }
        return new Forward(heads, rels, eh, er, x, hid, mask, q);
    }

    /** Whether the vector kernels can work on these arrays where they lie, all of one length. */
    private static boolean inPlace(INDArray... arrays) {
        if (!VectorKernels.ON || !HostArrays.inPlace(arrays)) {
            return false;
        }
        for (INDArray a : arrays) {
            if (a.length() != arrays[0].length()) {
                return false;
            }
        }
        return true;
    }

    /** eh ⊙ er, a new array (one vector pass where the kernels run). */
    private static INDArray product(INDArray eh, INDArray er) {
        if (!inPlace(eh, er)) {
            return eh.mul(er);
        }
        INDArray q = Nd4j.createUninitialized(eh.dataType(), eh.shape(), 'c');
        ScorerVectors.product(HostArrays.bytes(eh), HostArrays.bytes(er), HostArrays.bytes(q), (int) q.length());
        return q;
    }

    private INDArray rows(Lookup lookup, INDArray table, long b, long w) {
        INDArray out = Nd4j.create(dataType, b, w);
        lookup.rows(table, out);
        return out;
    }


    /**
     * The rows' gradient dy (its columns [dyFrom, dyFrom + w)) plus the N3 term's, 3λ · e ⊙ |e| (e's columns [eFrom,
     * eFrom + w)), as a [b, w] array of its own: where the lookup's kernel does not add them as it goes.
     */
    private static INDArray withCube(INDArray dy, int dyFrom, INDArray e, int eFrom, long w, double n3) {
        INDArray rows = dy.size(1) == w ? dy : dy.get(NDArrayIndex.all(), NDArrayIndex.interval(dyFrom, dyFrom + w)).dup('c');
        if (n3 > 0) {
            INDArray er = e.size(1) == w ? e : e.get(NDArrayIndex.all(), NDArrayIndex.interval(eFrom, eFrom + w));
            rows.addi(er.mul(Transforms.abs(er, true)).muli(3 * n3));
        }
        return rows;
    }

    /** c = aᵀ · b, written into c where BLAS can (a gradient view), else computed and copied in. */
    private static void into(INDArray a, INDArray b, INDArray c) {
        if (!BatchedGemm.into(a, b, c, true, false)) {
            c.assign(MatrixProducts.tMul(a, b));
        }
    }

    /**
     * dpre ⊙= [hid > 0] in place (hid = relu(pre) is positive exactly where pre is): multiplied by 1 or 0 as the mask
     * array would, so a negative value becomes −0 as there.
     */
    private void reluBackward(INDArray dpre, INDArray hid) {
        if (HostArrays.inPlace(dpre, hid) && dpre.length() == hid.length()) {
            ByteBuffer d = HostArrays.bytes(dpre);
            ByteBuffer h = HostArrays.bytes(hid);
            for (int at = 0, end = (int) dpre.length() * Float.BYTES; at < end; at += Float.BYTES) {
                if (!(h.getFloat(at) > 0)) {
                    d.putFloat(at, d.getFloat(at) * 0f);
                }
            }
        } else {
            dpre.muli(hid.gt(0).castTo(dataType));
        }
    }

    /**
     * (a + ib)(c + ie) per element, real parts then imaginary parts: [ac − be, ae + bc] (one vector pass where the
     * kernels run).
     */
    private static INDArray complexProduct(INDArray h, INDArray r, long d) {
        if (inPlace(h, r)) {
            INDArray q = Nd4j.createUninitialized(h.dataType(), h.shape(), 'c');
            ScorerVectors.complexProduct(HostArrays.bytes(h), HostArrays.bytes(r), HostArrays.bytes(q), (int) h.size(0),
                    (int) d);
            return q;
        }
        INDArray a = re(h, d);
        INDArray bb = im(h, d);
        INDArray cc = re(r, d);
        INDArray e = im(r, d);
        return Nd4j.hstack(a.mul(cc).subi(bb.mul(e)), a.mul(e).addi(bb.mul(cc)));
    }

    private static INDArray re(INDArray v, long d) {
        return v.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d));
    }

    private static INDArray im(INDArray v, long d) {
        return v.get(NDArrayIndex.all(), NDArrayIndex.interval(d, 2 * d));
    }

    @Override
    public void clear() {
        super.clear();
        kept.clear();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        Forward f = kept.compute(training, mgr, () -> forward(training), input);
        INDArray table = getParam(OneToAllScorer.ENTITIES);
        INDArray scores = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {input.size(0), table.size(0)}, 'c');
        if (!BatchedGemm.into(f.q(), table, scores, false, true)) { // split over two threads where it is large
            Nd4j.gemm(f.q(), table, scores, false, true, 1.0, 0.0);
        }
        return scores;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        OneToAllScorer c = layerConf();
        Forward f = kept.take(() -> forward(true), input);
        INDArray table = getParam(OneToAllScorer.ENTITIES);
        INDArray ds = epsilon;
        INDArray dq = MatrixProducts.mul(ds, table); // [b, w]
        // DistMult's and ComplEx's backward in one pass each where the kernels run, the mask included
        boolean onePass = (c.getKind().equals("distmult") || c.getKind().equals("complex"))
                && (f.mask() == null ? inPlace(dq, f.eh(), f.er()) : inPlace(dq, f.eh(), f.er(), f.mask()));
        if (f.mask() != null && !onePass) {
            dq.muli(f.mask());
        }
        INDArray deh; // the rows' gradients, [b, w] or, for the MLP, the columns [0, w) and [w, 2w) of dx
        INDArray der;
        int derFrom = 0;
        Gradient g = new DefaultGradient();
        long w = c.width();
        if (onePass) { // the mask, then both sides' products, in one pass
            deh = Nd4j.createUninitialized(dataType, dq.shape(), 'c');
            der = Nd4j.createUninitialized(dataType, dq.shape(), 'c');
            ByteBuffer mask = f.mask() == null ? null : HostArrays.bytes(f.mask());
            if (c.getKind().equals("distmult")) {
                ScorerVectors.distMultBackward(HostArrays.bytes(dq), mask, HostArrays.bytes(f.eh()),
                        HostArrays.bytes(f.er()), HostArrays.bytes(deh), HostArrays.bytes(der), (int) dq.length());
            } else {
                ScorerVectors.complexBackward(HostArrays.bytes(dq), mask, HostArrays.bytes(f.eh()),
                        HostArrays.bytes(f.er()), HostArrays.bytes(deh), HostArrays.bytes(der), (int) dq.size(0),
                        (int) c.getDim());
            }
        } else {
            switch (c.getKind()) {
                case "distmult" -> {
                    deh = dq.mul(f.er());
                    der = dq.mul(f.eh());
                }
                case "complex" -> {
                    long d = c.getDim();
                    INDArray dre = re(dq, d);
                    INDArray dim = im(dq, d);
                    INDArray a = re(f.eh(), d);
                    INDArray b = im(f.eh(), d);
                    INDArray rc = re(f.er(), d);
                    INDArray e = im(f.er(), d);
                    deh = Nd4j.hstack(dre.mul(rc).addi(dim.mul(e)), dim.mul(rc).subi(dre.mul(e)));
                    der = Nd4j.hstack(dre.mul(a).addi(dim.mul(b)), dim.mul(a).subi(dre.mul(b)));
                }
                default -> {
                    into(f.hid(), dq, gradientViews.get(OneToAllScorer.W2));
                    gradientViews.get(OneToAllScorer.B2).assign(dq.sum(true, 0));
                    INDArray dpre = MatrixProducts.mulT(dq, getParam(OneToAllScorer.W2));
                    reluBackward(dpre, f.hid());
                    into(f.x(), dpre, gradientViews.get(OneToAllScorer.W1));
                    gradientViews.get(OneToAllScorer.B1).assign(dpre.sum(true, 0));
                    deh = MatrixProducts.mulT(dpre, getParam(OneToAllScorer.W1)); // dx: [b, 2w]
                    der = deh;
                    derFrom = (int) w;
                }
            }
        }
        INDArray dTable = gradientViews.get(OneToAllScorer.ENTITIES);
        if (!BatchedGemm.into(ds, f.q(), dTable, true, false)) { // every entity as a scored tail
            dTable.assign(MatrixProducts.tMul(ds, f.q()));
        }
        INDArray dRelations = gradientViews.get(OneToAllScorer.RELATIONS);
        // the head and relation rows as looked up: the MLP's joined input, or the rows themselves
        INDArray eh = f.eh() != null ? f.eh() : f.x();
        INDArray er = f.er() != null ? f.er() : f.x();
        int erFrom = f.er() != null ? 0 : (int) w;
        float cube = (float) (3 * c.getN3()); // d/dx λ|x|³ = 3λ x|x|, added to each row's gradient as it is summed in
        if (!(c.getN3() > 0 && f.heads().addGradientWithCube(deh, 0, eh, 0, cube, dTable))) {
            f.heads().addGradient(withCube(deh, 0, eh, 0, w, c.getN3()), dTable); // the heads' rows
        }
        dRelations.assign(0);
        if (!(c.getN3() > 0 && f.rels().addGradientWithCube(der, derFrom, er, erFrom, cube, dRelations))) {
            f.rels().addGradient(withCube(der, derFrom, er, erFrom, w, c.getN3()), dRelations);
        }
        for (String k : OneToAllScorer.Params.INSTANCE.names(c)) {
            g.gradientForVariable().put(k, gradientViews.get(k));
        }
        // Ids take no gradient; zeros keep the vertex that joined the two id columns happy.
        return new Pair<>(g, mgr.create(ArrayType.ACTIVATION_GRAD, dataType, input.shape()));
    }
}
