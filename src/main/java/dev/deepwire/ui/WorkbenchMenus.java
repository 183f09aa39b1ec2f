package dev.deepwire.ui;

import dev.deepwire.model.Node;
import dev.deepwire.training.backend.BackendChoice;
import dev.deepwire.ui.eval.EvaluationWindow;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.GraphCanvas;
import dev.deepwire.ui.editor.KeyMap;
import dev.deepwire.ui.editor.Words;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The window's menus: File, Edit (its keys from the editor's one key map), View (panels, themes, backend), Training,
 * Help ({@link HelpMenu}: the keys, read from these menus). Each item
 * only calls what the window, its files, canvas or editor already offer.
 */
final class WorkbenchMenus {
    private final WorkbenchWindow window;
    private final Stage stage;
    private final EditorViewModel vm;
    private final ProjectFiles files;
    private final ProjectExports exports;
    private final GraphCanvas canvas;

    WorkbenchMenus(WorkbenchWindow window, Stage stage) {
        this.window = window;
        this.stage = stage;
        this.vm = window.editor();
        this.files = window.files();
        this.exports = new ProjectExports(vm, files);
        this.canvas = window.canvas();
    }

    MenuBar menuBar() {
        Menu file = new Menu("_File", null,
                item("_New", "Shortcut+N", files::newProject),
                item("New from _Sample…", "Shortcut+Shift+E", () -> window.openGallery(stage)),
                item("New _Window", "Shortcut+Shift+N", () -> window.newWindow().run()),
                item("_Open…", "Shortcut+O", files::open),
                recentMenu(),
                new SeparatorMenuItem(),
                item("_Save", "Shortcut+S", files::save),
                item("Save _As…", "Shortcut+Shift+S", files::saveAs),
                new SeparatorMenuItem(),
                item("Export Graph as _PNG…", null, () -> exports.exportPng(canvas)),
                item("Export Graph as S_VG…", null, exports::exportSvg),
                item("Export as _Java Source…", null, () -> exports.exportNetwork(true)),
                item("Export as DL4J _Configuration JSON…", null, () -> exports.exportNetwork(false)),
                item("Export _Trained Model…", null, () -> exports.exportModel(window.training().restingModel())),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", () -> OpenWindows.quit(stage)));
        MenuItem undo = keyed("Undo", KeyMap.Action.UNDO, vm::undo);
        MenuItem redo = keyed("Redo", KeyMap.Action.REDO, vm::redo);
        undo.setMnemonicParsing(false); // "Undo Set self_attention_1.heads" keeps its underscores
        redo.setMnemonicParsing(false);
        vm.revisionProperty().addListener((o, a, b) -> {
            undo.setText(Words.named(vm.history().undoDescription().orElse("Undo"), vm.graph()));
            redo.setText(Words.named(vm.history().redoDescription().orElse("Redo"), vm.graph()));
        });
        undo.disableProperty().bind(vm.canUndoProperty().not()); // off while a run holds the graph
        redo.disableProperty().bind(vm.canRedoProperty().not());
        MenuItem redoAlt = item("Redo", "Shortcut+Shift+Z", () -> KeyMap.perform(KeyMap.Action.REDO, window.root().getScene(), vm::redo));
        redoAlt.setVisible(false);
        redoAlt.disableProperty().bind(vm.canRedoProperty().not());
        // edits of the network are off while a run holds it (chosen anyway, by a key, they are refused with a message)
        MenuItem[] graphEdits = {
            keyed("_Paste", KeyMap.Action.PASTE, () -> canvas.paste(false)),
            keyed("Paste _Keeping Incoming Wires", KeyMap.Action.PASTE_KEEPING_WIRES, () -> canvas.paste(true)),
            keyed("D_uplicate", KeyMap.Action.DUPLICATE, vm::duplicateSelection),
            item("_Delete (Delete on the canvas)", null, vm::deleteSelection),
            item("_Group Selection…", "Shortcut+G", this::groupSelection),
            item("Collapse or E_xpand Group", "Shortcut+E", () -> vm.selectedGroups().forEach(vm::toggleCollapsed)),
            item("U_ngroup", "Shortcut+Shift+G", () -> vm.selectedGroups().forEach(vm::ungroup)),
            item("Add _Block… (Space on the canvas)", null,
                    () -> canvas.openQuickAddByKey(canvas.getWidth() / 2, canvas.getHeight() / 2, false))};
        for (MenuItem m : graphEdits) {
            m.disableProperty().bind(vm.lockedProperty());
        }
        Menu edit = new Menu("_Edit", null, undo, redo, redoAlt, new SeparatorMenuItem(),
                keyed("_Copy", KeyMap.Action.COPY, canvas::copy),
                graphEdits[0], graphEdits[1], graphEdits[2], graphEdits[3],
                new SeparatorMenuItem(),
                graphEdits[4], graphEdits[5], graphEdits[6],
                new SeparatorMenuItem(),
                keyed("Select _All", KeyMap.Action.SELECT_ALL, vm::selectAll),
                graphEdits[7],
                item("Add _Note", "Shortcut+Shift+M", canvas::addNoteAtCentre),
                new SeparatorMenuItem(),
                item("Data_set Settings…", "Shortcut+Shift+D", () -> window.editDataset(stage)));
        Menu view = new Menu("_View", null,
                item("Zoom _In", "Shortcut+Equals", () -> canvas.zoomStep(true)),
                item("Zoom _Out", "Shortcut+Minus", () -> canvas.zoomStep(false)),
                item("_Fit View (F on the canvas)", null, canvas::fitView),
                new SeparatorMenuItem(),
                item("_Attention Inspector", "Shortcut+I", () -> window.inspectAttention(stage,
                        vm.selectedNode().map(Node::id).orElse(null))),
                item("_Evaluate and Prune…", null, () -> EvaluationWindow.show(stage, window.training(), (source, split, index) -> {
                    // the chosen example, for the inspector, with the run it is of (what Apply records)
                    window.attention().loadChosen(source.model(), source.runDir(), split, index);
                    window.openAttentionInspector(stage, null);
                }, (source, split, index) -> {
                    window.attention().loadChosen(source.model(), source.runDir(), split, index); // and for step mode
                    stage.toFront(); // step mode is in this window: in front of Evaluate and Prune, which opened it
                    window.stepMode().startOnChosenExample();
                })),
                item("S_weep…", null, () -> dev.deepwire.ui.sweep.SweepDialog.showFor(stage, vm::project, window.training()::projectFile,
                        window.training().data()::refusal, // the window's one consent to data outside the folder
                        dev.deepwire.ui.sweep.SweepSpecMemory.user())),
                item("_Step Through Example", "Shortcut+T", () -> window.stepMode().toggleFromMenu()),
                item("Embedding _Projector", "Shortcut+Shift+P", () -> window.openProjector(stage, vm.selectedNode().map(Node::id).orElse(null))),
                new SeparatorMenuItem(),
                item("_Auto-arrange", "Shortcut+L", () -> {
                    vm.autoArrange();
                    canvas.fitView();
                }),
                new SeparatorMenuItem(),
                new SeparatorMenuItem(),
                backendMenu());
        view.getItems().addAll(view.getItems().size() - 2, Themes.menuItems(window.root()));
        view.getItems().addAll(4, window.layout().viewItems());
        view.getItems().add(4, window.presenting().menuItem()); // above the panels it hides
        MenuBar bar = new MenuBar(file, edit, view, TrainingMenu.of(window.trainingPanel()));
        bar.getMenus().add(HelpMenu.of(bar, stage));
        return bar;
    }

    private void groupSelection() {
        GroupNameDialog.create(window.root().getScene().getWindow()).showAndWait().ifPresent(vm::groupSelection);
    }

    /** CPU or CUDA GPU: remembered, and applied by restarting (ND4J picks its backend once per process). */
    private Menu backendMenu() {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu("_Backend");
        for (var b : BackendChoice.Backend.values()) {
            RadioMenuItem item = new RadioMenuItem(
                    b == BackendChoice.Backend.CPU ? "CPU" : "CUDA GPU");
            item.setToggleGroup(group);
            item.setSelected(b == BackendChoice.preferred());
            item.setOnAction(e -> {
                if (!chooseBackend(b)) { // not in this build: the choice shown stays the one in use
                    group.getToggles().forEach(t -> t.setSelected(t.getUserData() == BackendChoice.preferred()));
                }
            });
            item.setUserData(b);
            menu.getItems().add(item);
        }
        return menu;
    }

    /**
     * Chooses {@code b} for the next start; false where this build lacks it — then nothing is remembered (a CUDA
     * choice had been kept, and every later start logged that CUDA was chosen but missing).
     */
    private boolean chooseBackend(BackendChoice.Backend b) {
        String note = BackendChoice.note(b);
        if (!note.isEmpty()) {
            Alert said = new Alert(Alert.AlertType.INFORMATION, note.replace("CUDA was chosen but this", "This")
                    .replace("; using the CPU", "; DeepWire stays on the CPU") + ".");
            said.initOwner(stage); // without an owner, the keys went nowhere once it closed (Ctrl+Q did nothing)
            said.showAndWait();
            return false;
        }
        BackendChoice.setPreferred(b);
        Alert restart = new Alert(Alert.AlertType.CONFIRMATION,
                "The backend changes when DeepWire restarts. Restart now?");
        restart.initOwner(stage);
        if (restart.showAndWait().filter(x -> x == ButtonType.OK).isPresent() && files.confirmDiscard("restarting DeepWire")) {
            try {
                BackendChoice.relaunch(b, "dev.deepwire.Main", new String[0], false);
                files.closedCleanly();
                Platform.exit();
            } catch (IOException ex) {
                vm.messageProperty().set("Could not restart: " + ex.getMessage());
            }
        }
        return true;
    }

    private Menu recentMenu() {
        Menu recent = new Menu("Open _Recent");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : files.recent().list()) {
                recent.getItems().add(item(dev.deepwire.limits.ShownName.line(p) + "  ("
                        + dev.deepwire.limits.VisibleText.oneLine(String.valueOf(p.getParent())) + ")", null,
                        () -> files.openAsking(p)));
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
        MenuItem item = item(text, (String) null, () -> KeyMap.perform(keys, window.root().getScene(), action));
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

    /**
     * The other keys people press to zoom: Ctrl with + (Shift and =), the keypad's + and −. The menu's accelerators are
     * Ctrl+= and Ctrl+−, and Ctrl+Shift+= and the keypad had done nothing.
     */
    static void otherZoomKeys(javafx.scene.Node root, dev.deepwire.ui.editor.GraphCanvas canvas) {
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown()) {
                return;
            }
            var code = e.getCode();
            boolean in = code == javafx.scene.input.KeyCode.ADD || code == javafx.scene.input.KeyCode.PLUS
                    || code == javafx.scene.input.KeyCode.EQUALS && e.isShiftDown();
            boolean out = code == javafx.scene.input.KeyCode.SUBTRACT;
            if (in || out) {
                canvas.zoomStep(in);
                e.consume();
            }
        });
    }
}
