package dev.deepwire.inspect;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.Graph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/**
 * The embedding tables of one network with the data that labels them, for the window (which holds no DL4J
 * types): which blocks hold a table, and a captured table's values turned into a {@link LearnedTable}.
 */
public final class TableSource {
    public static final TableSource NONE = new TableSource(null, null, null);

    private final ComputationGraphConfiguration configuration;
    private final DatasetSplits data;
    private final Graph graph;
    private final Map<String, EmbeddingTables.Found> found = new LinkedHashMap<>();
    /**
     * Each table's first description: its labels and columns depend on the configuration and the data only, so later
     * captures reuse them. Worked out again for every capture (a class column over the whole training data), they had
     * kept the thread reading a training process busy, and the dock showed the run seconds behind.
     */
    private final Map<String, LearnedTable> described = new java.util.concurrent.ConcurrentHashMap<>();

    private TableSource(ComputationGraphConfiguration configuration, DatasetSplits data, Graph graph) {
        this.configuration = configuration;
        this.data = data;
        this.graph = graph;
        if (configuration != null) {
            EmbeddingTables.find(configuration).forEach(f -> found.putIfAbsent(f.key(), f));
        }
    }

    /** A run's network and data; {@code graph} (optional) names the blocks' kinds. */
    public static TableSource of(CompiledNetwork network, DatasetSplits data, Graph graph) {
        return new TableSource(network.configuration(), data, graph);
    }

    public static TableSource of(TrainedModel model, DatasetSplits data, Graph graph) {
        return new TableSource(model.network().getConfiguration(), data, graph);
    }

    /** The blocks that hold a table. */
    public List<String> nodes() {
        return List.copyOf(found.keySet());
    }

    public boolean holds(String nodeId) {
        return found.containsKey(nodeId);
    }

    /** Captured values of a block's table as a labelled table. */
    public LearnedTable describe(String nodeId, float[][] rows, long step) {
        EmbeddingTables.Found f = found.get(nodeId);
        if (f == null) {
            throw new IllegalArgumentException(nodeId + " holds no embedding table");
        }
        LearnedTable first = described.get(nodeId);
        if (first != null && rows.length >= first.labels().size()) {
            float[][] kept = rows.length == first.labels().size() ? rows : java.util.Arrays.copyOf(rows, first.labels().size());
            return new LearnedTable(first.nodeId(), first.kind(), first.labels(), first.columns(), kept, step);
        }
        LearnedTable table = EmbeddingTables.describe(configuration, f, graph, data, rows, step);
        described.put(nodeId, table);
        return table;
    }

    /** Every table of a model as it is now. */
    public List<LearnedTable> read(TrainedModel model) {
        List<LearnedTable> out = new ArrayList<>();
        for (EmbeddingTables.Found f : found.values()) {
            out.add(EmbeddingTables.read(model.network(), f, graph, data, model.trainedSteps()));
        }
        return out;
    }
}
