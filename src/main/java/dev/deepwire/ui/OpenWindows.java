package dev.deepwire.ui;

import dev.deepwire.ui.training.TrainingViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The workbench windows open in this application. Quit (Ctrl+Q in any window) quits them all: where projects are
 * training it asks once and stops their runs first (quitting once they have ended), then it asks about each window
 * with unsaved work (that window brought to the front), and closes nothing if one answer is Cancel.
 */
final class OpenWindows {
    private static final Map<Stage, Open> OPEN = new LinkedHashMap<>();

    /** What Quit needs of a window: its files (unsaved work) and its training (a run to stop first). */
    private record Open(ProjectFiles files, TrainingViewModel training) {
    }

    private OpenWindows() {
    }

    /** Called once a window's files exist; the window leaves the list when it is hidden. */
    static void add(Stage stage, ProjectFiles files, TrainingViewModel training) {
        Open open = new Open(files, training);
        OPEN.put(stage, open);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            if (OPEN.get(stage) == open) {
                OPEN.remove(stage);
            }
        });
    }

    private static final KeyCombination QUIT = KeyCombination.keyCombination("Shortcut+Q");
    private static boolean everyWindow;

    /**
     * Ctrl+Q quits from every window the workbench opens (the attention inspector, Evaluate and Prune, the projector…),
     * as from a workbench window's own menu; modal dialogs excepted (they are answered first). Installed once.
     */
    static void quitFromEveryWindow() {
        if (everyWindow) {
            return;
        }
        everyWindow = true;
        Window.getWindows().forEach(OpenWindows::listen);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(OpenWindows::listen);
            }
        });
    }

    private static void listen(Window w) {
        if (!(w instanceof Stage s) || w.getProperties().containsKey(QUIT)) {
            return;
        }
        w.getProperties().put(QUIT, Boolean.TRUE);
        if (w.getScene() != null) {
            listen(s, w.getScene());
        }
        w.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                listen(s, now);
            }
        });
    }

    private static void listen(Stage s, Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (QUIT.match(e) && !OPEN.containsKey(s) && s.getModality() == Modality.NONE && !OPEN.isEmpty()) {
                e.consume();
                Window owner = s;
                while (owner instanceof Stage st && !OPEN.containsKey(st) && st.getOwner() != null) {
                    owner = st.getOwner();
                }
                quit(owner instanceof Stage st && OPEN.containsKey(st) ? st : OPEN.keySet().iterator().next());
            }
        });
    }

    /**
     * Brings to the front the other workbench window that has {@code file} open, if one has: two windows on one file
     * would each save over the other's work. Returns whether one had it.
     */
    static boolean toFrontIfOpenElsewhere(java.nio.file.Path file, Window from) {
        for (Map.Entry<Stage, Open> e : OPEN.entrySet()) {
            java.nio.file.Path theirs = e.getValue().files().fileProperty().get();
            if (e.getKey() != from && e.getKey().isShowing() && theirs != null && sameFile(theirs, file)) {
                e.getKey().toFront();
                e.getKey().requestFocus();
                e.getValue().files().say(dev.deepwire.limits.ShownName.line(file) + " is open here: brought to the front instead of opening it "
                        + "in a second window, where each would save over the other");
                return true;
            }
        }
        return false;
    }

    private static boolean sameFile(java.nio.file.Path a, java.nio.file.Path b) {
        try {
            return java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException | SecurityException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    static int count() {
        return OPEN.size();
    }

    /** Quits the application from {@code from}: that window is asked about first. Returns whether all closed. */
    static boolean quit(Stage from) {
        List<Stage> order = new ArrayList<>();
        if (OPEN.containsKey(from)) {
            order.add(from);
        }
        OPEN.keySet().stream().filter(s -> s != from).forEach(order::add);
        if (!ClosingWhileTraining.maySweepsStop(from, order, "Quit")
                || !ClosingWhileTraining.mayCloseNow(from, order.stream().map(s -> OPEN.get(s).training()).toList(), "Quit",
                () -> quit(from))) {
            return false;
        }
        for (Stage s : order) {
            ProjectFiles files = OPEN.containsKey(s) ? OPEN.get(s).files() : null;
            if (files != null && s.isShowing()) {
                s.toFront();
                if (!files.confirmDiscard("quitting DeepWire")) {
                    return false;
                }
            }
        }
        order.forEach(Stage::close);
        return true;
    }
}
