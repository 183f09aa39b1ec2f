package dev.deepwire.compiler.layers;

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
     * What the backward pass needs: the lookups, the head and relation rows, the MLP's joined input and
     * pre-activation and hidden layer (null otherwise), the dropout mask (null without) and the query as scored.
     */
    private record Forward(Lookup heads, Lookup rels, INDArray eh, INDArray er, INDArray x, INDArray pre, INDArray hid,
                           INDArray mask, INDArray q) {
    }

    private Forward forward(boolean training) {
        OneToAllScorer c = layerConf();
        if (input.rank() != 2 || input.size(1) != 2) {
            throw new IllegalArgumentException("1-N scorer " + layerId() + " takes [batch, 2] ids (head, relation); got "
                    + java.util.Arrays.toString(input.shape()));
        }
        Lookup heads = new Lookup(input.getColumn(0), c.getEntities(), dataType, "1-N scorer " + layerId() + " (head)");
        Lookup rels = new Lookup(input.getColumn(1), c.getRelations(), dataType, "1-N scorer " + layerId() + " (relation)");
        long b = input.size(0);
        long w = c.width();
        INDArray eh = Nd4j.create(dataType, b, w);
        INDArray er = Nd4j.create(dataType, b, w);
        heads.rows(getParam(OneToAllScorer.ENTITIES), eh);
        rels.rows(getParam(OneToAllScorer.RELATIONS), er);
        INDArray x = null;
        INDArray pre = null;
        INDArray hid = null;
        INDArray q;
        switch (c.getKind()) {
            case "distmult" -> q = eh.mul(er);
            case "complex" -> q = complexProduct(eh, er, c.getDim());
            case "mlp" -> {
                x = Nd4j.hstack(eh, er);
                pre = MatrixProducts.mul(x, getParam(OneToAllScorer.W1)).addiRowVector(getParam(OneToAllScorer.B1));
                hid = Transforms.relu(pre, true);
                q = MatrixProducts.mul(hid, getParam(OneToAllScorer.W2)).addiRowVector(getParam(OneToAllScorer.B2));
            }
            default -> throw new IllegalStateException("unknown 1-N scorer kind " + c.getKind());
        }
        INDArray mask = null;
        if (training && c.getDropout() > 0) {
            mask = Nd4j.rand(dataType, b, w).gt(c.getDropout()).castTo(dataType).divi(1 - c.getDropout());
            q = q.mul(mask);
        }
        return new Forward(heads, rels, eh, er, x, pre, hid, mask, q);
    }

    /** (a + ib)(c + ie) per element, real parts then imaginary parts: [ac − be, ae + bc]. */
    private static INDArray complexProduct(INDArray h, INDArray r, long d) {
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
        if (f.mask() != null) {
            dq.muli(f.mask());
        }
        INDArray deh;
        INDArray der;
        Gradient g = new DefaultGradient();
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
                gradientViews.get(OneToAllScorer.W2).assign(MatrixProducts.tMul(f.hid(), dq));
                gradientViews.get(OneToAllScorer.B2).assign(dq.sum(true, 0));
                INDArray dpre = MatrixProducts.mulT(dq, getParam(OneToAllScorer.W2)).muli(f.pre().gt(0).castTo(dataType));
                gradientViews.get(OneToAllScorer.W1).assign(MatrixProducts.tMul(f.x(), dpre));
                gradientViews.get(OneToAllScorer.B1).assign(dpre.sum(true, 0));
                INDArray dx = MatrixProducts.mulT(dpre, getParam(OneToAllScorer.W1));
                long w = c.width();
                deh = dx.get(NDArrayIndex.all(), NDArrayIndex.interval(0, w)).dup('c');
                der = dx.get(NDArrayIndex.all(), NDArrayIndex.interval(w, 2 * w)).dup('c');
            }
        }
        if (c.getN3() > 0) { // d/dx λ|x|³ = 3λ x|x|
            deh.addi(f.eh().mul(Transforms.abs(f.eh(), true)).muli(3 * c.getN3()));
            der.addi(f.er().mul(Transforms.abs(f.er(), true)).muli(3 * c.getN3()));
        }
        INDArray dTable = gradientViews.get(OneToAllScorer.ENTITIES);
        if (!BatchedGemm.into(ds, f.q(), dTable, true, false)) { // every entity as a scored tail
            dTable.assign(MatrixProducts.tMul(ds, f.q()));
        }
        f.heads().addGradient(deh, dTable); // the heads' rows
        f.rels().gradient(der, gradientViews.get(OneToAllScorer.RELATIONS));
        for (String k : OneToAllScorer.Params.INSTANCE.names(c)) {
            g.gradientForVariable().put(k, gradientViews.get(k));
        }
        // Ids take no gradient; zeros keep the vertex that joined the two id columns happy.
        return new Pair<>(g, mgr.create(ArrayType.ACTIVATION_GRAD, dataType, input.shape()));
    }
}
