package dev.deepwire.inspect;

import dev.deepwire.compiler.layers.EmbeddingTable;
import dev.deepwire.compiler.layers.PositionalEmbedding;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The embedding tables of a trained network, found generically: every layer whose configuration is one of the
 * table layers below and that holds that layer's table parameter. A new table layer is one more line in
 * {@link #READERS}. Rows are labelled from the network input that feeds the table (the dataset's names for it:
 * entities, relations, vocabulary tokens) or by index for positions.
 */
public final class EmbeddingTables {
    /**
     * How a kind of table layer holds its table: the layer class, the parameter, whether the rows lie along the
     * last axis ({@code [1, d, T]}) instead of the first ({@code [rows, d]}), and what its rows are.
     */
    private record Reader(Class<? extends Layer> layer, String param, boolean rowsLast, String rows) {
    }

    private static final List<Reader> READERS = List.of(
            new Reader(EmbeddingTable.class, EmbeddingTable.TABLE, false, "ids"),
            new Reader(PositionalEmbedding.class, PositionalEmbedding.TABLE, true, "positions"));

    /** A table found in a network: the canvas block, the DL4J vertex that holds it and how to read it. */
    public record Found(String nodeId, String vertex, String param, boolean rowsLast, String rows) {
    }

    private EmbeddingTables() {
    }

    /** Every table of the network, in the order of its vertices. */
    public static List<Found> find(ComputationGraph net) {
        List<Found> out = new ArrayList<>();
        net.getConfiguration().getVertices().forEach((name, vertex) -> {
            if (vertex instanceof LayerVertex lv && lv.getLayerConf() != null) {
                Layer layer = lv.getLayerConf().getLayer();
                for (Reader r : READERS) {
                    if (r.layer().isInstance(layer) && net.getVertex(name).paramTable(false).containsKey(r.param())) {
                        out.add(new Found(nodeOf(name), name, r.param(), r.rowsLast(), r.rows()));
                    }
                }
            }
        });
        return out;
    }

    /** The canvas blocks that hold a table. */
    public static List<String> nodes(ComputationGraph net) {
        return find(net).stream().map(Found::nodeId).distinct().toList();
    }

    /** The table of a block, if it holds one. */
    public static Optional<Found> find(ComputationGraph net, String nodeId) {
        return find(net).stream().filter(f -> f.nodeId().equals(nodeId)).findFirst();
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
        float[][] values = values(net, table);
        int input = table.rowsLast() ? -1 : AttentionProbe.sourceInput(net.getConfiguration(), table.vertex());
        List<String> labels = labels(table, input, values.length, data);
        String kind = graph == null ? table.rows() : graph.node(table.nodeId())
                .flatMap(n -> BlockCatalog.standard().find(n.type())).map(b -> b.label()).orElse(table.rows());
        String output = net.getConfiguration().getNetworkOutputs().isEmpty() ? "class"
                : nodeOf(net.getConfiguration().getNetworkOutputs().get(0));
        List<RowColumn> columns = RowColumns.of(table.rowsLast(), input, values.length, data, output);
        return new LearnedTable(table.nodeId(), kind, labels, columns, values, step);
    }

    /** Every table of the network with labels and columns. */
    public static List<LearnedTable> readAll(ComputationGraph net, Graph graph, DatasetSplits data, long step) {
        return find(net).stream().map(f -> read(net, f, graph, data, step)).toList();
    }

    private static List<String> labels(Found table, int input, int rows, DatasetSplits data) {
        List<String> names = input < 0 || data == null || data.train() == null ? List.of() : data.train().inputNames(input);
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
