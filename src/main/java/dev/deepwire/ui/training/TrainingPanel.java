package dev.deepwire.ui.training;


import static dev.deepwire.ui.training.DockControls.button;
import static dev.deepwire.ui.training.DockControls.label;
import static dev.deepwire.ui.training.DockControls.lines;

import dev.deepwire.training.RunState;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.ui.editor.Words;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The training dock: the run's settings (validated as typed), Start / Pause / Resume / Stop with the state
 * always visible, a progress bar with epoch, step, ETA and samples/s, and live loss and accuracy charts.
 * Queued training events are applied once per frame.
 */
public final class TrainingPanel extends HBox {
    private final TrainingViewModel vm;
    private final Label problem = new Label();
    private final SettingsForm form;
    private final MetricsChart loss = new MetricsChart("Loss", "loss", "training", "validation", "training (smoothed)",
            "previous run");
    private final MetricsChart accuracy = new MetricsChart("Validation accuracy", "accuracy", "validation", "previous run");
    private Label testLabel;
    private final MetricsChart lrChart = new MetricsChart("Learning rate", "learning rate", "learning rate");
    private final Slider smoothing = new Slider(0, 0.98, 0.8);
    private final ComboBox<String> xUnit = new ComboBox<>();

    public TrainingPanel(TrainingViewModel vm, TrainingSettings initial) {
        this.vm = vm;
        getStyleClass().add("training-panel");
        setSpacing(10);
        setPadding(new Insets(8));
        form = new SettingsForm(vm, problem::setText, initial);
        Button start = button("Train", "train-start", () -> form.settings().ifPresent(vm::start));
        Button pause = button("Pause", "train-pause", vm::pause);
        Button resume = button("Resume", "train-resume", vm::resume);
        Button stop = button("Stop", "train-stop", vm::stop);
        vm.phaseProperty().addListener((o, a, p) -> {
            // Pause and Resume hand the keyboard to each other (Space pauses, Space resumes). Any other button greyed
            // out while focused (Train, Stop) hands it to the canvas (the window's FocusHome): to its counterpart,
            // the next Space would start a new run or stop this one.
            Button next = p == RunState.PAUSED ? resume : p == RunState.RUNNING ? pause : null;
            Button focused = List.of(pause, resume).stream().filter(Button::isFocused).findFirst().orElse(null);
            stop.setDisable(!p.busy());
            start.setDisable(p.busy());
            pause.setDisable(p != RunState.RUNNING);
            resume.setDisable(p != RunState.PAUSED);
            if (focused != null && focused.isDisabled() && next != null && !next.isDisabled()) {
                next.requestFocus();
            }
            form.setDisable(p.busy());
        });
        pause.setDisable(true);
        resume.setDisable(true);
        stop.setDisable(true);
        Label phase = new Label();
        phase.setId("train-phase");
        phase.getStyleClass().add("train-phase");
        phase.textProperty().bind(Bindings.createStringBinding(
                () -> RunMessages.phase(vm.phaseProperty().get()), vm.phaseProperty()));
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label progress = new Label();
        progress.textProperty().bind(vm.measured().progressTextProperty());
        progress.getStyleClass().add("muted");
        lines(progress, 2);
        progress.setId("train-progress");
        // one slot of two lines, always there, for the run's progress or — while a setting typed is refused, or a run
        // failed — the red line in its place (at 1024 x 700 both had left the settings 7 px, the field named out of
        // view). The progress line had taken its room only once it had something to say: the first run's start moved
        // the settings down under the pointer.
        var progressShown = progress.textProperty().isNotEmpty().and(problem.textProperty().isEmpty());
        progress.visibleProperty().bind(progressShown);
        Label status = new Label();
        status.setId("train-status");
        status.textProperty().bind(Bindings.createStringBinding(
                () -> Words.named(vm.statusProperty().get(), vm.editor().graph()), vm.statusProperty()));
        lines(status, 2);
        Label test = new Label();
        test.setId("train-test-report");
        test.textProperty().bind(vm.testReportProperty());
        lines(test, 3);
        testLabel = test;
        problem.getStyleClass().add("issue-error");
        lines(problem, 2);
        // with the run's status, above the scrolled settings: a refused setting is said where it is seen (below the
        // settings it was out of view at 1024 x 700), in the progress line's slot
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        CheckBox log = new CheckBox("log");
        log.setMinWidth(Region.USE_PREF_SIZE);
        log.setOnAction(e -> loss.setLog(log.isSelected()));
        smoothing.setId("train-smoothing");
        smoothing.setPrefWidth(110);
        smoothing.valueProperty().addListener((o, a, b) -> rebuildCharts());
        xUnit.getItems().setAll("steps", "epochs");
        xUnit.setValue("steps");
        xUnit.setId("train-x-unit");
        xUnit.setOnAction(e -> rebuildCharts());
        Button csv = button("Export CSV…", "train-export-csv",
                () -> DockControls.exportCsv(getScene().getWindow(), vm.history().toCsv(), vm.projectFile(),
                        problem::setText));
        Button runs = button("Runs…", "train-runs", this::showRuns);
        loss.dashed(3);
        accuracy.dashed(1);
        accuracy.fractions();
        showQuality();
        vm.measured().rankedProperty().addListener((o, a, b) -> {
            showQuality();
            rebuildCharts();
        });
        HBox chartOptions = new HBox(8, log, label("smoothing"), smoothing, label("x"), xUnit);
        chartOptions.setAlignment(Pos.CENTER_LEFT);
        // The run controls, progress and status sit fixed at the top of the dock, each with a fixed height; only
        // the results, settings and chart options below them scroll. Starting, filling or ending a run never moves
        // Stop, and a dock too short to show everything still shows the buttons.
        HBox runRow = new HBox(6, start, pause, resume, stop, phase);
        // ← → there step or select on the canvas; they never carry the keyboard from Resume onto Stop
        dev.deepwire.ui.controls.FocusHome.arrowsGoHome(runRow);
        runRow.setAlignment(Pos.CENTER_LEFT);
        for (Button b : List.of(start, pause, resume, stop)) {
            b.setMinHeight(Region.USE_PREF_SIZE);
            b.setMaxHeight(Region.USE_PREF_SIZE);
        }
        bar.setMinHeight(Region.USE_PREF_SIZE);
        bar.setMaxHeight(Region.USE_PREF_SIZE);
        HBox barRow = new HBox(6, bar, runs, csv);
        barRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bar, Priority.ALWAYS);
        StackPane progressOrProblem = new StackPane(progress, problem);
        progressOrProblem.setAlignment(Pos.TOP_LEFT);
        VBox run = new VBox(6, runRow, barRow, progressOrProblem, status,
                RunFolderRow.of(vm, vm.editor().messageProperty())); // where the run ended up, once it has
        for (Region r : List.of(runRow, barRow, runs, csv, progressOrProblem, run)) {
            r.setMinHeight(Region.USE_PREF_SIZE);
            r.setMaxHeight(Region.USE_PREF_SIZE);
        }
        VBox more = new VBox(6, form, testLabel, chartOptions);
        more.setPadding(new Insets(0, 4, 0, 0));
        ScrollPane scroll = new ScrollPane(more);
        scroll.setId("train-settings-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinHeight(0);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> DockControls.scrollOneRow(scroll, more, e));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox controls = new VBox(6, run, scroll);
        // the settings' two columns of fields whole ("0.0005"), beside three charts at 1024 px: 410 px wide, at least
        // 390, in the window's text size (workbench.css .dock-controls), so the fields stay whole when presenting
        controls.getStyleClass().add("dock-controls");
        HBox.setHgrow(loss.viewer(), Priority.ALWAYS);
        HBox.setHgrow(accuracy.viewer(), Priority.ALWAYS);
        lrChart.includeZero();
        lrChart.viewer().setPrefWidth(260);
        lrChart.viewer().setMinWidth(200);
        HBox charts = new HBox(10, loss.viewer(), accuracy.viewer(), lrChart.viewer());
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox chartColumn = new VBox(2, charts, lossNote());
        HBox.setHgrow(chartColumn, Priority.ALWAYS);
        getChildren().addAll(controls, chartColumn);
        new AnimationTimer() {
            private long lastDraw;

            private long lastChart;

            @Override
            public void handle(long now) {
                // Progress and status update four times a second, the charts once: enough to watch, and the UI
                // thread (drawing in software on a small machine) and the JIT compiling its code leave the training
                // thread its core. Three charts redrawn on every frame had cost a fifth of the training speed on
                // two cores; at 10 and 2 updates a second the workbench trained at 89 % of the command line's speed.
                if (now - lastDraw < 250_000_000L) {
                    return;
                }
                lastDraw = now;
                chartsDirty |= vm.drain() > 0;
                if (chartsDirty && now - lastChart >= 1_000_000_000L) {
                    refreshCharts();
                    lastChart = now;
                    chartsDirty = false;
                }
            }
        }.start();
        vm.measured().pointsAddedProperty().addListener((o, a, b) -> {
            if (vm.phaseProperty().get() == RunState.RUNNING) {
                chartsDirty = true; // drawn by the timer above
            } else {
                refreshCharts(); // a finished run, a comparison: draw now
            }
        });
    }

    /**
     * One line under the charts, from the loss chart's edge: why a 1-N knowledge-graph run's validation loss stays flat
     * beside its falling training loss (the view model's {@link LossNote}; the whole explanation on its tooltip). It
     * takes room only while there is something to say.
     */
    private Label lossNote() {
        Label note = new Label();
        note.setId("train-loss-note");
        note.getStyleClass().add("muted");
        note.setStyle("-fx-font-size: 0.923em;"); // a caption, as the charts' legends: whole at 1024 px (at 13 px, cut)
        note.textProperty().bind(vm.measured().lossNote().lineProperty());
        note.setMinWidth(0);
        note.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip();
        why.textProperty().bind(vm.measured().lossNote().detailProperty());
        why.setWrapText(true);
        why.setMaxWidth(520);
        note.setTooltip(why);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        return note;
    }

    private boolean chartsDirty;
    private final MetricsHistory.Smoother smoother = new MetricsHistory.Smoother();

    private void refreshCharts() {
        // Appends only what is new (a chart with nothing new is not redrawn), the smoothed loss included (extended
        // point by point); epochs on the x axis rescale every point, so those rebuild.
        if ("epochs".equals(xUnit.getValue())) {
            rebuildCharts();
            return;
        }
        MetricsHistory h = vm.history();
        double a = smoothing.getValue();
        if (a > 0) {
            loss.update(List.of(h.trainLoss(), h.validationLoss(), smoother.of(h.trainLoss(), a), h.previousTrainLoss()));
        } else {
            loss.update(List.of(h.trainLoss(), h.validationLoss(), List.of(), h.previousTrainLoss()));
        }
        accuracy.update(quality(h));
        lrChart.update(List.of(h.learningRate()));
        namePrevious(h);
    }

    private void namePrevious(MetricsHistory h) {
        loss.rename(3, h.previousName());
        accuracy.rename(1, h.previousName());
    }

    private void rebuildCharts() {
        MetricsHistory h = vm.history();
        double per = "epochs".equals(xUnit.getValue()) ? h.stepsPerEpoch() : 1;
        loss.setDomainLabel("epochs".equals(xUnit.getValue()) ? "epoch" : "step");
        accuracy.setDomainLabel("epochs".equals(xUnit.getValue()) ? "epoch" : "step");
        double a = smoothing.getValue();
        loss.replace(List.of(x(h.trainLoss(), per), x(h.validationLoss(), per),
                a > 0 ? x(smoother.of(h.trainLoss(), a), per) : List.of(), x(h.previousTrainLoss(), per)));
        accuracy.replace(quality(h).stream().map(points -> x(points, per)).toList());
        lrChart.setDomainLabel("epochs".equals(xUnit.getValue()) ? "epoch" : "step");
        lrChart.replace(List.of(x(h.learningRate(), per)));
        namePrevious(h);
    }

    /**
     * The second chart's figure: validation accuracy, or the validation filtered MRR for a run that selects on it (a
     * 1-N model's accuracy, hits@1 over every entity, stayed at 0 and was drawn on a ±5E-10 axis while MRR rose).
     */
    private void showQuality() {
        boolean mrr = vm.measured().rankedProperty().get();
        accuracy.retitle(mrr ? "Validation MRR" : "Validation accuracy", mrr ? "filtered MRR" : "accuracy");
    }

    private List<List<MetricsHistory.Point>> quality(MetricsHistory h) {
        return vm.measured().rankedProperty().get() ? List.of(h.validationMrr(), h.previousValidationMrr())
                : List.of(h.validationAccuracy(), h.previousValidationAccuracy());
    }

    /** The second chart (validation accuracy or MRR), for tests. */
    MetricsChart qualityChart() {
        return accuracy;
    }

    private static List<MetricsHistory.Point> x(List<MetricsHistory.Point> points, double per) {
        return per == 1 ? points : points.stream().map(p -> new MetricsHistory.Point(p.step() / per, p.value())).toList();
    }

    private Consumer<Path> onInspectModel = p -> { };

    /** What "Inspect best model" in the Runs dialog does with a run's saved model. */
    public void setOnInspectModel(Consumer<Path> action) {
        onInspectModel = action;
    }

    /** The kept runs of this project: compare one with the current curves, inspect, export or delete it. */
    private void showRuns() {
        new RunsDialog(vm, getScene().getWindow(), problem::setText, onInspectModel, this::rebuildCharts).showAndWait();
    }


    /** Shows another project's settings (when a different project is opened in the window). */
    public void showSettings(TrainingSettings s) {
        form.show(s);
    }

    /**
     * Puts valid typed settings into the project as one undoable change; Save and closing call it, so a value typed but
     * not yet left is never lost. Returns what was typed that the project cannot keep, or "".
     */
    public String commit() {
        return form.commit();
    }

    /** The settings typed in, or empty (with the problem shown) when one is not a valid value. */
    java.util.Optional<TrainingSettings> settings() {
        return form.settings();
    }

    /** Marks a training step on the loss and accuracy charts (kept in step with the attention inspector). */
    public void markStep(long step) {
        double per = "epochs".equals(xUnit.getValue()) ? Math.max(1, vm.history().stepsPerEpoch()) : 1;
        loss.mark(step < 0 ? Double.NaN : step / per);
        accuracy.mark(step < 0 ? Double.NaN : step / per);
    }

    /** Where the loss chart's step marker is (for tests). */
    public double lossMarker() {
        return loss.markedAt();
    }
}
