package dev.deepwire.ui.inspect;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.AttentionProbe;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.training.StepHook;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/**
 * What the attention inspector knows of the current run: the probe examples (the first validation
 * examples), the attention blocks, and every snapshot captured so far (added on the UI thread).
 */
public final class AttentionSession {
    /** Examples in the probe batch captured during training. */
    static final int PROBE = 8;
    /** Capture every this many steps. */
    static final int EVERY = 20;

    private final Consumer<Runnable> uiThread;
    private final ObservableList<AttentionRecorder.Snapshot> snapshots = FXCollections.observableArrayList();
    private final ObjectProperty<Dataset> probe = new SimpleObjectProperty<>();
    private ComputationGraphConfiguration configuration;
    private List<String> nodes = List.of();

    public AttentionSession(Consumer<Runnable> uiThread) {
        this.uiThread = uiThread;
    }

    /** Starts watching a run (called as it launches): a recorder for the training thread. */
    public StepHook hookFor(CompiledNetwork network, DatasetSplits data) {
        snapshots.clear();
        configuration = network.configuration();
        nodes = AttentionProbe.attentionNodes(configuration);
        Dataset source = data.validation() != null ? data.validation() : data.train();
        probe.set(source.head(PROBE));
        if (nodes.isEmpty()) {
            return StepHook.NONE;
        }
        return new AttentionRecorder(probe.get(), nodes, EVERY, s -> uiThread.accept(() -> snapshots.add(s)));
    }

    public ObservableList<AttentionRecorder.Snapshot> snapshots() {
        return snapshots;
    }

    public ObjectProperty<Dataset> probeProperty() {
        return probe;
    }

    /** Attention blocks of the current run's network (empty before the first run). */
    public List<String> nodes() {
        return nodes;
    }

    public ComputationGraphConfiguration configuration() {
        return configuration;
    }
}
