package dev.deepwire.ui.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.PreparedRun;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.TrainingListener;
import dev.deepwire.training.backend.ThreadSettings;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.worker.RunLauncher;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a run gets under way: the settings and the data are checked (asking for a dataset, and for consent to data
 * outside the project's folder), the graph is compiled and the data loaded off the UI thread, and the run is
 * launched where runs train, with what its observer wants captured.
 */
final class RunSetup {
    private final EditorViewModel editor;
    private final Executor background;
    private final Consumer<Runnable> uiThread;
    private final TrainingData data;
    private RunLauncher launcher;
    private double observationBudget;
    private BiFunction<CompiledNetwork, DatasetSplits, CaptureSpec> observer = (network, data) -> null;
    private Consumer<AttentionRecorder.Snapshot> captured = s -> { };
    private DataCheck dataCheck;
    private boolean datasetJustChosen;

    RunSetup(EditorViewModel editor, Executor background, Consumer<Runnable> uiThread, RunLauncher launcher,
             Supplier<Path> dataFolder) {
        this.editor = editor;
        this.background = background;
        this.uiThread = uiThread;
        this.launcher = launcher;
        this.data = new TrainingData(dataFolder);
    }

    void setLauncher(RunLauncher launcher) {
        this.launcher = launcher;
    }

    RunLauncher launcher() {
        return launcher;
    }

    void setObservationBudget(double share) {
        this.observationBudget = share;
    }

    TrainingData data() {
        return data;
    }

    void setRunObserver(BiFunction<CompiledNetwork, DatasetSplits, CaptureSpec> observer,
                        Consumer<AttentionRecorder.Snapshot> captured) {
        this.observer = observer;
        this.captured = captured;
    }

    /**
     * Whether the project can train with {@code settings}: they are valid, it has a dataset (the chooser is asked
     * for one if not) and its data may be read. The settings become the project's (what trains is what Save
     * writes); {@code say} is told why not, or what is asked.
     */
    boolean check(TrainingSettings settings, Consumer<String> say) {
        datasetJustChosen = false;
        List<String> problems = settings.validate();
        if (!problems.isEmpty()) {
            say.accept(problems.get(0));
            return false;
        }
        editor.setTraining(settings); // an undoable change when new
        if (editor.project().dataset() == null) {
            // Nothing to train on yet: ask (Edit ▸ Dataset Settings), then go on if data was chosen.
            say.accept("Choose what " + dev.deepwire.limits.ShownName.line(editor.project().name()) + " trains on (Edit \u25b8 Dataset Settings\u2026)");
            data.choose();
            if (editor.project().dataset() == null) {
                return false;
            }
            datasetJustChosen = true;
        }
        String refused = data.refusal(editor.project().dataset(), data.folder().get());
        if (refused != null) {
            say.accept("Not started: " + refused);
            return false;
        }
        return true;
    }

    /** Whether the last {@link #check} asked for the dataset: it has not been checked against the graph yet. */
    boolean datasetJustChosen() {
        return datasetJustChosen;
    }

    /**
     * Checks {@code dataset} against {@code graph} in the background as the editor's data check does (classes,
     * vocabulary, length, input kinds); back on the UI thread, {@code done} gets what it found.
     */
    void checkData(Graph graph, DatasetSpec dataset, TrainingSettings settings, Consumer<DataCheck.Result> done) {
        if (dataCheck == null) {
            dataCheck = new DataCheck(editor.catalog());
        }
        DataCheck check = dataCheck;
        Path folder = data.folder().get();
        boolean outsideAllowed = data.readableWithoutAsking(dataset, folder);
        background.execute(() -> {
            DataCheck.Result result;
            try {
                result = check.check(graph, dataset, settings, folder, outsideAllowed);
            } catch (RuntimeException | LinkageError e) {
                result = new DataCheck.Result(List.of(Issue.error(null,
                        "the data could not be checked against the graph: " + e.getMessage())), List.of());
            }
            DataCheck.Result found = result;
            uiThread.accept(() -> done.accept(found));
        });
    }

    private boolean checkingData;

    /** Whether a just-chosen dataset is being checked against the graph (Train waits for it). */
    boolean checkingData() {
        return checkingData;
    }

    /**
     * The dataset was just chosen: it is checked against the graph first, and {@code start} runs only when nothing is
     * wrong; otherwise the block's badge and quick fix show the mismatch and {@code say} is told what to fix.
     */
    void checkDataThenStart(TrainingSettings settings, Consumer<String> say, Runnable start) {
        checkingData = true;
        long revision = editor.revisionProperty().get();
        say.accept("Checking the " + editor.project().dataset().kind() + " data against the graph\u2026");
        checkData(editor.graph().copy(), editor.project().dataset(), settings, result -> {
            checkingData = false;
            if (result.firstError().isPresent()) {
                say.accept(notStarted(result));
            } else if (editor.revisionProperty().get() == revision) {
                start.run();
            } else {
                say.accept("The graph changed while its data was checked: press Train again");
            }
        });
    }

    /** What the editor's data check found for the graph as it is now, when it found an error (empty otherwise). */
    /**
     * Whether a start must wait or is refused before compiling: settings invalid or data being checked (false), a
     * dataset just chosen (checked first, then {@code start} runs again: true), data known not to fit (false, said).
     * Empty: go ahead.
     */
    Optional<Boolean> screen(TrainingSettings settings, Consumer<String> say, Runnable start) {
        if (checkingData() || !check(settings, say)) {
            return Optional.of(false);
        }
        if (datasetJustChosen()) {
            checkDataThenStart(settings, say, start);
            return Optional.of(true);
        }
        var mismatch = knownMismatch();
        if (mismatch.isPresent()) {
            say.accept(notStarted(mismatch.get())); // the data was checked against this graph and does not fit
            return Optional.of(false);
        }
        return Optional.empty();
    }

    Optional<DataCheck.Result> knownMismatch() {
        var known = editor.analysisProperty().get();
        if (!known.complete() || known.revision() != editor.revisionProperty().get()) {
            return Optional.empty();
        }
        var found = new DataCheck.Result(known.issues(), List.copyOf(editor.fixes()));
        return found.firstError().isPresent() ? Optional.of(found) : Optional.empty();
    }

    /**
     * Train does not start on {@code found}: the first problem's block is selected (its badge and quick fix show) and
     * the status bar says what to fix; returns that line for the dock.
     */
    String notStarted(DataCheck.Result found) {
        var error = found.firstError().orElseThrow();
        String todo = "Not started: " + found.whatToDo(error, editor.graph());
        editor.messageProperty().set(todo);
        if (error.nodeId() != null && editor.graph().contains(error.nodeId())) {
            editor.select(error.nodeId(), false);
        }
        return todo;
    }

    /**
     * Compiles {@code graph} and loads {@code dataset} in the background; back on the UI thread, {@code failed} gets
     * the problem and the block it lies in (or null), or {@code ready} the prepared run.
     */
    void prepare(Graph graph, DatasetSpec dataset, TrainingSettings settings, BiConsumer<String, String> failed,
                 Consumer<PreparedRun> ready) {
        background.execute(() -> {
            PreparedRun prepared = PreparedRun.of(editor.catalog(), graph, dataset, settings, data.folder().get());
            if (!prepared.ok()) {
                // a data problem named as Dataset Settings names its controls ("untick Header")
                uiThread.accept(() -> failed.accept(DatasetWords.labelled(prepared.problem()), prepared.nodeId()));
                return;
            }
            uiThread.accept(() -> ready.accept(prepared));
        });
    }

    /** Sets the training threads for the network's size (before the run's clock starts). */
    void tuneThreads(CompiledNetwork network) {
        ThreadSettings.applyRecommended(network.totalParams());
    }

    /** Starts the run where runs train, with what the observer wants captured; its events go to {@code events}. */
    RunControl launch(Project project, CompiledNetwork network, DatasetSplits data, TrainingSettings settings, Path runDir,
                      TrainingListener events) {
        CaptureSpec capture = observer.apply(network, data);
        if (capture != null) {
            capture = capture.withBudget(observationBudget);
        }
        return launcher.start(new RunLauncher.Launch(project, this.data.folder().get(), network, data, settings,
                new RunOptions(0, runDir, project.name(), 25).withHealthBudget(observationBudget), capture, captured), events);
    }
}
