package dev.deepwire.ui;

import dev.deepwire.training.RunState;
import dev.deepwire.ui.editor.GraphCanvas;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * View ▸ Presenting Mode: the workbench on a projector, for a room. The canvas gets the window (the palette, block
 * inspector, training dock and minimap hide, and come back as they were when it ends: {@link WorkbenchLayout#presentingMode}),
 * every text is larger (the scene root's font size, {@value #STYLE} in workbench.css, and the windows this one opens
 * while it lasts) and Fit view never zooms out so far that a block's title reads under {@value #TITLE_FLOOR} px. A run
 * started while presenting shows the dock (its charts are what the room watches). A view preference, remembered
 * with the layout; not an edit of the project.
 */
final class Presenting {
    /** The style class on the scene's root while presenting. */
    static final String STYLE = "presenting";
    /** The least a block's title reads on screen at Fit view while presenting, in px. */
    static final double TITLE_FLOOR = 12;
    /** The preference that remembers it. */
    static final String KEY = "presenting";
    /** Its keys (shown in the menu). */
    static final String KEYS = "Shortcut+Shift+F";

    private final CheckMenuItem item = new CheckMenuItem("P_resenting Mode");
    private final Parent root;
    private final WorkbenchLayout layout;
    private final GraphCanvas canvas;

    Presenting(Parent root, WorkbenchLayout layout, GraphCanvas canvas, Preferences prefs, ObservableValue<RunState> phase) {
        this.root = root;
        this.layout = layout;
        this.canvas = canvas;
        item.setId("presenting-mode");
        item.setAccelerator(KeyCombination.keyCombination(KEYS));
        item.setSelected(prefs.getBoolean(KEY, false));
        show(item.isSelected());
        item.selectedProperty().addListener((o, was, on) -> {
            prefs.putBoolean(KEY, on);
            show(on);
        });
        phase.addListener((o, was, now) -> {
            if (now == RunState.STARTING && item.isSelected() && !layout.dockShownProperty().get()) {
                layout.dockShownProperty().set(true); // for the while: hidden again as it was when presenting ends
                canvas.fitWhenLaidOut(); // the canvas is shorter: the whole drawing in it again
            }
        });
        // a window opened from this one while presenting (Attention Inspector, Runs…, a question) reads as large
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, a, window) -> watchOwned(window));
                watchOwned(scene.getWindow());
            }
        });
    }

    /** View ▸ Presenting Mode (checked while presenting). */
    CheckMenuItem menuItem() {
        return item;
    }

    /** Whether presenting now. */
    BooleanProperty onProperty() {
        return item.selectedProperty();
    }

    private void show(boolean on) {
        root.getStyleClass().remove(STYLE);
        if (on) {
            root.getStyleClass().add(STYLE);
        }
        layout.presentingMode(on);
        canvas.setTitleFloor(on ? TITLE_FLOOR : 0);
        canvas.fitWhenLaidOut(); // the canvas has other room: the whole drawing in it again
    }

    private boolean watching;

    private void watchOwned(Window window) {
        if (window == null || watching) {
            return;
        }
        watching = true;
        Window.getWindows().addListener((javafx.collections.ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(w -> {
                    if (w instanceof Stage s && ownedBy(s, window)) {
                        mark(s.getScene());
                        s.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> mark(s.getScene()));
                    }
                });
            }
        });
    }

    private void mark(Scene scene) {
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().getStyleClass().remove(STYLE);
            if (item.isSelected()) {
                scene.getRoot().getStyleClass().add(STYLE);
            }
        }
    }

    private static boolean ownedBy(Stage s, Window window) {
        for (Window w = s.getOwner(); w != null; w = w instanceof Stage st ? st.getOwner() : null) {
            if (w == window) {
                return true;
            }
        }
        return false;
    }
}
