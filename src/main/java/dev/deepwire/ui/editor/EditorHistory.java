package dev.deepwire.ui.editor;

import dev.deepwire.model.CommandStack;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Undo and redo as the window offers them: on only while there is a step to take and no run holds the graph (menus and
 * buttons bind to {@link #canUndo}, {@link #canRedo}), each step taken named on the message line ("Undo Connect …").
 */
final class EditorHistory {
    private final Supplier<CommandStack> stack;
    private final EditorMessages messages;
    private final ReadOnlyBooleanWrapper canUndo;
    private final ReadOnlyBooleanWrapper canRedo;

    /** @param stack the project's undo history now (another project, another stack) */
    EditorHistory(Object bean, Supplier<CommandStack> stack, EditorMessages messages) {
        this.stack = stack;
        this.messages = messages;
        this.canUndo = new ReadOnlyBooleanWrapper(bean, "canUndo");
        this.canRedo = new ReadOnlyBooleanWrapper(bean, "canRedo");
        messages.locked().addListener((o, was, is) -> update());
    }

    ReadOnlyBooleanProperty canUndo() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedo() {
        return canRedo.getReadOnlyProperty();
    }

    /** After any change of the history or of the run lock. */
    void update() {
        boolean free = !messages.locked().get();
        canUndo.set(free && stack.get().canUndo());
        canRedo.set(free && stack.get().canRedo());
    }

    void undo() {
        if (messages.refuseWhileLocked()) {
            return;
        }
        CommandStack s = stack.get();
        if (s.canUndo()) {
            s.undo(); // said by the editor's one listener on the history: "Undid: …"
        }
    }

    void redo() {
        if (messages.refuseWhileLocked()) {
            return;
        }
        CommandStack s = stack.get();
        if (s.canRedo()) {
            s.redo();
        }
    }
}
