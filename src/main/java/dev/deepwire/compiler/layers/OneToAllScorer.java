package dev.deepwire.compiler.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 1-N link prediction: ids {@code [b, 2]} (head, relation) → a score for every entity {@code [b, N]},
 * {@code s = q(E[h], R[r]) · Eᵀ}. The layer owns the entity table {@code W [N, w]} (read for the head and as the
 * scored side: one table, gradients from both), the relation table {@code R [M, w]} and, for the MLP, its weights.
 * Kinds: {@code distmult} (q = E[h] ⊙ R[r]), {@code complex} (w = 2d: real parts, then imaginary; q = E[h]·R[r] as
 * complex numbers, so s = Re⟨h, r, conj(t)⟩) and {@code mlp} (q = W₂ relu(W₁[E[h]; R[r]] + b₁) + b₂).
 */
public class OneToAllScorer extends HandWrittenLayer implements JavaExpressible {
    /** The entity table, named as the other embedding tables so entity views find it. */
    public static final String ENTITIES = EmbeddingTable.TABLE;
    public static final String RELATIONS = "R";
    public static final String W1 = "W1";
    public static final String B1 = "b1";
    public static final String W2 = "W2";
    public static final String B2 = "b2";

    private String kind;
    private long entities;
    private long relations;
    private long dim;
    private long hidden;
    private double dropout;
    private double n3;

    public OneToAllScorer() {
        // for JSON
    }

    public OneToAllScorer(String kind, long entities, long relations, long dim, long hidden, double dropout, double n3) {
        this.kind = kind;
        this.entities = entities;
        this.relations = relations;
        this.dim = dim;
        this.hidden = hidden;
        this.dropout = dropout;
        this.n3 = n3;
    }

    /** Reals per entity and relation vector: 2d for ComplEx, d otherwise. */
    public long width() {
        return "complex".equals(kind) ? 2 * dim : dim;
    }

    public boolean mlp() {
        return "mlp".equals(kind);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public long getEntities() {
        return entities;
    }

    public void setEntities(long entities) {
        this.entities = entities;
    }

    public long getRelations() {
        return relations;
    }

    public void setRelations(long relations) {
        this.relations = relations;
    }

    public long getDim() {
        return dim;
    }

    public void setDim(long dim) {
        this.dim = dim;
    }

    public long getHidden() {
        return hidden;
    }

    public void setHidden(long hidden) {
        this.hidden = hidden;
    }

    public double getDropout() {
        return dropout;
    }

    public void setDropout(double dropout) {
        this.dropout = dropout;
    }

    public double getN3() {
        return n3;
    }

    public void setN3(double n3) {
        this.n3 = n3;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(entities);
    }

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new OneToAllScorerImpl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new OneToAllScorer(\"" + kind + "\", " + entities + "L, " + relations + "L, " + dim + "L, " + hidden
                + "L, " + JavaExpressible.d(dropout) + ", " + JavaExpressible.d(n3) + ")";
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    /** W [N, w], R [M, w] and for the MLP W1 [2d, h], b1 [1, h], W2 [h, d], b2 [1, d]. */
    static final class Params extends NamedParams {
        static final Params INSTANCE = new Params();

        @Override
        String[] names(Layer layer) {
            return ((OneToAllScorer) layer).mlp() ? new String[] {ENTITIES, RELATIONS, W1, B1, W2, B2}
                    : new String[] {ENTITIES, RELATIONS};
        }

        @Override
        long[][] shapes(Layer layer) {
            OneToAllScorer s = (OneToAllScorer) layer;
            long w = s.width();
            if (!s.mlp()) {
                return new long[][] {{s.entities, w}, {s.relations, w}};
            }
            return new long[][] {{s.entities, w}, {s.relations, w}, {2 * w, s.hidden}, {1, s.hidden}, {s.hidden, w}, {1, w}};
        }

        @Override
        List<String> biases(Layer layer) {
            return ((OneToAllScorer) layer).mlp() ? List.of(B1, B2) : List.of();
        }

        /**
         * Tables small and normal (σ = 0.1: products of three such vectors start near zero, so every entity starts
         * about equally likely); MLP weights Xavier-uniform, biases zero.
         */
        @Override
        void initialize(Layer layer, Map<String, INDArray> p) {
            OneToAllScorer s = (OneToAllScorer) layer;
            Inits.normal(p.get(ENTITIES), 0.1);
            Inits.normal(p.get(RELATIONS), 0.1);
            if (s.mlp()) {
                Inits.xavierUniform(p.get(W1), 2 * s.width(), s.hidden);
                Inits.xavierUniform(p.get(W2), s.hidden, s.width());
                p.get(B1).assign(0);
                p.get(B2).assign(0);
            }
        }
    }
}
