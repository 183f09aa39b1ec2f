package dev.deepwire.inspect;

import dev.deepwire.compiler.layers.EmbeddingTable;
import dev.deepwire.compiler.layers.OneToAllScorer;
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
            new Reader(PositionalEmbedding.class, PositionalEmbedding.TABLE, true, "positions"),
            new Reader(OneToAllScorer.class, OneToAllScorer.ENTITIES, false, "entities"),
            new Reader(OneToAllScorer.class, OneToAllScorer.RELATIONS, false, "relations"));

    /**
     * A table found in a network: its name (the canvas block's id, or {@code block:rows} where a block holds
     * several, e.g. a 1-N scorer's entities and relations), the block, the DL4J vertex and how to read it.
     */
    public record Found(String key, String nodeId, String vertex, String param, boolean rowsLast, String rows) {
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
                        out.add(new Found(nodeOf(name), nodeOf(name), name, r.param(), r.rowsLast(), r.rows()));
                    }
                }
            }
        });
        List<Found> named = new ArrayList<>();
        for (Found f : out) {
            boolean shared = out.stream().filter(o -> o.nodeId().equals(f.nodeId())).count() > 1;
            named.add(shared ? new Found(f.nodeId() + ":" + f.rows(), f.nodeId(), f.vertex(), f.param(), f.rowsLast(),
                    f.rows()) : f);
        }
        return named;
    }

    /** The names of a configuration's tables (see {@link Found#key}). */
    public static List<String> nodes(ComputationGraphConfiguration conf) {
        return find(conf).stream().map(Found::key).distinct().toList();
    }

    /** The canvas blocks that hold a table. */
    public static List<String> nodes(ComputationGraph net) {
        return nodes(net.getConfiguration());
    }

    /** The table of a block, if it holds one. */
    public static Optional<Found> find(ComputationGraph net, String nodeId) {
        return find(net.getConfiguration(), nodeId);
    }

    /** A table by its name, or the first table of a block by the block's id. */
    public static Optional<Found> find(ComputationGraphConfiguration conf, String name) {
        List<Found> all = find(conf);
        return all.stream().filter(f -> f.key().equals(name)).findFirst()
                .or(() -> all.stream().filter(f -> f.nodeId().equals(name)).findFirst());
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
        int input = table.rowsLast() ? -1 : input(conf, table.vertex(), values.length, data);
        List<String> names = input < 0 ? List.of() : data.train().inputNames(input);
        if (!names.isEmpty() && names.size() < values.length) {
            values = java.util.Arrays.copyOf(values, names.size()); // ids past the data's names are never looked up
        }
        List<String> labels = labels(table, names, values.length);
        String kind = graph == null || !table.key().equals(table.nodeId()) ? kind(table, labels, data) : graph.node(table.nodeId())
                .flatMap(n -> BlockCatalog.standard().find(n.type())).map(b -> b.label()).orElse(kind(table, labels, data));
        String output = conf.getNetworkOutputs().isEmpty() ? "class" : nodeOf(conf.getNetworkOutputs().get(0));
        List<RowColumn> columns = RowColumns.of(table.rowsLast(), input, values.length, data, output);
        return new LearnedTable(table.key(), kind, labels, columns, values, step);
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

    /**
     * The network input whose names label a table's rows: the one with exactly as many names as the table has rows
     * (a 1-N scorer's relations among its head and relation inputs), else the input that feeds the table; -1 for none.
     */
    private static int input(ComputationGraphConfiguration conf, String vertex, int rows, DatasetSplits data) {
        if (data == null || data.train() == null) {
            return -1;
        }
        int source = AttentionProbe.sourceInput(conf, vertex);
        if (source >= 0 && data.train().inputNames(source).size() == rows) {
            return source;
        }
        for (int i = 0; i < conf.getNetworkInputs().size(); i++) {
            if (data.train().inputNames(i).size() == rows) {
                return i;
            }
        }
        return source;
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
