package dev.deepwire.ui;

import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.io.files.SampleLibrary;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.training.NodeHealth;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.GraphCanvas;
import dev.deepwire.ui.editor.Inspector;
import dev.deepwire.ui.editor.Palette;
import dev.deepwire.ui.inspect.AttentionInspector;
import dev.deepwire.ui.inspect.AttentionSession;
import dev.deepwire.ui.projector.ProjectorWindow;
import dev.deepwire.ui.step.StepMode;
import dev.deepwire.ui.training.TrainingPanel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Lays out the workbench — menus and toolbar on top, palette left, canvas centre, inspector right,
 * status bar below — and wires menu items and keys to the view model. Holds no editing logic.
 */
final class WorkbenchWindow {
    private final EditorViewModel vm;
    private final BorderPane root = new BorderPane();
    private final GraphCanvas canvas;
    private Inspector inspector;
    private final ProjectFiles files;
    private final Label status = new Label();
    private final Label summary = new Label();
    private final Label backend = new Label("loading the CPU backend…");
    private final AttentionSession attention =
            new AttentionSession(Platform::runLater);
    private TrainingPanel trainingPanel;
    private TrainingViewModel training;
    private final ExecutorService inspectWork = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "deepwire-inspect");
        t.setDaemon(true);
        return t;
    });

    private WorkbenchLayout layout;
    private Presenting presenting;

    WorkbenchWindow(Stage stage, EditorViewModel vm, Path file, RecentFiles recent, Autosave autosave,
                    TrainingViewModel training) {
        this(stage, vm, file, recent, autosave, training, WorkbenchLayout.userPrefs());
    }

    WorkbenchWindow(Stage stage, EditorViewModel vm, Path file, RecentFiles recent, Autosave autosave,
                    TrainingViewModel training, Preferences layoutPrefs) {
        this.vm = vm;
        this.canvas = new GraphCanvas(vm);
        this.files = new ProjectFiles(vm, stage, file, recent, autosave);
        Timeline autosaveTimer = new Timeline(
                new KeyFrame(Duration.seconds(15), e -> files.autosaveNow()));
        autosaveTimer.setCycleCount(Animation.INDEFINITE);
        autosaveTimer.play();
        canvas.setId("canvas");
        canvas.setFocusTraversable(true);
        dev.deepwire.ui.controls.FocusHome.install(root, canvas); // a greyed-out button hands the keys to the canvas
        // The window opens with the keys on the canvas, as the status bar's "press Space on the canvas" has it: JavaFX
        // gave them to the first button, Save, and the first Space asked where to save the empty project.
        canvas.sceneProperty().addListener((o, was, now) -> {
            if (now != null && was == null) {
                Platform.runLater(canvas::requestFocus);
            }
        });
        Palette palette = new Palette(vm, canvas);
        inspector = new Inspector(vm);
        TrainingPanel trainingPanel = new TrainingPanel(training, vm.project().training());
        layout = new WorkbenchLayout(palette, canvas, inspector, trainingPanel, layoutPrefs);
        this.trainingPanel = trainingPanel; // (the Training menu fires its buttons)
        presenting = new Presenting(root, layout, canvas, layoutPrefs, training.phaseProperty());
        root.setTop(new VBox(new WorkbenchMenus(this, stage).menuBar(), toolbar()));
        WorkbenchMenus.otherZoomKeys(root, canvas);
        vm.projectProperty().addListener((o, was, now) -> {
            trainingPanel.showSettings(now.training());
            canvas.requestFocus(); // New, Open or a sample: the keys on the canvas, not on the button or field that had them
            // what showed the earlier project's model goes with it: its windows, its walk, its loaded model
            stepMode().projectReplaced();
            attention.forget();
            dev.deepwire.ui.controls.ProjectWindows.closeAll(stage);
        });
        this.training = training;
        training.phaseProperty().addListener((o, was, now) -> {
            if (now == dev.deepwire.training.RunState.RUNNING || now == dev.deepwire.training.RunState.STARTING) {
                stepMode().runWentOn(); // a walk of the paused run's model is out of date
            }
        });
        training.setRunObserver(attention::watch, attention::captured);
        training.data().setOutsideConfirmation(outside -> {
            Alert ask = outsideDataQuestion(outside, training.data().rememberedProblem());
            ask.initOwner(stage);
            return ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
        });
        inspector.setOnInspectAttention(id -> inspectAttention(stage, id)); // as View ▸ Attention Inspector
        inspector.setOnProjectEmbeddings(id -> openProjector(stage, id));
        attention.projector().setGraph(vm::graph);
        trainingPanel.setOnInspectModel(model -> inspectSavedModel(stage, model));
        training.backendProperty().addListener((o, a, b) -> showBackend(b));
        Supplier<Path> otherwise = training.data().folder();
        training.data().setFolder(() -> {
            // Relative data paths start beside the project file, or in an opened sample's folder.
            Path saved = files.fileProperty().get();
            if (saved != null && saved.toAbsolutePath().getParent() != null) {
                return saved.toAbsolutePath().getParent();
            }
            Path template = files.templateFolderProperty().get();
            return template != null ? template : otherwise.get();
        });
        training.culpritProperty().addListener((o, a, id) -> {
            if (id != null && vm.graph().contains(id)) {
                var n = vm.graph().require(id);
                canvas.centreOn(n.x() + 92, n.y() + 43);
            }
        });
        canvas.showHealth(training.health());
        training.health().addListener((MapChangeListener<String, NodeHealth>) c ->
                canvas.healthChanged(c.getKey()));
        root.setCenter(layout.root());
        root.setBottom(statusBar());
        stage.titleProperty().bind(Bindings.createStringBinding(this::title, vm.revisionProperty(), files.fileProperty()));
        stage.setOnCloseRequest(e -> {
            // a run still training is stopped first (and the window closes once it has ended), then unsaved work
            if (!ClosingWhileTraining.maySweepsStop(stage, List.of(stage), "Close")
                    || !ClosingWhileTraining.mayCloseNow(stage, List.of(training), "Close", () -> {
                if (files.confirmDiscard("closing this window")) {
                    stage.close();
                }
            }) || !files.confirmDiscard("closing this window")) {
                e.consume();
            }
        });
        // However the window closes on purpose (its close button, Quit, Don't Save), it leaves no autosave behind:
        // only a crash does.
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            autosaveTimer.stop();
            files.closedCleanly();
        });
        // a project file dragged onto the window opens as File ▸ Open opens it; anything else is answered below
        FileDrops.projects(root, files::openAsking, vm.messageProperty()::set);
        ProjectFlow.connect(this, stage);
    }

    TrainingViewModel training() {
        return training;
    }

    TrainingPanel trainingPanel() {
        return trainingPanel;
    }

    EditorViewModel editor() {
        return vm;
    }

    BorderPane root() {
        return root;
    }

    private Runnable newWindow = () -> { };

    /** File ▸ New Window. */
    Runnable newWindow() {
        return newWindow;
    }

    WorkbenchLayout layout() {
        return layout;
    }

    /** View ▸ Presenting Mode. */
    Presenting presenting() {
        return presenting;
    }

    /** What File › New Window does (the application opens another window). */
    void setNewWindowAction(Runnable action) {
        newWindow = action;
    }

    ProjectFiles files() {
        return files;
    }

    /** Shows the backend once ND4J has loaded (in the background, so the window is usable at once). */
    void showBackend(String description) {
        backend.setText(description);
    }

    GraphCanvas canvas() {
        return canvas;
    }

    /** The block inspector (right). */
    Inspector inspector() {
        return inspector;
    }

    private String title() {
        String name = files.fileProperty().get() == null ? dev.deepwire.limits.ShownName.line(vm.project().name())
                : dev.deepwire.limits.ShownName.line(files.fileProperty().get());
        return (vm.history().isDirty() ? "• " : "") + name + " — DeepWire";
    }

    /** Edit ▸ Dataset Settings: choose and check the project's data; the change is unsaved work. */
    void editDataset(Stage owner) {
        datasetDialog(owner).showAndWait().ifPresent(spec -> {
            if (spec.equals(vm.project().dataset())) {
                return; // OK with nothing changed: nothing to undo, nothing to save
            }
            var before = vm.project().dataset();
            vm.setDataset(spec);
            if (spec.params().get("file") != null && (before == null
                    || !spec.params().get("file").equals(before.params().get("file")))) {
                training.data().chosen(spec); // picked or typed here: no "do you trust this project?" at Train
            }
            vm.messageProperty().set("Dataset set to " + spec.kind() + "; save to keep it");
        });
    }

    Dialog<DatasetSpec> datasetDialog(Stage owner) {
        return DatasetDialog.create(owner, vm, training, inspectWork,
                files.fileProperty().get() == null && files.templateFolderProperty().get() == null);
    }

    /** Opens the attention inspector on a block (View ▸ Attention Inspector, or the inspector's button). */
    AttentionInspector openAttentionInspector(Stage owner, String nodeId) {
        if (attentionInspector != null && attentionInspector.stage().isShowing()) {
            attentionInspector.bringForward(nodeId); // one inspector per window
            return attentionInspector;
        }
        attentionInspector = AttentionInspector.open(owner, attention, training, inspectWork,
                trainingPanel::markStep, nodeId);
        return attentionInspector;
    }

    private AttentionInspector attentionInspector;

    /**
     * View ▸ Attention Inspector: on this window's run, or, where it has none (a lesson trained, reopened to present),
     * on the newest kept run's model as Runs… ▸ Inspect best model opens it (it had said "No attention captured yet").
     */
    void inspectAttention(Stage owner, String nodeId) {
        boolean showing = attentionInspector != null && attentionInspector.stage().isShowing();
        (showing ? CompletableFuture.completedFuture(false) : keptModels().loadNewestUnlessOwn()).thenAccept(loaded ->
                openAttentionInspector(owner, loaded ? firstOr(nodeId) : nodeId)); // not loaded: said, and as before
    }

    private String firstOr(String nodeId) {
        return nodeId != null && attention.nodes().contains(nodeId) ? nodeId
                : attention.nodes().isEmpty() ? null : attention.nodes().get(0);
    }

    private KeptModels keptModels;

    private KeptModels keptModels() {
        if (keptModels == null) {
            keptModels = new KeptModels(vm, training, attention, inspectWork);
        }
        return keptModels;
    }

    /** Opens the embedding projector on a block's table (View ▸ Embedding Projector, or the inspector's button). */
    ProjectorWindow openProjector(Stage owner, String nodeId) {
        return ProjectorWindow.open(owner, attention.projector(), inspectWork, nodeId);
    }

    /** Where the loss chart marks the inspected step (NaN: no mark). */
    double trainingPanelLossMarker() {
        return trainingPanel.lossMarker();
    }

    /**
     * Loads a run's saved model (its best checkpoint) and the project's data in the background, then opens the
     * attention inspector on it.
     */
    CompletableFuture<AttentionInspector> inspectSavedModel(Stage owner, Path model) {
        return keptModels().load(model).thenApply(loaded -> loaded ? openAttentionInspector(owner, firstOr(null)) : null);
    }

    AttentionSession attention() {
        return attention;
    }

    private StepMode stepMode;

    /** Step mode (the toolbar's toggle, View ▸ Step Through Example); made with the toolbar. */
    StepMode stepMode() {
        if (stepMode == null) {
            stepMode = new StepMode(canvas, vm, attention, () -> training.restingModel(), inspectWork);
            stepMode.setKeptModel(() -> keptModels().loadNewestUnlessOwn()); // a reopened lesson walks its newest run
            stepMode.showingProperty().addListener((o, was, on) -> layout.stepping(on)); // the canvas's room to the step
        }
        return stepMode;
    }

    /** File ▸ New from Sample: the gallery; the chosen sample opens as a template with its data beside it. */
    void openGallery(Stage stage) {
        try {
            SampleLibrary library = SampleLibrary.find();
            SampleGallery.show(stage, library,
                    (entry, project) -> {
                        files.openTemplate(project, library.folder().resolve(entry.file()).getParent());
                        canvas.fitWhenLaidOut();
                    });
        } catch (IOException e) {
            vm.messageProperty().set("The samples are not available: " + e.getMessage());
        }
    }

    private ToolBar toolbar() {
        Button undo = new Button("Undo");
        undo.setOnAction(e -> vm.undo());
        Button redo = new Button("Redo");
        redo.setOnAction(e -> vm.redo());
        Button arrange = new Button("Auto-arrange");
        arrange.setOnAction(e -> {
            vm.autoArrange();
            canvas.fitView();
        });
        Button fit = new Button("Fit view");
        fit.setOnAction(e -> canvas.fitView());
        Button save = new Button("Save");
        save.setOnAction(e -> files.save());
        undo.disableProperty().bind(vm.canUndoProperty().not());
        redo.disableProperty().bind(vm.canRedoProperty().not());
        return new ToolBar(save, undo, redo, arrange, fit, stepMode().toggle());
    }

    private HBox statusBar() {
        var full = new javafx.beans.property.SimpleStringProperty("");
        var brief = new javafx.beans.property.SimpleStringProperty("");
        vm.analysisProperty().addListener((o, a, b) -> StatusSummary.show(summary, full, brief, vm));
        vm.revisionProperty().addListener((o, a, b) -> StatusSummary.show(summary, full, brief, vm));
        StatusSummary.show(summary, full, brief, vm);
        return StatusWidth.bar(status, new StatusWidth.Counts(summary, full, brief), backend, vm, root.widthProperty());
    }

    /**
     * The question before data outside the project's folder is read. No is its default: Enter (or a key meant for the
     * window) had answered Yes and read the file.
     */
    static Alert outsideDataQuestion(dev.deepwire.data.DataPaths.Outside outside) {
        return outsideDataQuestion(outside, null);
    }

    /**
     * As {@link #outsideDataQuestion(dev.deepwire.data.DataPaths.Outside)}; {@code unremembered}: why the agreements of
     * earlier sessions could not be read (a settings file too large or not a file), said so the question is understood.
     */
    static Alert outsideDataQuestion(dev.deepwire.data.DataPaths.Outside outside, String unremembered) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.YES, ButtonType.NO);
        ask.setTitle("Data outside the project's folder");
        ask.setHeaderText("The project's data lies outside its folder");
        // the file on a line of its own (PathLabels): inside the sentence a long path wrapped mid-name
        dev.deepwire.ui.controls.PathLabels.content(ask, "The data file set in Edit ▸ Dataset Settings is read from",
                outside.resolved(), (outside.unsaved()
                ? "This project is not saved yet, so it has no folder of its own: save it in the data's folder, or one "
                + "above it, and the data is read without asking."
                : "Data is read from inside the project's folder (" + outside.folder().getFileName() + ") unless you allow "
                + "otherwise.") + (unremembered == null ? "" : "\n\nAgreements from earlier sessions are not used: "
                + unremembered + ". Remove that file if you did not put it there; each agreement is asked again.")
                + "\n\nRead it anyway? Only if you trust this project.");
        return dev.deepwire.ui.controls.Dialogs.defaultTo(ask, ButtonType.NO);
    }
}
