package dev.deepwire.ui.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.CaptureSpec;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.PreparedRun;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.backend.ThreadSettings;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.worker.InProcessLauncher;
import dev.deepwire.worker.RunLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Training from the workbench, without any view: validates the settings, compiles and loads data off
 * the UI thread, runs the trainer on its own thread, and turns its events into progress and curves.
 * Events are queued by the training thread and applied by {@link #drain()} once per frame, so a fast
 * run never floods the UI thread. While a run is going, the graph is read-only.
 */
public final class TrainingViewModel {
    /** Where the workbench's training is. */
    public enum Phase {
        IDLE, COMPILING, RUNNING, PAUSED, FINISHED, STOPPED, FAILED;

        public boolean busy() {
            return this == COMPILING || this == RUNNING || this == PAUSED;
        }
    }

    private final EditorViewModel editor;
    private final Executor background;
    private final Executor trainer;
    private final Consumer<Runnable> uiThread;
    private final Supplier<Path> runsFolder;
    private final Queue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final StringProperty status = new SimpleStringProperty("Ready to train");
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty backend = new SimpleStringProperty("");
    private final StringProperty culprit = new SimpleStringProperty();
    private final javafx.collections.ObservableMap<String, dev.deepwire.training.NodeHealth> health =
            javafx.collections.FXCollections.observableHashMap();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final LongProperty pointsAdded = new SimpleLongProperty();
    private final MetricsHistory history = new MetricsHistory();
    private RunControl run;
    private RunLauncher launcher;
    private TrainingSettings runSettings;
    private Path runDir;
    private RunRecorder recorder;
    private Supplier<Path> projectFile = () -> null;
    private long started;
    private int stepsPerEpoch;

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
        this.trainer = trainer;
        this.uiThread = uiThread;
        this.runsFolder = runsFolder;
        this.dataFolder = () -> runsFolder.get().getParent();
        this.launcher = new InProcessLauncher(trainer);
        editor.projectProperty().addListener((o, was, now) -> showProject());
        status.set("Ready to train " + editor.project().name());
    }

    private Runnable chooseDataset = () -> { };

    /** What Train does when the project has no dataset yet (the window opens the Dataset Settings dialog). */
    public void setDatasetChooser(Runnable choose) {
        this.chooseDataset = choose;
    }

    /** The file of the project in the window (null while it is not saved): its runs are the ones listed. */
    public void setProjectFile(Supplier<Path> file) {
        this.projectFile = file;
    }

    /**
     * Another project is in the window (opened, new, a sample): the dock shows none of the last one's run — no
     * curves, previous-run overlay, result lines, health or model.
     */
    private void showProject() {
        if (phase.get().busy()) {
            return; // the window refuses to replace the project while a run is going
        }
        history.clearAll();
        health.clear();
        testReport.set("");
        progress.set(0);
        progressText.set("");
        run = null;
        runDir = null;
        recorder = null;
        lastNetwork = null;
        lastData = null;
        phase.set(Phase.IDLE);
        status.set("Ready to train " + editor.project().name());
        pointsAdded.set(pointsAdded.get() + 1);
    }

    /** Where runs train (on the trainer thread handed in, unless set: the workbench uses a training process). */
    public void setLauncher(RunLauncher launcher) {
        this.launcher = launcher;
    }

    public RunLauncher launcher() {
        return launcher;
    }

    private double observationBudget;

    /**
     * The share of a run's training time that its health measurements, and separately its attention captures, may
     * take, spacing them out beyond every 25 and 20 steps where they would take more (0, unless set: fixed steps).
     */
    public void setObservationBudget(double share) {
        this.observationBudget = share;
    }

    private Supplier<Path> dataFolder;

    public Supplier<Path> dataFolder() {
        return dataFolder;
    }

    /** Where relative dataset paths start: the project's folder, or an opened sample's folder. */
    public void setDataFolder(Supplier<Path> dataFolder) {
        this.dataFolder = dataFolder;
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Each block's latest health measurement during (and after) a run, by node id. */
    public javafx.collections.ObservableMap<String, dev.deepwire.training.NodeHealth> health() {
        return health;
    }

    /** The block a compile error or a diverging run was traced to (the view scrolls to it). */
    public StringProperty culpritProperty() {
        return culprit;
    }

    /** The backend the last run reported (instruction set and threads), for the status bar. */
    public StringProperty backendProperty() {
        return backend;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Increases whenever {@link #drain()} added points to the history. */
    public LongProperty pointsAddedProperty() {
        return pointsAdded;
    }

    public MetricsHistory history() {
        return history;
    }

    /** The editor whose project this window trains (its settings are part of the project and its history). */
    public EditorViewModel editor() {
        return editor;
    }

    /** The folder of the current (or last) run, once it has started. */
    public Optional<Path> runDir() {
        return Optional.ofNullable(runDir);
    }

    private final DataConsent dataConsent = new DataConsent();

    /**
     * Who is asked when a project's dataset file lies outside its folder (an absolute path, {@code ..}, a link): told
     * why, it answers whether to read the file anyway. Without one, such data is refused with the reason.
     */
    public void setOutsideDataConfirmation(java.util.function.Predicate<String> confirm) {
        dataConsent.setConfirmation(confirm);
    }

    /** Checks the settings, then compiles the graph and loads the data in the background and starts training. */
    public boolean start(TrainingSettings settings) {
        if (phase.get().busy()) {
            return false;
        }
        List<String> problems = settings.validate();
        if (!problems.isEmpty()) {
            status.set(problems.get(0));
            return false;
        }
        editor.setTraining(settings); // what trains is what Save writes (an undoable change when new)
        if (editor.project().dataset() == null) {
            // Nothing to train on yet: ask (Edit ▸ Dataset Settings), then go on if data was chosen.
            status.set("Choose what " + editor.project().name() + " trains on (Edit \u25b8 Dataset Settings\u2026)");
            chooseDataset.run();
            if (editor.project().dataset() == null) {
                return false;
            }
        }
        Project project = editor.project();
        var graph = editor.graph().copy();
        var dataset = project.dataset();
        String refused = dataConsent.refusal(dataset, dataFolder.get());
        if (refused != null) {
            status.set("Not started: " + refused);
            return false;
        }
        String name = project.name();
        Project trained = new Project(name, project.description(), graph, dataset, settings);
        phase.set(Phase.COMPILING);
        status.set("Compiling " + name + "…");
        editor.setLocked(true);
        background.execute(() -> {
            PreparedRun prepared = PreparedRun.of(editor.catalog(), graph, dataset, settings, dataFolder.get());
            if (!prepared.ok()) {
                uiThread.accept(() -> failBeforeStart(prepared.problem(), prepared.nodeId()));
                return;
            }
            uiThread.accept(() -> launch(trained, prepared.network(), prepared.data(), settings));
        });
        return true;
    }

    private void failBeforeStart(String message, String nodeId) {
        phase.set(Phase.FAILED);
        status.set(message);
        editor.setLocked(false);
        if (nodeId != null && editor.graph().contains(nodeId)) {
            editor.select(nodeId, false);
            culprit.set(null);
            culprit.set(nodeId);
        }
    }

    private void launch(Project project, CompiledNetwork network, DatasetSplits data, TrainingSettings settings) {
        String name = project.name();
        history.clear();
        health.clear();
        testReport.set("");
        lastNetwork = network;
        lastData = data;
        pointsAdded.set(pointsAdded.get() + 1);
        runSettings = settings;
        try {
            recorder = RunRecorder.create(runsFolder.get(), name, projectFile.get(), settings);
            runDir = recorder.dir();
        } catch (IOException e) {
            failBeforeStart("Cannot write a run folder in " + runsFolder.get() + ": " + e.getMessage(), null);
            return;
        }
        ThreadSettings.apply(ThreadSettings.recommended(network.totalParams()));
        started = System.nanoTime();
        phase.set(Phase.RUNNING);
        status.set("Training " + name);
        RunRecorder file = recorder;
        metricsFailure.set(null);
        CaptureSpec capture = observer.apply(network, data);
        if (capture != null) {
            capture = capture.withBudget(observationBudget);
        }
        run = launcher.start(new RunLauncher.Launch(project, dataFolder.get(), network, data, settings,
                new RunOptions(0, runDir, name, 25).withHealthBudget(observationBudget), capture, captured), event -> {
                    try {
                        file.onEvent(event); // off the UI thread: the file keeps up even if the UI is busy
                    } catch (java.io.UncheckedIOException e) {
                        metricsFailed(e.getMessage());
                    }
                    queue.add(event);
                });
    }

    private final java.util.concurrent.atomic.AtomicReference<String> metricsFailure =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** metrics.csv cannot be written (a full disk): the run is stopped, its model kept, and the reason shown at its end. */
    private void metricsFailed(String reason) {
        if (metricsFailure.compareAndSet(null, reason)) {
            RunControl current = run;
            if (current != null) {
                current.stop();
            }
        }
    }

    private java.util.function.BiFunction<CompiledNetwork, DatasetSplits, CaptureSpec> observer = (network, data) -> null;
    private java.util.function.Consumer<AttentionRecorder.Snapshot> captured = s -> { };

    /**
     * Something that watches each run (the attention inspector): told of the network as a run launches, it says
     * which attention maps to capture (or null), and receives each capture.
     */
    public void setRunObserver(java.util.function.BiFunction<CompiledNetwork, DatasetSplits, CaptureSpec> observer,
                               java.util.function.Consumer<AttentionRecorder.Snapshot> captured) {
        this.observer = observer;
        this.captured = captured;
    }

    /** The latest run's model while no step is being taken (paused, stopped, finished or failed). */
    public java.util.Optional<dev.deepwire.inspect.TrainedModel> restingModel() {
        return run == null || phase.get() == Phase.RUNNING || phase.get() == Phase.COMPILING
                ? java.util.Optional.empty() : dev.deepwire.inspect.TrainedModel.of(run);
    }

    public void pause() {
        if (run != null && phase.get() == Phase.RUNNING) {
            run.pause();
            status.set("Pausing after this step…");
        }
    }

    public void resume() {
        if (run != null && phase.get() == Phase.PAUSED) {
            run.resume();
        }
    }

    /** Ends the run after the current step; the model trained so far is kept and saved. */
    public void stop() {
        if (run != null && phase.get().busy()) {
            run.stop();
            status.set("Stopping after this step…");
        }
    }

    /** Applies the queued events (call once per frame); returns how many there were. */
    public int drain() {
        int n = 0;
        TrainingEvent e;
        boolean added = false;
        TrainingEvent.StepCompleted lastStep = null;
        while ((e = queue.poll()) != null) {
            n++;
            added |= apply(e);
            if (e instanceof TrainingEvent.StepCompleted s) {
                lastStep = s;
            }
        }
        if (lastStep != null) {
            showProgress(lastStep); // the bar and its text for the newest step only, not for each of them
        }
        if (added) {
            pointsAdded.set(pointsAdded.get() + 1);
        }
        return n;
    }

    private void showProgress(TrainingEvent.StepCompleted s) {
        long total = (long) stepsPerEpoch * runSettings.epochs();
        progress.set(total == 0 ? 0 : (double) s.step() / total);
        double elapsed = (System.nanoTime() - started) / 1e9;
        double eta = s.step() == 0 ? 0 : elapsed / s.step() * (total - s.step());
        progressText.set(RunMessages.progress(s, runSettings.epochs(), total, eta));
    }

    private boolean apply(TrainingEvent event) {
        if (event instanceof TrainingEvent.RunStarted s) {
            stepsPerEpoch = s.stepsPerEpoch();
            history.setStepsPerEpoch(stepsPerEpoch);
            backend.set(s.backend());
            status.set(RunMessages.started(s));
        } else if (event instanceof TrainingEvent.StepCompleted s) {
            history.trainLoss().add(new MetricsHistory.Point(s.step(), s.loss()));
            return true;
        } else if (event instanceof TrainingEvent.LearningRate lr) {
            history.learningRate().add(new MetricsHistory.Point(lr.step(), lr.value()));
            return true;
        } else if (event instanceof TrainingEvent.EpochCompleted ep) {
            history.validationLoss().add(new MetricsHistory.Point(ep.step(), ep.validationLoss()));
            history.validationAccuracy().add(new MetricsHistory.Point(ep.step(), ep.validationAccuracy()));
            status.set(RunMessages.epoch(ep));
            return true;
        } else if (event instanceof TrainingEvent.HealthMeasured h) {
            for (dev.deepwire.training.NodeHealth n : h.nodes()) {
                health.put(n.nodeId(), n);
            }
        } else if (event instanceof TrainingEvent.StateChanged c) {
            if (c.state() == dev.deepwire.training.RunState.PAUSED) {
                phase.set(Phase.PAUSED);
                status.set("Paused");
            } else if (c.state() == dev.deepwire.training.RunState.RUNNING && phase.get() == Phase.PAUSED) {
                phase.set(Phase.RUNNING);
                status.set("Training " + editor.project().name());
            }
        } else if (event instanceof TrainingEvent.RunFinished f) {
            recordRun("finished: " + f.reason(), f.steps(), f.validationAccuracy());
            reportTest();
            end(Phase.FINISHED, RunMessages.finished(f));
        } else if (event instanceof TrainingEvent.RunStopped s) {
            recordRun("stopped", s.steps(), s.validationAccuracy());
            end(Phase.STOPPED, RunMessages.stopped(s));
        } else if (event instanceof TrainingEvent.RunFailed f) {
            recordRun("failed: " + f.message(), f.step(), Double.NaN);
            end(Phase.FAILED, "Training failed: " + f.message());
            if (f.nodeId() != null && editor.graph().contains(f.nodeId())) {
                editor.select(f.nodeId(), false);
                culprit.set(null);
                culprit.set(f.nodeId());
                health.put(f.nodeId(), new dev.deepwire.training.NodeHealth(f.nodeId(), 0, Double.NaN, Double.NaN, 1, 0, 0));
            }
        }
        return false;
    }

    private final StringProperty testReport = new SimpleStringProperty("");
    private CompiledNetwork lastNetwork;
    private DatasetSplits lastData;

    /** The finished run's figures on the test split (ranking figures and neighbours for knowledge graphs). */
    public StringProperty testReportProperty() {
        return testReport;
    }

    /** Scores the finished model on the test split in the background (it can take seconds for ranking). */
    private void reportTest() {
        var model = run == null ? null : run.model();
        CompiledNetwork network = lastNetwork;
        DatasetSplits data = lastData;
        if (model == null || network == null || data == null || (data.test() == null && data.knowledgeGraph() == null)) {
            return;
        }
        testReport.set("Scoring the test split…");
        RunRecorder scored = recorder;
        RunRecorder.scoreTest(run, network, data, background, text -> uiThread.accept(() -> {
            if (recorder == scored) { // still this project's run
                testReport.set(text);
            }
        }));
    }

    private void recordRun(String outcome, long steps, double accuracy) {
        try {
            recorder.record(outcome, steps, accuracy);
        } catch (IOException e) {
            status.set("Could not record the run in " + runDir + ": " + e.getMessage());
        }
    }

    /** Loads a kept run's curves as the "previous run" the charts compare with. */
    public void compareWith(RunHistory.Run other) throws IOException {
        MetricsHistory h = RunHistory.curves(other);
        history.previousTrainLoss().clear();
        history.previousTrainLoss().addAll(h.trainLoss());
        history.previousValidationAccuracy().clear();
        history.previousValidationAccuracy().addAll(h.validationAccuracy());
        pointsAdded.set(pointsAdded.get() + 1);
        status.set("Comparing with " + other.dir().getFileName());
    }

    /** The runs of this project (by its file, or its name while unsaved) in its runs folder, newest first. */
    public List<RunHistory.Run> keptRuns() {
        String name = editor.project().name();
        Path file = projectFile.get();
        return RunHistory.list(runsFolder.get()).stream().filter(r -> RunHistory.belongsTo(r, name, file)).toList();
    }

    private void end(Phase result, String message) {
        editor.setLocked(false); // first: whoever sees the run ended can edit
        phase.set(result);
        Path dir = runDir;
        String failure = metricsFailure.get();
        status.set(message + (failure == null ? "" : " · stopped: " + failure)
                + (dir == null ? "" : " · run saved in " + dir));
        recorder.finish(run, background, problem -> uiThread.accept(() -> status.set(message + " · " + problem)));
    }
}
