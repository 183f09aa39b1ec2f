package dev.deepwire.ui;

import dev.deepwire.data.DataException;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.io.files.SampleLibrary;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Node;
import dev.deepwire.training.NodeHealth;
import dev.deepwire.training.backend.BackendChoice;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.GraphCanvas;
import dev.deepwire.ui.editor.Inspector;
import dev.deepwire.ui.editor.KeyMap;
import dev.deepwire.ui.editor.Palette;
import dev.deepwire.ui.editor.Words;
import dev.deepwire.ui.inspect.AttentionInspector;
import dev.deepwire.ui.inspect.AttentionSession;
import dev.deepwire.ui.training.TrainingPanel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
        Palette palette = new Palette(vm, canvas);
        Inspector inspector = new Inspector(vm);
        TrainingPanel trainingPanel = new TrainingPanel(training, vm.project().training());
        layout = new WorkbenchLayout(palette, canvas, inspector, trainingPanel, layoutPrefs);
        root.setTop(new VBox(menus(stage), toolbar()));
        this.trainingPanel = trainingPanel;
        vm.projectProperty().addListener((o, was, now) -> trainingPanel.showSettings(now.training()));
        this.training = training;
        training.setRunObserver(attention::watch, attention::captured);
        training.setOutsideDataConfirmation(message -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                    message + ".\n\nRead it anyway? Only if you trust this project.",
                    ButtonType.YES, ButtonType.NO);
            ask.setHeaderText("The project's data lies outside its folder");
            ask.initOwner(stage);
            return ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
        });
        inspector.setOnInspectAttention(id -> openAttentionInspector(stage, id));
        trainingPanel.setOnInspectModel(model -> inspectSavedModel(stage, model));
        training.backendProperty().addListener((o, a, b) -> showBackend(b));
        Supplier<Path> otherwise = training.dataFolder();
        training.setDataFolder(() -> {
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
            if (!files.confirmDiscard()) {
                e.consume();
            }
        });
        // However the window closes on purpose (its close button, Quit, Don't Save), it leaves no autosave behind:
        // only a crash does.
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            autosaveTimer.stop();
            files.closedCleanly();
        });
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

    private String title() {
        String name = files.fileProperty().get() == null ? vm.project().name() : files.fileProperty().get().getFileName().toString();
        return (vm.history().isDirty() ? "• " : "") + name + " — DeepWire";
    }

    /** Edit ▸ Dataset Settings: choose and check the project's data; the change is unsaved work. */
    void editDataset(Stage owner) {
        datasetDialog(owner).showAndWait().ifPresent(spec -> {
            vm.setDataset(spec);
            vm.messageProperty().set("Dataset set to " + spec.kind() + "; save to keep it");
        });
    }

    Dialog<DatasetSpec> datasetDialog(Stage owner) {
        return DatasetDialog.create(owner, vm, training.dataFolder(), inspectWork);
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

    /** Where the loss chart marks the inspected step (NaN: no mark). */
    double trainingPanelLossMarker() {
        return trainingPanel.lossMarker();
    }

    /**
     * Loads a run's saved model (its best checkpoint) and the project's data in the background, then opens the
     * attention inspector on it.
     */
    CompletableFuture<AttentionInspector> inspectSavedModel(Stage owner, Path model) {
        var dataset = vm.project().dataset();
        Supplier<Path> folder = training.dataFolder();
        vm.messageProperty().set("Loading " + model.getFileName() + " for inspection…");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SavedModel.load(model, dataset, folder.get());
            } catch (IOException | DataException | RuntimeException e) {
                throw new CompletionException(e);
            }
        }, inspectWork).handleAsync((loaded, error) -> {
            if (error != null) {
                vm.messageProperty().set("Cannot inspect " + model + ": " + error.getCause().getMessage());
                return null;
            }
            attention.load(loaded.model(), loaded.data());
            vm.messageProperty().set("Inspecting " + model);
            return openAttentionInspector(owner, attention.nodes().isEmpty() ? null : attention.nodes().get(0));
        }, Platform::runLater);
    }

    AttentionSession attention() {
        return attention;
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

    private MenuBar menus(Stage stage) {
        Menu file = new Menu("_File", null,
                item("_New", "Shortcut+N", files::newProject),
                item("New from _Sample…", "Shortcut+Shift+E", () -> openGallery(stage)),
                item("New _Window", "Shortcut+Shift+N", () -> newWindow.run()),
                item("_Open…", "Shortcut+O", files::open),
                recentMenu(),
                new SeparatorMenuItem(),
                item("_Save", "Shortcut+S", files::save),
                item("Save _As…", "Shortcut+Shift+S", files::saveAs),
                new SeparatorMenuItem(),
                item("Export Graph as _PNG…", null, () -> files.exportPng(canvas)),
                item("Export Graph as S_VG…", null, files::exportSvg),
                item("Export as _Java Source…", null, () -> files.exportNetwork(true)),
                item("Export as DL4J _Configuration JSON…", null, () -> files.exportNetwork(false)),
                item("Export _Trained Model…", null, () -> files.exportModel(training.restingModel())),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", () -> OpenWindows.quit(stage)));
        MenuItem undo = keyed("Undo", KeyMap.Action.UNDO, vm::undo);
        MenuItem redo = keyed("Redo", KeyMap.Action.REDO, vm::redo);
        undo.setMnemonicParsing(false); // "Undo Set self_attention_1.heads" keeps its underscores
        redo.setMnemonicParsing(false);
        vm.revisionProperty().addListener((o, a, b) -> {
            undo.setText(Words.named(vm.history().undoDescription().orElse("Undo"), vm.graph()));
            redo.setText(Words.named(vm.history().redoDescription().orElse("Redo"), vm.graph()));
            undo.setDisable(!vm.history().canUndo());
            redo.setDisable(!vm.history().canRedo());
        });
        undo.setDisable(true);
        redo.setDisable(true);
        MenuItem redoAlt = item("Redo", "Shortcut+Shift+Z", () -> KeyMap.perform(KeyMap.Action.REDO, root.getScene(), vm::redo));
        redoAlt.setVisible(false);
        Menu edit = new Menu("_Edit", null, undo, redo, redoAlt, new SeparatorMenuItem(),
                keyed("_Copy", KeyMap.Action.COPY, canvas::copy),
                keyed("_Paste", KeyMap.Action.PASTE, () -> canvas.paste(false)),
                keyed("Paste _Keeping Incoming Wires", KeyMap.Action.PASTE_KEEPING_WIRES, () -> canvas.paste(true)),
                keyed("D_uplicate", KeyMap.Action.DUPLICATE, vm::duplicateSelection),
                item("_Delete (Delete on the canvas)", null, vm::deleteSelection),
                new SeparatorMenuItem(),
                item("_Group Selection…", "Shortcut+G", this::groupSelection),
                item("Collapse or E_xpand Group", "Shortcut+E", () -> vm.selectedGroups().forEach(vm::toggleCollapsed)),
                item("U_ngroup", "Shortcut+Shift+G", () -> vm.selectedGroups().forEach(vm::ungroup)),
                new SeparatorMenuItem(),
                keyed("Select _All", KeyMap.Action.SELECT_ALL, vm::selectAll),
                item("Add _Block… (Space on the canvas)", null, () -> canvas.openQuickAdd(canvas.getWidth() / 2, canvas.getHeight() / 2, null)),
                item("Add _Note", "Shortcut+Shift+M", canvas::addNoteAtCentre),
                new SeparatorMenuItem(),
                item("Data_set Settings…", "Shortcut+Shift+D", () -> editDataset(stage)));
        Menu view = new Menu("_View", null,
                item("Zoom _In", "Shortcut+Equals", () -> canvas.zoomAt(1.2, canvas.getWidth() / 2, canvas.getHeight() / 2)),
                item("Zoom _Out", "Shortcut+Minus", () -> canvas.zoomAt(1 / 1.2, canvas.getWidth() / 2, canvas.getHeight() / 2)),
                item("_Fit View (F on the canvas)", null, canvas::fitView),
                new SeparatorMenuItem(),
                item("_Attention Inspector", "Shortcut+I", () -> openAttentionInspector(stage,
                        vm.selectedNode().map(Node::id).orElse(null))),
                new SeparatorMenuItem(),
                item("_Auto-arrange", "Shortcut+L", () -> {
                    vm.autoArrange();
                    canvas.fitView();
                }),
                new SeparatorMenuItem(),
                new SeparatorMenuItem(),
                backendMenu(stage));
        view.getItems().addAll(view.getItems().size() - 2, Themes.menuItems(root));
        view.getItems().addAll(4, layout.viewItems());
        return new MenuBar(file, edit, view);
    }

    private void groupSelection() {
        TextInputDialog ask = new TextInputDialog("Encoder block");
        ask.setHeaderText("Name the group");
        ask.setContentText("Name:");
        ask.initOwner(root.getScene().getWindow());
        ask.showAndWait().ifPresent(vm::groupSelection);
    }

    /** CPU or CUDA GPU: remembered, and applied by restarting (ND4J picks its backend once per process). */
    private Menu backendMenu(Stage stage) {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu("_Backend");
        for (var b : BackendChoice.Backend.values()) {
            RadioMenuItem item = new RadioMenuItem(
                    b == BackendChoice.Backend.CPU ? "CPU" : "CUDA GPU");
            item.setToggleGroup(group);
            item.setSelected(b == BackendChoice.preferred());
            item.setOnAction(e -> chooseBackend(stage, b));
            menu.getItems().add(item);
        }
        return menu;
    }

    private void chooseBackend(Stage stage, BackendChoice.Backend b) {
        BackendChoice.setPreferred(b);
        String note = BackendChoice.note(b);
        if (!note.isEmpty()) {
            new Alert(Alert.AlertType.INFORMATION, note + ".").showAndWait();
            return;
        }
        Alert restart = new Alert(Alert.AlertType.CONFIRMATION,
                "The backend changes when DeepWire restarts. Restart now?");
        restart.initOwner(stage);
        if (restart.showAndWait().filter(x -> x == ButtonType.OK).isPresent() && files.confirmDiscard()) {
            try {
                BackendChoice.relaunch(b, "dev.deepwire.Main", new String[0], false);
                files.closedCleanly();
                Platform.exit();
            } catch (IOException ex) {
                vm.messageProperty().set("Could not restart: " + ex.getMessage());
            }
        }
    }

    private Menu recentMenu() {
        Menu recent = new Menu("Open _Recent");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : files.recent().list()) {
                recent.getItems().add(item(p.getFileName() + "  (" + p.getParent() + ")", null, () -> {
                    if (files.confirmDiscard()) {
                        files.open(p);
                    }
                }));
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No recent projects");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem("No recent projects"));
        return recent;
    }

    /** A menu item whose keys come from the editor's key map (text inputs keep their own meaning of them). */
    private MenuItem keyed(String text, KeyMap.Action keys, Runnable action) {
        MenuItem item = item(text, (String) null, () -> KeyMap.perform(keys, root.getScene(), action));
        item.setAccelerator(keys.accelerator());
        return item;
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (keys != null) {
            // Only modifier shortcuts here: a plain key would fire while typing in a text field.
            item.setAccelerator(KeyCombination.keyCombination(keys));
        }
        item.setOnAction(e -> action.run());
        return item;
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
        vm.revisionProperty().addListener((o, a, b) -> {
            undo.setDisable(!vm.history().canUndo());
            redo.setDisable(!vm.history().canRedo());
        });
        undo.setDisable(true);
        redo.setDisable(true);
        return new ToolBar(save, undo, redo, arrange, fit);
    }

    private HBox statusBar() {
        status.textProperty().bind(Bindings.createStringBinding(() -> Words.named(vm.messageProperty().get(), vm.graph()),
                vm.messageProperty()));
        status.setId("status-message");
        vm.analysisProperty().addListener((o, a, b) -> updateSummary());
        vm.revisionProperty().addListener((o, a, b) -> updateSummary());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        backend.getStyleClass().add("muted");
        backend.setId("status-backend");
        HBox bar = new HBox(16, status, grow, summary, backend);
        bar.getStyleClass().add("status-bar");
        updateSummary();
        return bar;
    }

    private void updateSummary() {
        StatusSummary.show(summary, vm);
    }
}
