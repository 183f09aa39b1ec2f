package dev.deepwire.ui.eval;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.ModelLab;
import dev.deepwire.inspect.TrainedModel;
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
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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

    /**
     * The report's first line as the window shows figures: in per cent as the class table below it and the training
     * dock ("accuracy 14.3 %, macro F1 13.8 %"); it read "accuracy 0.1430" beside the table's "23.3 %".
     */
    static String summary(EvaluationReport report) {
        if (!report.kind().equals(EvaluationReport.CLASSES)) {
            return report.lines().get(0);
        }
        return report.heading() + String.format(Locale.ROOT, ": accuracy %s, macro F1 %s, weighted F1 %s",
                pct(report.accuracy()), pct(report.macro().f1()), pct(report.weighted().f1()));
    }

    private SplitPane evaluation(EvaluationReport report, RunEvaluation.Source source,
                                 OpenExample inspect, OpenExample stepThrough) {
        Dataset data = source.evaluated();
        Label summary = new Label(summary(report));
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
                left.getChildren().add(matrixScroll(matrix));
            } else {
                Label many = new Label(String.format(Locale.ROOT, "%,d classes are too many for a confusion matrix on screen "
                        + "(up to %d are shown); the table below has each class's figures.", report.classes().size(),
                        MAX_SHOWN_CLASSES));
                many.setId("eval-matrix-omitted");
                many.setWrapText(true);
                many.setMinHeight(Region.USE_PREF_SIZE);
                left.getChildren().add(many);
            }
            left.getChildren().add(perClass(report));
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
                left.getChildren().add(prCurve(report.binary()));
            }
            SplitPane split = new SplitPane(left, examples);
            split.setDividerPositions(0.55);
            return split;
        }
        if (report.kind().equals(EvaluationReport.REGRESSION)) {
            left.getChildren().add(residuals(report.regression()));
        } else {
            LinkRankingView ranking = new LinkRankingView(report);
            VBox.setVgrow(ranking, javafx.scene.layout.Priority.ALWAYS);
            left.getChildren().add(ranking);
        }
        return new SplitPane(left);
    }

    /**
     * The matrix in a scroll pane at most 300 px tall, and as tall as the matrix below that: a two-class matrix had stood in
     * 300 px of which 200 were empty, and at 1024 × 700 the precision/recall chart below it was squeezed until its
     * axis read "preci…".
     */
    static ScrollPane matrixScroll(Region matrix) {
        ScrollPane scroll = new ScrollPane(matrix); // as tall as what it holds (no viewport height set), up to 300 px
        scroll.setMaxHeight(300);
        // and not squeezed below that by the table and chart under it: its "Lowest recall" line had scrolled out of view
        scroll.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.min(300,
                matrix.getHeight() + scroll.snappedTopInset() + scroll.snappedBottomInset()), matrix.heightProperty()));
        return scroll;
    }

    private static TableView<ClassFigures> perClass(EvaluationReport report) {
        TableView<ClassFigures> table = new TableView<>();
        table.setId("eval-per-class");
        table.getColumns().setAll(List.of(column("Class", ClassFigures::name), column("Precision", c -> pct(c.precision())),
                column("Recall", c -> c.support() == 0 ? "—" : pct(c.recall())), column("F1", c -> pct(c.f1())),
                column("Support", c -> String.valueOf(c.support()))));
        // classes neither in the split nor ever predicted (<pad>, <M>) are left out: their 0.0 % rows read as failures
        table.getItems().setAll(report.perClass().stream().filter(ClassFigures::present).toList());
        long total = report.perClass().stream().mapToLong(ClassFigures::support).sum();
        table.getItems().add(new ClassFigures("macro average", report.macro().precision(), report.macro().recall(),
                report.macro().f1(), total, -1));
        table.getItems().add(new ClassFigures("weighted average", report.weighted().precision(), report.weighted().recall(),
                report.weighted().f1(), total, -1));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(200);
        return table;
    }

    private static <T> TableColumn<T, String> column(String name, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static LineChart<Number, Number> prCurve(EvaluationReport.Binary binary) {
        NumberAxis x = new NumberAxis(0, 1, 0.2);
        x.setLabel("recall");
        NumberAxis y = new NumberAxis(0, 1, 0.2);
        y.setLabel("precision");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(String.format(Locale.ROOT, "Precision/recall · ROC-AUC %.3f · PR-AUC %.3f", binary.rocAuc(), binary.prAuc()));
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        int step = Math.max(1, binary.prCurve().size() / 300);
        for (int i = 0; i < binary.prCurve().size(); i += step) {
            s.getData().add(new XYChart.Data<>(binary.prCurve().get(i).recall(), binary.prCurve().get(i).precision()));
        }
        chart.getData().add(s);
        chart.setPrefHeight(240);
        return chart;
    }

    private static ScatterChart<Number, Number> residuals(EvaluationReport.Regression r) {
        NumberAxis x = new NumberAxis();
        x.setLabel("predicted");
        NumberAxis y = new NumberAxis();
        y.setLabel("residual (actual − predicted)");
        ScatterChart<Number, Number> chart = new ScatterChart<>(x, y);
        chart.setTitle(String.format(Locale.ROOT, "Residuals · MAE %.4f · RMSE %.4f", r.mae(), r.rmse()));
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        for (double[] p : r.residuals().subList(0, Math.min(2000, r.residuals().size()))) {
            s.getData().add(new XYChart.Data<>(p[0], p[1] - p[0]));
        }
        chart.getData().add(s);
        return chart;
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
