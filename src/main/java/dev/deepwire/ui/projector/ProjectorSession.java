package dev.deepwire.ui.projector;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.LearnedTable;
import dev.deepwire.inspect.TableSource;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.model.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the projector knows of the current run: its embedding tables and every capture of them so far (added on
 * the UI thread, at most {@link #KEEP} per table: beyond it every other older one is dropped, the newest kept), or
 * the tables of a model loaded for inspection.
 */
public final class ProjectorSession {
    /** Captures kept per table. */
    static final int KEEP = 60;

    private final Consumer<Runnable> uiThread;
    private final ObservableList<LearnedTable> captures = FXCollections.observableArrayList();
    private volatile TableSource source = TableSource.NONE;
    private Supplier<Graph> graph = () -> null;
    /** The open projector window of this session, if any (one per workbench window). */
    ProjectorWindow window;

    public ProjectorSession(Consumer<Runnable> uiThread) {
        this.uiThread = uiThread;
    }

    /** Where the project's graph is read from, to name the blocks' kinds (optional). */
    public void setGraph(Supplier<Graph> projectGraph) {
        graph = projectGraph;
    }

    /**
     * How a table or a colour column is called on screen: by its block's name on the canvas ("Letters as vectors"),
     * as the attention inspector names blocks; a table's part after the block ("emb:entities") follows it. Anything
     * not a block of the graph keeps its own name.
     */
    public String nameOf(String key) {
        Graph g = key == null ? null : graph.get();
        if (g == null) {
            return key == null ? "" : key;
        }
        int colon = key.indexOf(':');
        String id = colon < 0 ? key : key.substring(0, colon);
        String label = g.node(id).map(n -> n.label()).filter(l -> !l.isBlank()).map(dev.deepwire.limits.ShownName::of).orElse(null);
        return label == null ? key : colon < 0 ? label : label + " (" + key.substring(colon + 1) + ")";
    }

    /** A run starts: the tables to capture (empty when the network has none). */
    public List<String> watch(CompiledNetwork network, DatasetSplits splits) {
        source = TableSource.of(network, splits, graph.get());
        uiThread.accept(captures::clear);
        return source.nodes();
    }

    /** Another project opened: no tables of the earlier one's run. */
    public void forget() {
        source = TableSource.NONE;
        captures.clear();
    }

    /** Whether captures of this block are tables (the projector's) rather than attention maps. */
    public boolean holds(String nodeId) {
        return source.holds(nodeId);
    }

    /** A table captured at {@code step} (from the training thread or the one reading a training process). */
    public void captured(String nodeId, long step, float[][] rows) {
        TableSource from = source;
        if (from.holds(nodeId)) {
            LearnedTable table = from.describe(nodeId, rows, step);
            uiThread.accept(() -> add(table));
        }
    }

    /** Inspects a saved model instead of the run: its tables as they are, with no history (call off the UI thread). */
    public List<LearnedTable> load(TrainedModel model, DatasetSplits splits) {
        source = TableSource.of(model, splits, graph.get());
        List<LearnedTable> tables = source.read(model);
        uiThread.accept(() -> captures.setAll(tables));
        return tables;
    }

    void add(LearnedTable table) {
        captures.add(table);
        List<LearnedTable> mine = of(table.nodeId());
        if (mine.size() > KEEP) {
            List<LearnedTable> drop = new ArrayList<>();
            for (int i = 1; i < mine.size() - 1; i += 2) {
                drop.add(mine.get(i));
            }
            captures.removeAll(drop);
        }
    }

    /** The captures of one table, oldest first. */
    public List<LearnedTable> of(String nodeId) {
        return captures.stream().filter(t -> t.nodeId().equals(nodeId)).toList();
    }

    public ObservableList<LearnedTable> captures() {
        return captures;
    }

    /** The blocks with a table in the current run's network (or the loaded model), else those captured. */
    public List<String> nodes() {
        List<String> nodes = source.nodes();
        return !nodes.isEmpty() ? nodes : captures.stream().map(LearnedTable::nodeId).distinct().toList();
    }
}
