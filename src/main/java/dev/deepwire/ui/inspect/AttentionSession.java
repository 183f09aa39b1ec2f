package dev.deepwire.ui.inspect;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.AttentionLayout;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.ui.projector.ProjectorSession;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the attention inspector knows of the current run: the probe examples (the first validation
 * examples), the attention blocks, and every snapshot captured so far (added on the UI thread).
 */
public final class AttentionSession {
    /** Examples in the probe batch captured during training. */
    static final int PROBE = 8;
    private static final java.util.function.IntFunction<String> DEFAULT_NAMES = k -> "validation example " + k;
    private java.util.function.IntFunction<String> probeName = DEFAULT_NAMES;
    /** The example chosen in Evaluate and Prune ({@link #loadChosen}), or -1. */
    private int chosen = -1;
    /** Capture every this many steps. */
    static final int EVERY = 20;

    private final Consumer<Runnable> uiThread;
    private final ObservableList<AttentionRecorder.Snapshot> snapshots = FXCollections.observableArrayList();
    private final ObjectProperty<Dataset> probe = new SimpleObjectProperty<>();
    private AttentionLayout layout = AttentionLayout.NONE;
    private TrainedModel loaded;
    /** The run folder the loaded model was kept in (null: not known), the run a model kept from it came from. */
    private java.nio.file.Path loadedRun;
    /** The examples interventions are measured on: the validation split (the training split without one). */
    private Dataset validation;
    private List<String> nodes = List.of();
    /** The embedding tables of the same run, captured the same way for the projector. */
    private final ProjectorSession projector;

    /** The text last in the inspector's box as it closed, and whether its map was on show (opened again: both back). */
    private String typedText = "";
    private boolean typedShown;

    /** Keeps the inspector's typed text as it closes: a sentence typed, closed with Esc and opened again had gone. */
    void keepTyped(String text, boolean shown) {
        typedText = text == null ? "" : text;
        typedShown = shown && !typedText.isBlank();
    }

    String typedText() {
        return typedText;
    }

    boolean typedShown() {
        return typedShown;
    }

    public AttentionSession(Consumer<Runnable> uiThread) {
        this.uiThread = uiThread;
        this.projector = new ProjectorSession(uiThread);
    }

    /**
     * Starts watching a run (called as it launches): what to capture, or null when the network has no attention
     * block. Captures come back through {@link #captured}.
     */
    public CaptureSpec watch(CompiledNetwork network, DatasetSplits data) {
        loaded = null;
        loadedRun = null;
        probeName = DEFAULT_NAMES;
        layout = AttentionLayout.of(network.configuration());
        nodes = layout.nodes();
        CaptureSpec spec = new CaptureSpec(nodes, PROBE, EVERY).withTables(projector.watch(network, data));
        probe.set(spec.probe(data));
        validation = data.validation() != null ? data.validation() : data.train();
        snapshots.clear(); // after the new run's blocks are known: an open inspector offers them when told of this
        return nodes.isEmpty() && spec.tables().isEmpty() ? null : spec;
    }

    /** A capture from the run (on the training thread or the one reading a training process). */
    public void captured(AttentionRecorder.Snapshot s) {
        if (projector.holds(s.nodeId())) {
            projector.captured(s.nodeId(), s.step(), s.weights()[0][0]);
            return;
        }
        uiThread.accept(() -> snapshots.add(s));
    }

    /**
     * Another project opened in the window: the earlier project's run, loaded model and captures are not its own (step
     * mode had walked a kept model of the earlier project, and the inspector offered its heads).
     */
    public void forget() {
        loaded = null;
        loadedRun = null;
        probeName = DEFAULT_NAMES;
        layout = AttentionLayout.NONE;
        nodes = List.of();
        probe.set(null);
        validation = null;
        snapshots.clear();
        projector.forget();
        keepTyped("", false); // a sentence typed for the earlier project's model is not this one's
    }

    /** The same run's embedding tables, for the projector. */
    public ProjectorSession projector() {
        return projector;
    }

    /**
     * Inspects a saved model (a run's best checkpoint) instead of the live run: its network, the probe examples
     * to show, and no captured history.
     */
    public void load(TrainedModel model, Dataset probeSource) {
        load(model, probeSource, new DatasetSplits(probeSource, probeSource, null));
    }

    /** The same, with all the project's data for the projector's labels and colours. */
    public void load(TrainedModel model, Dataset probeSource, DatasetSplits splits) {
        load(model, null, probeSource, splits);
    }

    /** The same, for a model kept in the run folder {@code run} (a model saved from it records that run's settings). */
    public void load(TrainedModel model, java.nio.file.Path run, Dataset probeSource, DatasetSplits splits) {
        loaded = model;
        loadedRun = run;
        probeName = DEFAULT_NAMES;
        chosen = -1;
        layout = model.layout();
        nodes = layout.nodes();
        probe.set(probeSource.head(PROBE));
        validation = probeSource;
        snapshots.clear();
        projector.load(model, splits); // its embedding tables, as they are
    }

    /**
     * A model loaded to show example {@code index} of {@code split} (picked in Evaluate and Prune), repeated as every
     * probe, measured on the split: the inspector's accuracy and interventions are the split's, not the one example's,
     * and step mode names the example by its place in the split.
     */
    public void loadChosen(TrainedModel model, java.nio.file.Path run, Dataset split, int index) {
        load(model, run, dev.deepwire.inspect.ModelLab.focus(split, index, PROBE), new DatasetSplits(split, split, null));
        validation = split;
        probeName = k -> "validation example " + index;
        chosen = index;
    }

    /** The example picked in Evaluate and Prune that every probe repeats, if one is loaded. */
    public java.util.OptionalInt chosenExample() {
        return chosen < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(chosen);
    }

    /** How probe {@code k} is called where it is shown ("validation example 12"). */
    public String probeName(int k) {
        return probeName.apply(k);
    }

    /** The run folder the loaded model was kept in, if it is loaded and known. */
    public Optional<java.nio.file.Path> loadedRun() {
        return loaded == null ? Optional.empty() : Optional.ofNullable(loadedRun);
    }

    /** A model loaded for inspection, if any (a new run replaces it). */
    public Optional<TrainedModel> loadedModel() {
        return Optional.ofNullable(loaded);
    }

    /** The examples interventions are measured on (null before a run or a loaded model). */
    public Dataset validation() {
        return validation;
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

    /** Where the current network's attention blocks take their queries and keys from. */
    public AttentionLayout layout() {
        return layout;
    }
}
