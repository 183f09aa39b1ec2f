package dev.deepwire.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The Training menu: the dock's own buttons (Train, Pause, Resume, Stop, Runs…, Export CSV…) as menu items with keys,
 * greyed when their button is — a person working from the keyboard could build and save a network but reach Train only
 * by tabbing through the dock. Each item fires its button, so it does exactly what the button does.
 */
final class TrainingMenu {
    private TrainingMenu() {
    }

    static Menu of(Node dock) {
        Button start = button(dock, "#train-start");
        Button resume = button(dock, "#train-resume");
        // F5 trains, or goes on with a paused run (as a debugger's Continue); its words follow
        MenuItem train = new MenuItem("_Train");
        train.setAccelerator(KeyCombination.keyCombination("F5"));
        train.setOnAction(e -> (resume.isDisabled() ? start : resume).fire());
        train.disableProperty().bind(start.disabledProperty().and(resume.disabledProperty()));
        resume.disabledProperty().addListener((o, was, off) -> train.setText(off ? "_Train" : "_Resume"));
        return new Menu("_Training", null, train,
                item(dock, "_Pause", "F6", "#train-pause"),
                item(dock, "_Stop", "Shift+F5", "#train-stop"),
                new SeparatorMenuItem(),
                item(dock, "R_uns…", null, "#train-runs"),
                item(dock, "Export _CSV…", null, "#train-export-csv"));
    }

    private static MenuItem item(Node dock, String text, String keys, String id) {
        Button b = button(dock, id);
        MenuItem m = new MenuItem(text);
        if (keys != null) {
            m.setAccelerator(KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> b.fire());
        m.disableProperty().bind(b.disabledProperty());
        return m;
    }

    private static Button button(Node dock, String id) {
        Node n = dock.lookup(id);
        if (!(n instanceof Button b)) {
            throw new IllegalStateException("the training dock has no " + id);
        }
        return b;
    }
}
