package dev.deepwire.ui.editor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * The one key map of the editor: which keys do what, for the canvas and the menus alike. Keyboard focus has one
 * owner: while a text input has it (a note being written, quick-add's or the palette's search, an inspector or
 * settings field, the typed-text box), single keys type text and shortcuts that also mean something to text
 * (undo, copy, paste, select all) act on that text, never on the graph.
 */
public final class KeyMap {
    private KeyMap() {
    }

    /** An editor action and its keys (the first one is shown in the menus). */
    public enum Action {
        DELETE("Delete the selected blocks, wires and notes", "Delete", "Backspace"),
        QUICK_ADD("Add a block by name", "Space"),
        FIT_VIEW("Fit the whole network in view", "F", "Period"),
        UNDO("Undo", "Shortcut+Z"),
        REDO("Redo", "Shortcut+Y", "Shortcut+Shift+Z"),
        COPY("Copy", "Shortcut+C"),
        PASTE("Paste", "Shortcut+V"),
        PASTE_KEEPING_WIRES("Paste keeping incoming wires", "Shortcut+Shift+V"),
        DUPLICATE("Duplicate", "Shortcut+D"),
        SELECT_ALL("Select all", "Shortcut+A"),
        /** The block to the right (←, ↑, ↓: that way); in step mode the next block (→) and the previous one (←). */
        STEP_NEXT("Select the block to the right (step through: the next block)", "Right"),
        STEP_PREVIOUS("Select the block to the left (step through: the previous block)", "Left"),
        SELECT_ABOVE("Select the block above", "Up"),
        SELECT_BELOW("Select the block below", "Down"),
        ADD_TOWARD("Add the block that way to the selection", "Shift+Right", "Shift+Left", "Shift+Up", "Shift+Down"),
        WIRE_SELECTED("Wire the two selected blocks (an output of one into a free input of the other)", "W");

        private final String description;
        private final List<KeyCombination> keys;

        Action(String description, String... keys) {
            this.description = description;
            this.keys = Arrays.stream(keys).map(KeyCombination::keyCombination).toList();
        }

        /** What the action does, as Help ▸ Keyboard Shortcuts lists it. */
        public String description() {
            return description;
        }

        /** All its keys, the one shown in menus first. */
        public List<KeyCombination> keys() {
            return keys;
        }

        /** The key shown beside the menu item. */
        public KeyCombination accelerator() {
            return keys.get(0);
        }

        /** A key without Ctrl/Alt/Meta: it only ever acts on the canvas, and never while text is being typed. */
        public boolean singleKey() {
            KeyCombination k = keys.get(0);
            return k.getControl() != KeyCombination.ModifierValue.DOWN && k.getShortcut() != KeyCombination.ModifierValue.DOWN
                    && k.getAlt() != KeyCombination.ModifierValue.DOWN && k.getMeta() != KeyCombination.ModifierValue.DOWN;
        }

        /** Shown in menus for single keys, e.g. "F on the canvas". */
        public String hint() {
            return keys.get(0).getDisplayText();
        }

        boolean matches(KeyEvent e) {
            return keys.stream().anyMatch(k -> k.match(e));
        }
    }

    /** The action a key press means, if any. */
    public static Optional<Action> match(KeyEvent e) {
        return Arrays.stream(Action.values()).filter(a -> a.matches(e)).findFirst();
    }

    /**
     * The text input that has the keyboard in this window: its own focus owner, or one in a popup it shows
     * (quick-add's search lives in a popup whose unused keys JavaFX hands back to the window).
     */
    public static Optional<Node> typingIn(Scene scene) {
        if (scene == null) {
            return Optional.empty();
        }
        if (isTextInput(scene.getFocusOwner())) {
            return Optional.of(scene.getFocusOwner());
        }
        Window owner = scene.getWindow();
        for (Window w : Window.getWindows()) {
            if (w instanceof PopupWindow p && p.isShowing() && p.getOwnerWindow() == owner && p.getScene() != null
                    && isTextInput(p.getScene().getFocusOwner())) {
                return Optional.of(p.getScene().getFocusOwner());
            }
        }
        return Optional.empty();
    }

    /** Whether a node takes typed text (a text field or area, or an editable combo box). */
    public static boolean isTextInput(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at instanceof TextInputControl t) {
                return t.isEditable();
            }
            if (at instanceof ComboBoxBase<?> c) {
                return c.isEditable();
            }
        }
        return false;
    }

    /**
     * Runs an action's editor meaning, or — while a text input has the keyboard — its meaning for that text
     * (undo, redo, copy, paste, select all); single keys then do nothing here (the text input types them).
     */
    public static void perform(Action action, Scene scene, Runnable onGraph) {
        Optional<Node> typing = typingIn(scene);
        if (typing.isEmpty()) {
            onGraph.run();
            return;
        }
        if (!(typing.get() instanceof TextInputControl t)) {
            return;
        }
        switch (action) {
            case UNDO -> t.undo();
            case REDO -> t.redo();
            case COPY -> t.copy();
            case PASTE, PASTE_KEEPING_WIRES -> t.paste();
            case SELECT_ALL -> t.selectAll();
            default -> {
                // A single key or an editor-only shortcut: the text keeps the keyboard.
            }
        }
    }
}
