package dev.deepwire.ui.eval;

import dev.deepwire.data.Dataset;
import dev.deepwire.model.Project;
import dev.deepwire.training.eval.EvaluationReport;
import dev.deepwire.training.eval.EvaluationReport.ClassFigures;
import dev.deepwire.ui.training.RunEvaluation;
import dev.deepwire.ui.training.RunHistory;
import dev.deepwire.ui.training.TrainingViewModel;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * View ▸ Evaluate and Prune: the latest run's (or a kept run's, chosen at the top) evaluation report (per-class table, confusion matrix whose cells list
 * their examples, ROC/PR or residuals) and the pruning lab on its model. Work runs on the window's own thread.
 */
public final class EvaluationWindow {
    /** The window open beside each workbench window. */
    private static final Map<Window, EvaluationWindow> OPEN = new WeakHashMap<>();
    private final Stage stage = dev.deepwire.ui.controls.ProjectWindows.bind(new Stage());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "deepwire-evaluate");
        t.setDaemon(true);
        return t;
    });
    private ExamplesView examples;
    private ConfusionMatrixView matrix;
    /** A confusion matrix is a grid of n² cells: beyond this many classes it is not drawn. */
    static final int MAX_SHOWN_CLASSES = 60;
    private PruningLabView lab;
    private KeptRunChooser chooser;
    /** Whether the window shows the latest run of its workbench window (not a kept run chosen above). */
    private boolean showingLatest = true;
    /** What was set in the pruning lab, kept while the workbench window is open. */
    private PruningChoices choices = new PruningChoices();

    /**
     * Opens an example chosen in the window elsewhere (the attention inspector, step mode): the model, the split the
     * example is in — what accuracies there are measured on (on the example alone they read 100 % or 0 %) — and its
     * index there (what it is called: "validation example 1868"). {@code source} is the run on show: its model and its
     * folder (a model saved from it in the inspector records that run's settings and steps).
     */
    @FunctionalInterface
    public interface OpenExample {
        void open(RunEvaluation.Source source, Dataset split, int index);
    }

    private EvaluationWindow() {
    }

    /**
     * Opens the window on the latest run of {@code training}; {@code inspect} opens examples (the chosen one, repeated
     * so the inspector shows it whichever of its probe examples it picks) in the attention inspector, and
     * {@code stepThrough} in the step-through (either null: not offered).
     */
    public static EvaluationWindow show(Window owner, TrainingViewModel training, OpenExample inspect,
                                        OpenExample stepThrough) {
        EvaluationWindow earlier = OPEN.remove(owner);
        if (earlier != null) {
            earlier.stage.close(); // one window per workbench window, opened again on the latest run
        }
        EvaluationWindow w = new EvaluationWindow();
        if (owner != null) {
            OPEN.put(owner, w);
        }
        w.stage.initOwner(owner);
        w.choices = PruningChoices.of(owner);
        w.stage.setTitle("Evaluate and Prune");
        RunEvaluation evaluation = training.evaluation();
        BorderPane root = new BorderPane();
        root.setPadding(new Insets(8));
        var source = evaluation.source();
        EvaluationReport report = evaluation.reportProperty().get();
        w.chooser = new KeptRunChooser(training, source.isPresent());
        root.setTop(w.chooser);
        if (source.isEmpty()) {
            // A run going (or paused) has not ended: "no run has ended in this window yet" read as wrong after an
            // earlier run of the same window had ended.
            String going = training.phaseProperty().get().busy() ? "The run in this window has not ended (a paused run "
                    + "neither): its model is evaluated here when it ends" : null;
            Label none = new Label(w.chooser.noRunYet(going));
            w.chooser.onRead(() -> none.setText(w.chooser.noRunYet(going))); // the kept runs are read in the background
            none.setId("eval-none");
            none.setWrapText(true);
            root.setCenter(none);
        } else {
            root.setCenter(w.tabs(report, source.get(), inspect, stepThrough));
        }
        // A run that ends while the window is open (or a report that arrives after it opened): the Run list offers
        // it, and it is shown unless a kept run is on show.
        javafx.beans.value.ChangeListener<EvaluationReport> onReport = (o, was, now) -> {
            var latest = evaluation.source();
            if (now == null || w.closed.get() || latest.isEmpty()) {
                return;
            }
            w.chooser.refresh(true);
            if (w.showingLatest) {
                root.setCenter(w.tabs(now, latest.get(), inspect, stepThrough));
            }
        };
        evaluation.reportProperty().addListener(onReport);
        w.stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> evaluation.reportProperty().removeListener(onReport));
        w.chooser.onEvaluate(run -> {
            if (run == null) { // the latest run of this window, as it opened
                w.stage.close();
                show(owner, training, inspect, stepThrough);
                return;
            }
            w.evaluateKept(root, run, training, inspect, stepThrough);
        });
        Scene scene = dev.deepwire.ui.controls.WindowSizes.scene(root, 1100, 760);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Button close = new Button("Close");
        close.setCancelButton(true); // Esc closes, as in the workbench's other windows
        close.setOnAction(e -> w.stage.close());
        HBox bar = new HBox(close);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(8, 0, 0, 0));
        root.setBottom(bar);
        w.stage.setScene(scene);
        w.stage.setOnHidden(e -> {
            w.closed.set(true);
            w.chooser.stop();
            w.work.shutdownNow();
            OPEN.remove(owner, w);
        });
        w.stage.show();
        return w;
    }

    /**
     * Evaluates a kept run in the background — on a copy of the project as it is now, so edits meanwhile do not reach
     * the work — and shows its report and pruning lab, or why it cannot be evaluated.
     */
    private void evaluateKept(BorderPane root, RunHistory.Run run, TrainingViewModel training,
                              OpenExample inspect, OpenExample stepThrough) {
        showingLatest = false;
        Label loading = new Label("Evaluating " + run.dir().getFileName() + "…");
        loading.setId("eval-loading");
        root.setCenter(loading);
        Project now = training.editor().project();
        Project project = new Project(now.name(), now.description(), now.graph().copy(), now.dataset(), now.training());
        var folder = training.data().folder().get();
        var catalog = training.editor().catalog();
        String refusal = training.data().refusal(project.dataset(), folder); // the window's one consent, as Train asks it
        if (refusal != null) {
            Label refused = new Label("Not evaluated: " + refusal);
            refused.setId("eval-problem");
            refused.setWrapText(true);
            root.setCenter(refused);
            return;
        }
        work.execute(() -> {
            RunEvaluation.Kept kept = null;
            String problem = null;
            try {
                kept = RunEvaluation.evaluateKept(run, project, folder, catalog);
            } catch (IOException | RuntimeException e) {
                problem = "Cannot evaluate " + run.dir().getFileName() + ": " + e.getMessage();
            }
            RunEvaluation.Kept done = kept;
            String why = problem;
            Platform.runLater(() -> {
                if (closed.get()) {
                    return;
                }
                if (done == null) {
                    Label refused = new Label(why);
                    refused.setId("eval-problem");
                    refused.setWrapText(true);
                    root.setCenter(refused);
                    return;
                }
                TabPane tabs = tabs(done.report(), done.source(), inspect, stepThrough);
                if (!done.keptGraph()) {
                    root.setCenter(tabs);
                    return;
                }
                Label note = new Label("Evaluated with the graph this run trained, kept in its folder: the graph in the "
                        + "window has changed since the run.");
                note.setId("eval-kept-graph");
                note.setWrapText(true);
                VBox.setVgrow(tabs, Priority.ALWAYS);
                root.setCenter(new VBox(6, note, tabs));
            });
        });
    }

    /** A run's evaluation tab (its report, or that it is being evaluated while null) beside a pruning lab on its model. */
    private TabPane tabs(EvaluationReport report, RunEvaluation.Source source, OpenExample inspect,
                         OpenExample stepThrough) {
        Tab results = new Tab("Evaluation");
        results.setClosable(false);
        results.setContent(report == null ? new Label("Evaluating the run…") : evaluation(report, source, inspect, stepThrough));
        Tab pruning = new Tab("Pruning lab");
        pruning.setClosable(false);
        lab = new PruningLabView(source, work, closed, choices);
        pruning.setContent(lab);
        TabPane tabs = new TabPane(results, pruning);
        tabs.setId("eval-tabs");
        if (choices.labShown) { // a run ending (or the window opened again) had put the Evaluation tab back on show
            tabs.getSelectionModel().select(pruning);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> choices.labShown = now == pruning);
        return tabs;
    }

    private SplitPane evaluation(EvaluationReport report, RunEvaluation.Source source,
                                 OpenExample inspect, OpenExample stepThrough) {
        Dataset data = source.evaluated();
        Label summary = new Label(EvaluationFigures.summary(report));
        summary.setId("eval-summary");
        summary.setWrapText(true); // the whole line at 1024 px: it wraps instead of ending in "…"
        summary.setMinHeight(Region.USE_PREF_SIZE); // (a VBox gives a wrapping label one line's height otherwise)
        VBox left = new VBox(8, summary);
        if (report.kind().equals(EvaluationReport.CLASSES)) {
            boolean attention = inspect != null && !source.model().layout().nodes().isEmpty();
            examples = new ExamplesView(report, data, source.inputs(), attention ? i -> inspect.open(source, data, i) : null,
                    stepThrough == null ? null : i -> stepThrough.open(source, data, i));
            if (report.hasMatrix() && report.classes().size() <= MAX_SHOWN_CLASSES) {
                matrix = new ConfusionMatrixView(report, (a, p) -> examples.show(String.format(Locale.ROOT,
                        "true %s, predicted %s: %d", report.classes().get(a), report.classes().get(p), report.confusion()[a][p]),
                        report.cell(a, p)));
                left.getChildren().add(EvaluationFigures.matrixScroll(matrix));
            } else {
                Label many = new Label(String.format(Locale.ROOT, "%,d classes are too many for a confusion matrix on screen "
                        + "(up to %d are shown); the table below has each class's figures.", report.classes().size(),
                        MAX_SHOWN_CLASSES));
                many.setId("eval-matrix-omitted");
                many.setWrapText(true);
                many.setMinHeight(Region.USE_PREF_SIZE);
                left.getChildren().add(many);
            }
            left.getChildren().add(EvaluationFigures.perClass(report));
            List<String> absent = report.perClass().stream().filter(c -> !c.present()).map(ClassFigures::name).toList();
            if (!absent.isEmpty()) {
                Label note = new Label("Not listed: " + absent.size() + (absent.size() == 1 ? " class" : " classes")
                        + " neither in this split nor ever predicted (" + String.join(", ", absent.subList(0,
                        Math.min(8, absent.size()))) + (absent.size() > 8 ? ", …" : "") + ").");
                note.setId("eval-absent-classes");
                note.setWrapText(true);
                note.getStyleClass().add("muted");
                left.getChildren().add(note);
            }
            if (report.binary() != null) {
                left.getChildren().add(EvaluationFigures.prCurve(report.binary()));
            }
            SplitPane split = new SplitPane(left, examples);
            split.setDividerPositions(0.55);
            return split;
        }
        if (report.kind().equals(EvaluationReport.REGRESSION)) {
            left.getChildren().add(EvaluationFigures.residuals(report.regression()));
        } else {
            LinkRankingView ranking = new LinkRankingView(report);
            VBox.setVgrow(ranking, javafx.scene.layout.Priority.ALWAYS);
            left.getChildren().add(ranking);
        }
        return new SplitPane(left);
    }

    public Stage stage() {
        return stage;
    }

    ExamplesView examples() {
        return examples;
    }

    PruningLabView lab() {
        return lab;
    }

    KeptRunChooser chooser() {
        return chooser;
    }
}
