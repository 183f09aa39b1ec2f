package dev.deepwire.compiler.layers;

import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Multi-head cross-attention as a graph vertex written by hand on ND4J arrays (forward and backward):
 * inputs queries {@code [b, dq, Tq]} and keys/values {@code [b, dk, Tk]} (NCW, the keys' padding mask
 * honoured), output {@code [b, dq, Tq]}, zero at padded query positions. Parameters as ND4J's
 * {@code multi_head_dot_product_attention} op takes them: {@code Wq [H, hs, dq]}, {@code Wk, Wv [H, hs, dk]},
 * {@code Wo [H·hs, dq]}, {@code hs = dq / H}. (DL4J's SameDiff {@code AttentionVertex} doubled its gradients and,
 * with workspaces on, corrupted them; this replaces it.)
 */
public class CrossAttention extends GraphVertex implements TrainingConfig, JavaExpressible {
    public static final String WQ = "Wq";
    public static final String WK = "Wk";
    public static final String WV = "Wv";
    public static final String WO = "Wo";

    private long queries;
    private long keys;
    private int heads;
    private IUpdater updater;
    private String name;

    public CrossAttention() {
        // for JSON
    }

    public static CrossAttention of(long queries, long keys, int heads, IUpdater updater) {
        CrossAttention a = new CrossAttention();
        a.queries = queries;
        a.keys = keys;
        a.heads = heads;
        a.updater = updater;
        return a;
    }

    public long getQueries() {
        return queries;
    }

    public void setQueries(long queries) {
        this.queries = queries;
    }

    public long getKeys() {
        return keys;
    }

    public void setKeys(long keys) {
        this.keys = keys;
    }

    public int getHeads() {
        return heads;
    }

    public void setHeads(int heads) {
        this.heads = heads;
    }

    public IUpdater getUpdater() {
        return updater;
    }

    public void setUpdater(IUpdater updater) {
        this.updater = updater;
    }

    public long headSize() {
        return queries / heads;
    }

    /** Parameter shapes in storage order: Wq, Wk, Wv, Wo. */
    long[][] shapes() {
        long hs = headSize();
        return new long[][] {{heads, hs, queries}, {heads, hs, keys}, {heads, hs, keys}, {heads * hs, queries}};
    }

    @Override
    public String javaExpression() {
        return "CrossAttention.of(" + queries + "L, " + keys + "L, " + heads + ", " + Updaters.java(updater) + ")";
    }

    @Override
    public CrossAttention clone() {
        CrossAttention c = of(queries, keys, heads, updater == null ? null : updater.clone());
        c.name = name;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrossAttention c && c.queries == queries && c.keys == keys && c.heads == heads
                && Objects.equals(c.updater, updater);
    }

    @Override
    public int hashCode() {
        return Objects.hash(queries, keys, heads, updater);
    }

    @Override
    public long numParams(boolean backprop) {
        return 2 * queries * queries + 2 * queries * keys;
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String vertexName, int idx,
                                                                        INDArray paramsView, boolean initializeParams,
                                                                        DataType dataType) {
        this.name = vertexName;
        return new CrossAttentionImpl(graph, vertexName, idx, this, paramsView, initializeParams, dataType);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) {
        return inputs[0];
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputs) {
        long n = numParams(true);
        return new LayerMemoryReport.Builder(name, CrossAttention.class, inputs[0], inputs[0])
                .standardMemory(n, 2 * n).workingMemory(0, 0, 0, 0)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS).build();
    }

    // --- TrainingConfig: how DL4J's updater treats the parameters ------------------------------

    @Override
    public String getLayerName() {
        return name;
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return List.of();
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return updater;
    }

    @Override
    public GradientNormalization getGradientNormalization() {
        return GradientNormalization.None;
    }

    @Override
    public double getGradientNormalizationThreshold() {
        return 1.0;
    }

    @Override
    public void setDataType(DataType dataType) {
        // sizes only; arrays take the network's type
    }
}
