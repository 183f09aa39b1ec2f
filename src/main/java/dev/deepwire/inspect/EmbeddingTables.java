package dev.deepwire.inspect;

import dev.deepwire.compiler.layers.EmbeddingTable;
import dev.deepwire.compiler.layers.PositionalEmbedding;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The embedding tables of a trained network, found generically: every layer whose configuration is one of the
 * table layers below and that holds that layer's table parameter. A new table layer is one more line in
 * {@link #READERS}. Rows are labelled from the network input that feeds the table (the dataset's names for it:
 * entities, relations, vocabulary tokens) or by index for positions; rows past the data's names (a vocabulary
 * smaller than the block's size) are never looked up and are left out.
 */
public final class EmbeddingTables {
    /**
     * How a kind of table layer holds its table: the layer class, the parameter, whether the rows lie along the
     * last axis ({@code [1, d, T]}) instead of the first ({@code [rows, d]}), and what its rows are.
     */
    private record Reader(Class<? extends Layer> layer, String param, boolean rowsLast, String rows) {
    }

    private static final List<Reader> READERS = List.of(
            new Reader(EmbeddingTable.class, EmbeddingTable.TABLE, false, "ids"), // token, entity, relation, id tables
            new Reader(PositionalEmbedding.class, PositionalEmbedding.TABLE, true, "positions"));

    /** A table found in a network: the canvas block, the DL4J vertex that holds it and how to read it. */
    public record Found(String nodeId, String vertex, String param, boolean rowsLast, String rows) {
    }

    private EmbeddingTables() {
    }

    /** Every table of the network, in the order of its vertices. */
    public static List<Found> find(ComputationGraph net) {
        return find(net.getConfiguration());
    }

    /** Every table of a network's configuration: a table layer whose parameters include its table. */
    public static List<Found> find(ComputationGraphConfiguration conf) {
        List<Found> out = new ArrayList<>();
        conf.getVertices().forEach((name, vertex) -> {
            if (vertex instanceof LayerVertex lv && lv.getLayerConf() != null) {
                Layer layer = lv.getLayerConf().getLayer();
                for (Reader r : READERS) {
                    if (r.layer().isInstance(layer) && layer.initializer().paramKeys(layer).contains(r.param())) {
                        out.add(new Found(nodeOf(name), name, r.param(), r.rowsLast(), r.rows()));
                    }
                }
            }
        });
        return out;
    }

    /** The canvas blocks of a configuration that hold a table. */
    public static List<String> nodes(ComputationGraphConfiguration conf) {
        return find(conf).stream().map(Found::nodeId).distinct().toList();
    }

    /** The canvas blocks that hold a table. */
    public static List<String> nodes(ComputationGraph net) {
        return nodes(net.getConfiguration());
    }

    /** The table of a block, if it holds one. */
    public static Optional<Found> find(ComputationGraph net, String nodeId) {
        return find(net.getConfiguration(), nodeId);
    }

    public static Optional<Found> find(ComputationGraphConfiguration conf, String nodeId) {
        return find(conf).stream().filter(f -> f.nodeId().equals(nodeId)).findFirst();
    }

    /** The table's values now, {@code [row][dimension]} (a copy: safe to keep while training goes on). */
    public static float[][] values(ComputationGraph net, Found table) {
        INDArray p = net.getVertex(table.vertex()).paramTable(false).get(table.param());
        INDArray rows = table.rowsLast() ? p.reshape(p.size(p.rank() - 2), p.size(p.rank() - 1)).transpose() : p;
        return rows.castTo(DataType.FLOAT).dup('c').toFloatMatrix();
    }

    /**
     * A table with its labels and colour columns.
     *
     * @param graph the project's graph (names the kind of block), or null
     * @param data  the project's data (labels and columns come from it), or null: rows are then numbered
     */
    public static LearnedTable read(ComputationGraph net, Found table, Graph graph, DatasetSplits data, long step) {
        return describe(net.getConfiguration(), table, graph, data, values(net, table), step);
    }

    /**
     * Values read elsewhere (a capture during training) as a table with labels and columns: the labels and columns
     * depend on the configuration and the data only.
     */
    public static LearnedTable describe(ComputationGraphConfiguration conf, Found table, Graph graph, DatasetSplits data,
                                        float[][] values, long step) {
        int input = table.rowsLast() ? -1 : AttentionProbe.sourceInput(conf, table.vertex());
        List<String> names = input < 0 || data == null || data.train() == null ? List.of() : data.train().inputNames(input);
        if (!names.isEmpty() && names.size() < values.length) {
            values = java.util.Arrays.copyOf(values, names.size()); // ids past the data's names are never looked up
        }
        List<String> labels = labels(table, names, values.length);
        String kind = graph == null ? kind(table, labels, data) : graph.node(table.nodeId())
                .flatMap(n -> BlockCatalog.standard().find(n.type())).map(b -> b.label()).orElse(kind(table, labels, data));
        String output = conf.getNetworkOutputs().isEmpty() ? "class" : nodeOf(conf.getNetworkOutputs().get(0));
        List<RowColumn> columns = RowColumns.of(table.rowsLast(), input, values.length, data, output);
        return new LearnedTable(table.nodeId(), kind, labels, columns, values, step);
    }

    /** What the rows are, without the project's graph: entities or relations of a knowledge graph, or the reader's word. */
    private static String kind(Found table, List<String> labels, DatasetSplits data) {
        if (data != null && data.knowledgeGraph() != null) {
            if (labels.equals(data.knowledgeGraph().entities())) {
                return "entities";
            }
            if (labels.equals(data.knowledgeGraph().relations())) {
                return "relations";
            }
        }
        return table.rows();
    }

    /** Every table of the network with labels and columns. */
    public static List<LearnedTable> readAll(ComputationGraph net, Graph graph, DatasetSplits data, long step) {
        return find(net).stream().map(f -> read(net, f, graph, data, step)).toList();
    }

    private static List<String> labels(Found table, List<String> names, int rows) {
        List<String> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            out.add(names.size() == rows ? names.get(i) : table.rowsLast() ? String.valueOf(i) : "#" + i);
        }
        return out;
    }

    /** The canvas block of a vertex: the vertex itself, or the part of a block ({@code id.part}). */
    static String nodeOf(String vertex) {
        int dot = vertex.indexOf('.');
        return dot < 0 ? vertex : vertex.substring(0, dot);
    }
}
