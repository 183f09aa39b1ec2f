package dev.deepwire.ui.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.NodeHealth;
import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.worker.InProcessLauncher;
import dev.deepwire.worker.RunLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableMap;

/**
 * Training from the workbench, without any view: validates the settings, compiles and loads data off
 * the UI thread, runs the trainer on its own thread, and turns its events into progress and curves.
 * Events are queued by the training thread and applied by {@link #drain()} once per frame, so a fast
 * run never floods the UI thread. While a run is going, the graph is read-only.
 */
public final class TrainingViewModel {
    /** Where the workbench's training is. */
    private final EditorViewModel editor;
    private final Executor background;
    private final Consumer<Runnable> uiThread;
    private final Supplier<Path> runsFolder;
    private final RunSetup setup;
    private final RunProgress measured = new RunProgress();
    private final RunEvaluation evaluation;
    private final Queue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();
    private final ObjectProperty<RunState> phase = new SimpleObjectProperty<>(RunState.IDLE);
    private final StringProperty status = new SimpleStringProperty("Ready to train");
    /** The folder the last run was saved in, once it has ended (null before, and while the next one runs). */
    private final ObjectProperty<Path> savedRun = new SimpleObjectProperty<>();
    private final IdleLine idle;
    private final StringProperty culprit = new SimpleStringProperty();
    private final RunUnderWay current = new RunUnderWay();
    private Supplier<Path> projectFile = () -> null;
    private final WindowRuns windowRuns;

    /**
     * @param background  compiles and loads data ({@code Runnable::run} in tests)
     * @param trainer     the training thread
     * @param uiThread    how results get back to the UI thread
     * @param runsFolder  where run folders go (beside the project file, or in the user's home)
     */
    public TrainingViewModel(EditorViewModel editor, Executor background, Executor trainer, Consumer<Runnable> uiThread,
                             Supplier<Path> runsFolder) {
        this.editor = editor;
        this.background = background;
        this.uiThread = uiThread;
        this.runsFolder = runsFolder;
        this.windowRuns = new WindowRuns(runsFolder, () -> editor.project().name(), () -> projectFile.get());
        this.evaluation = new RunEvaluation(background, uiThread);
        this.setup = new RunSetup(editor, background, uiThread, new InProcessLauncher(trainer),
                () -> runsFolder.get().getParent());
        editor.projectProperty().addListener((o, was, now) -> showProject());
        measured.followSelection(editor.revisionProperty(), () -> editor.project().training().selectOn(),
                () -> phase.get().busy());
        idle = new IdleLine(editor, phase, status);
    }

    /** Whether a training setting typed in the dock cannot be used (the idle line says so instead of "Ready"). */
    public void settingRefused(boolean refused) {
        idle.settingRefused(refused);
    }

    /** The file of the project in the window (null while it is not saved): its runs are the ones listed. */
    public void setProjectFile(Supplier<Path> file) {
        this.projectFile = file;
    }

    /** The file of the project in the window, or null while it is not saved. */
    public Path projectFile() {
        return projectFile.get();
    }

    /**
     * Another project is in the window (opened, new, a sample): the dock shows none of the last one's run — no
     * curves, previous-run overlay, result lines, health or model.
     */
    private void showProject() {
        if (phase.get().busy()) {
            return; // the window refuses to replace the project while a run is going
        }
        measured.clearAll();
        measured.selectsOn(editor.project().training().selectOn());
        evaluation.begin(null, null, null);
        current.forget();
        savedRun.set(null);
        phase.set(RunState.IDLE);
        status.set(idle.ready());
        measured.pointsChanged();
    }

    /** Where runs train (on the trainer thread handed in, unless set: the workbench uses a training process). */
    public void setLauncher(RunLauncher launcher) {
        setup.setLauncher(launcher);
    }

    public RunLauncher launcher() {
        return setup.launcher();
    }

    /**
     * The share of a run's training time that its health measurements, and separately its attention captures, may
     * take, spacing them out beyond every 25 and 20 steps where they would take more (0, unless set: fixed steps).
     */
    public void setObservationBudget(double share) {
        setup.setObservationBudget(share);
    }

    /** Where the training's data is read from, and whether data outside the project's folder may be read. */
    public TrainingData data() {
        return setup.data();
    }

    public ObjectProperty<RunState> phaseProperty() {
        return phase;
    }

    /** The folder the last run was saved in, whole, once it has ended; null before and while the next one runs. */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> savedRunProperty() {
        return savedRun;
    }

    /** Where the last run was saved, as a person reads it: from the project's folder when it is in it, else whole. */
    public String savedRunShown() {
        return savedRun.get() == null ? "" : RunMessages.folder(savedRun.get(), projectFile());
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Each block's latest health measurement during (and after) a run, by node id. */
    public ObservableMap<String, NodeHealth> health() {
        return measured.health();
    }

    /** The block a compile error or a diverging run was traced to (the view scrolls to it). */
    public StringProperty culpritProperty() {
        return culprit;
    }

    /** The backend the last run reported (instruction set and threads), for the status bar. */
    public StringProperty backendProperty() {
        return measured.backendProperty();
    }

    public DoubleProperty progressProperty() {
        return measured.progressProperty();
    }

    /** What the run has measured as the dock shows it: progress, curves, the figure of the second chart, the loss note. */
    RunProgress measured() {
        return measured;
    }

    public MetricsHistory history() {
        return measured.history();
    }

    /** The editor whose project this window trains (its settings are part of the project and its history). */
    public EditorViewModel editor() {
        return editor;
    }

    /** Where run folders go (beside the project file, or in the user's home). */
    public Path runsFolder() {
        return runsFolder.get();
    }

    /** The folder of the current (or last) run, once it has started. */
    public Optional<Path> runDir() {
        return Optional.ofNullable(current.dir());
    }

    /** Checks the settings, then compiles the graph and loads the data in the background and starts training. */
    public boolean start(TrainingSettings settings) {
        if (phase.get().busy()) {
            return false;
        }
        Optional<Boolean> screened = setup.screen(settings, line -> {
            status.set(line);
            idle.screenedOut(); // the line stands until the next edit
        }, () -> start(settings));
        if (screened.isPresent()) {
            return screened.get(); // refused, or started once the new dataset has been checked
        }
        Project project = editor.project();
        var graph = editor.graph().copy();
        var dataset = project.dataset();
        String name = project.name();
        Project trained = new Project(name, project.description(), graph, dataset, settings);
        savedRun.set(null);
        phase.set(RunState.STARTING);
        current.starting();
        measured.noPlace();
        idle.starting();
        status.set("Compiling " + dev.deepwire.limits.ShownName.line(name) + "…");
        editor.setLocked(true);
        setup.prepare(graph, dataset, settings, this::failBeforeStart,
                prepared -> launch(trained, prepared.network(), prepared.data(), settings));
        return true;
    }

    private void failBeforeStart(String message, String nodeId) {
        phase.set(RunState.FAILED);
        status.set(message);
        idle.refused();
        measured.noPlace(); // not the last run's "epoch 4/20 · step 1,150" under a run that never began
        editor.setLocked(false);
        blame(nodeId);
    }

    /** Selects the block a failure was traced to and tells the view to scroll to it; false when there is none. */
    private boolean blame(String nodeId) {
        if (nodeId == null || !editor.graph().contains(nodeId)) {
            return false;
        }
        editor.select(nodeId, false);
        culprit.set(null);
        culprit.set(nodeId);
        return true;
    }

    private void launch(Project project, CompiledNetwork network, DatasetSplits data, TrainingSettings settings) {
        String name = project.name();
        measured.begin(settings.epochs());
        measured.selectsOn(settings.selectOn());
        measured.lossNote().begin(network, data, "mrr".equals(settings.selectOn()));
        evaluation.begin(network, data, project);
        measured.pointsChanged();
        try {
            current.recordedBy(RunRecorder.create(runsFolder.get(), name, this::projectFile, settings));
            windowRuns.started(current.dir());
        } catch (IOException e) {
            // "cannot write runs: …" said once, not after "Cannot write a run folder in runs"
            failBeforeStart("Cannot write a run folder in " + runsFolder.get() + ": "
                    + (e instanceof WriteFailure w && runsFolder.get().equals(w.target()) ? w.reason() : e.getMessage()), null);
            return;
        }
        setup.tuneThreads(network);
        measured.startClock();
        phase.set(RunState.RUNNING);
        status.set("Training " + name);
        RunRecorder recorder = current.recorder();
        try {
            // metrics.csv cannot be written (a full disk): the run is stopped, its model kept, the reason said at its end
            current.launched(setup.launch(project, network, data, settings, current.dir(),
                    recorder.recording(queue::add, reason -> current.stopNow())));
        } catch (RuntimeException e) {
            recorder.release(); // no run writes the folder: it is not held
            throw e;
        }
        RunMessages.whileTheProcessStarts(current.control(), "Training " + name, status, uiThread, current::control);
    }

    /**
     * Something that watches each run (the attention inspector): told of the network as a run launches, it says
     * which attention maps to capture (or null), and receives each capture.
     */
    public void setRunObserver(BiFunction<CompiledNetwork, DatasetSplits, CaptureSpec> observer,
                               Consumer<AttentionRecorder.Snapshot> captured) {
        setup.setRunObserver(observer, captured);
    }

    /** The latest run's model while no step is being taken (paused, stopped, finished or failed). */
    public Optional<TrainedModel> restingModel() {
        return current.resting(phase.get());
    }

    public void pause() {
        if (current.pause(phase.get())) {
            status.set("Pausing after this step…");
        }
    }

    public void resume() {
        current.resume(phase.get());
    }

    /** Ends the run after the current step; the model trained so far is kept and saved. */
    public void stop() {
        if (current.stop(phase.get())) {
            status.set("Stopping after this step…");
        }
    }

    /** Applies the queued events (call once per frame); returns how many there were. */
    public int drain() {
        return measured.drain(queue, this::apply);
    }

    /** Follows one event of the run; returns whether it added a point to the curves. */
    private boolean apply(TrainingEvent event) {
        boolean added = measured.apply(event);
        if (event instanceof TrainingEvent.RunStarted s) {
            status.set(RunMessages.started(s));
        } else if (event instanceof TrainingEvent.EpochCompleted ep) {
            status.set(RunMessages.epoch(ep));
        } else if (event instanceof TrainingEvent.SelectionMeasured m) {
            status.set(RunMessages.selection(m));
        } else if (event instanceof TrainingEvent.StateChanged c) {
            if (c.state() == RunState.PAUSED) {
                phase.set(RunState.PAUSED);
                status.set("Paused");
            } else if (c.state() == RunState.RUNNING && phase.get() == RunState.PAUSED && !current.stopAsked()) {
                phase.set(RunState.RUNNING);
                status.set("Training " + dev.deepwire.limits.ShownName.line(editor.project().name()));
            }
        } else if (event instanceof TrainingEvent.RunFinished f) {
            scored(true, "finished: " + f.reason(), f.steps(), f.validationAccuracy());
            end(RunState.FINISHED, RunMessages.finished(f));
        } else if (event instanceof TrainingEvent.RunStopped s) {
            scored(false, "stopped", s.steps(), s.validationAccuracy());
            end(RunState.STOPPED, RunMessages.stopped(s));
        } else if (event instanceof TrainingEvent.RunFailed f) {
            current.recorder().record(status::set, "failed: " + f.message(), f.step(), Double.NaN);
            end(RunState.FAILED, "Training failed: " + f.message());
            if (blame(f.nodeId())) {
                measured.markBroken(f.nodeId());
            }
        }
        return added;
    }

    /** Records the run's end and has its model scored on the test split, unless another run has begun meanwhile. */
    private void scored(boolean finished, String outcome, long steps, double accuracy) {
        RunRecorder scored = current.recorder();
        scored.record(status::set, outcome, steps, accuracy);
        evaluation.ended(current.control(), current.dir(), finished, () -> current.recorder() == scored);
    }

    /** The latest run's evaluation report (per-class figures, confusion matrix) and its model to slim. */
    public RunEvaluation evaluation() {
        return evaluation;
    }

    /** The finished run's figures on the test split (ranking figures and neighbours for knowledge graphs). */
    public StringProperty testReportProperty() {
        return evaluation.testReportProperty();
    }

    /** Shows a kept run's curves (read off the UI thread: {@link RunCompareModel#curvesOf(RunHistory.Run, Consumer,
     * Consumer)}) as the "previous run" the charts compare with. */
    public void compareWith(RunHistory.Run other, MetricsHistory curves) {
        // the dashed curves are named for it: they had gone on reading "previous run"
        measured.showPrevious(curves, RunHistory.shown(other.dir().getFileName().toString()));
        status.set("Comparing with " + other.dir().getFileName());
    }

    /** What the Runs… comparison reads, read on this model's background executor (files up to 32 MB each). */
    RunCompareModel runComparison() {
        return new RunCompareModel(background, uiThread);
    }

    /** Shows curves (a kept run's, read already) as the charts' "previous run". */
    public void showPrevious(MetricsHistory curves) {
        measured.showPrevious(curves, MetricsHistory.PREVIOUS);
    }

    /** This project's kept runs: listed, and where those of the files it was Saved As from stay. */
    public WindowRuns runs() {
        return windowRuns;
    }

    /** Saved as {@code file} from {@code before} (null: first saved): {@link WindowRuns#saved}; the runs left behind. */
    public String projectSaved(Path before, Path file) {
        setup.data().saved(before, file, editor.project().dataset());
        windowRuns.saved(before, file, status::set);
        return before == null || before.equals(file) ? "" : windowRuns.leftBehind();
    }

    private void end(RunState result, String message) {
        editor.setLocked(false); // first: whoever sees the run ended can edit
        phase.set(result);
        measured.ended(); // its last step stays shown, without a time left
        Path dir = current.dir();
        RunRecorder recorder = current.recorder();
        String failure = recorder.failure();
        // where it was saved is said on a line of its own ({@link #savedRunProperty}): at the end of this line, a
        // 1024-px dock and status bar had cut the folder's name, the one thing needed to find the run
        savedRun.set(dir == null ? null : dir.toAbsolutePath());
        status.set(message + (failure == null ? "" : " · stopped: " + failure));
        recorder.finish(current.control(), background, problem -> uiThread.accept(() -> status.set(message + " · " + problem)));
    }
}
