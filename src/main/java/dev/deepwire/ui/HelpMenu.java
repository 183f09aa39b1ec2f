package dev.deepwire.ui;

import dev.deepwire.training.backend.BackendInfo;
import dev.deepwire.ui.editor.KeyMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;

/**
 * Help: Keyboard Shortcuts (the keys the window really has, read from its menus and the editor's {@link KeyMap}, never
 * from a list kept beside them) and About DeepWire (version, licence, the libraries and backend a run trains with).
 * A first-time user had no menu to look either up in.
 */
final class HelpMenu {
    /** One key and what it does: "Ctrl+S", "Save", "File". */
    record Shortcut(String keys, String what, String where) {
    }

    private HelpMenu() {
    }

    /** The Help menu of a window whose other menus are {@code bar}'s. */
    static Menu of(MenuBar bar, Window owner) {
        MenuItem keys = new MenuItem("_Keyboard Shortcuts");
        keys.setAccelerator(KeyCombination.keyCombination("F1")); // types nothing in a text field
        keys.setOnAction(e -> shortcutsDialog(bar, owner).show());
        MenuItem about = new MenuItem("_About DeepWire");
        about.setOnAction(e -> aboutDialog(owner).show());
        return new Menu("_Help", null, keys, about);
    }

    /**
     * Every key of the window: the editor's key map first (each with all its keys), then each menu item's accelerator
     * that the key map does not already list, under the menu that holds it.
     */
    static List<Shortcut> shortcuts(MenuBar bar) {
        List<Shortcut> out = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        for (KeyMap.Action a : KeyMap.Action.values()) {
            a.keys().forEach(k -> mapped.add(k.getDisplayText()));
            out.add(new Shortcut(a.keys().stream().map(KeyCombination::getDisplayText).collect(Collectors.joining("  or  ")),
                    a.description(), a.singleKey() ? "Canvas" : "Edit"));
        }
        for (Menu m : bar.getMenus()) {
            collect(m, plain(m.getText()), mapped, out);
        }
        return out;
    }

    private static void collect(Menu menu, String where, Set<String> mapped, List<Shortcut> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, where + " \u25b8 " + plain(sub.getText()), mapped, out);
            } else if (item.getAccelerator() != null && mapped.add(item.getAccelerator().getDisplayText())) {
                out.add(new Shortcut(item.getAccelerator().getDisplayText(), plain(item.getText()), where));
            }
        }
    }

    /** A menu's text as read: its mnemonic marks and trailing "…" gone. */
    private static String plain(String text) {
        return text == null ? "" : text.replaceAll("_(?=\\S)", "").replace("\u2026", "").strip();
    }

    static Dialog<Void> shortcutsDialog(MenuBar bar, Window owner) {
        TableView<Shortcut> table = new TableView<>();
        table.setId("help-shortcuts");
        // the keys whole ("Ctrl+Y  or  Ctrl+Shift+Z"), the rest wraps to what is left
        table.getColumns().add(column("Keys", Shortcut::keys, 0.34));
        table.getColumns().add(column("What it does", Shortcut::what, 0.46));
        table.getColumns().add(column("Where", Shortcut::where, 0.20));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getItems().setAll(shortcuts(bar));
        table.setPrefSize(680, 420); // within a 1024 x 700 screen, with the dialog's heading and button
        Label menus = new Label("Alt opens the menus; the underlined letter of an item chooses it. While you type in a "
                + "text field, single keys type and Ctrl+Z, C, V and A act on the text.");
        menus.setWrapText(true);
        menus.setMaxWidth(680);
        BorderPane content = new BorderPane(table);
        content.setBottom(menus);
        BorderPane.setMargin(menus, new javafx.geometry.Insets(8, 0, 0, 0));
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Keyboard Shortcuts");
        dialog.setHeaderText("Keyboard shortcuts of DeepWire");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.initOwner(owner);
        dev.deepwire.ui.controls.Dialogs.escapeCloses(dialog);
        return dialog;
    }

    private static TableColumn<Shortcut, String> column(String name, java.util.function.Function<Shortcut, String> value,
                                                        double share) {
        TableColumn<Shortcut, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(670 * share);
        c.setSortable(false);
        return c;
    }

    /** What About DeepWire says: version, licence, libraries, backend and kernels. */
    static String about() {
        String version = HelpMenu.class.getPackage().getImplementationVersion();
        String backend = WorkbenchApp.backendIfLoaded();
        return String.join("\n",
                "Version: " + (version == null ? "development build" : version),
                "Licence: Apache License 2.0 (see the LICENSE and NOTICE files)",
                "Libraries: " + BackendInfo.libraries() + ", Java " + System.getProperty("java.version")
                        + ", JavaFX " + System.getProperty("javafx.runtime.version", "version unknown"),
                "Backend: " + (backend == null ? "not loaded yet" : backend),
                "Kernels: " + BackendInfo.kernels(),
                "",
                "Draw a network on the canvas; DeepWire compiles it to Deeplearning4j and trains it in a separate "
                        + "process, with live charts. View \u25b8 Backend chooses the CPU or a CUDA GPU.");
    }

    static Alert aboutDialog(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, about());
        a.setTitle("About DeepWire");
        a.setHeaderText("DeepWire: draw, train and inspect neural networks");
        a.getDialogPane().setId("help-about");
        a.getDialogPane().setPrefWidth(560);
        a.initOwner(owner);
        return a;
    }
}
