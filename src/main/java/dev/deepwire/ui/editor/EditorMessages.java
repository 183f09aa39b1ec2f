package dev.deepwire.ui.editor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The editor's message line and its run lock: a refusal (a bad value, a refused wire) stays until an edit goes
 * through; while a run is going the graph is read-only and edits are refused with a message that goes when it ends.
 */
final class EditorMessages {
    private static final String READ_ONLY = "The graph is read-only while training; stop the run to edit it";
    private final ObjectProperty<String> message = new SimpleObjectProperty<>("");
    private final BooleanProperty locked = new SimpleBooleanProperty();
    /** The last refusal shown: a later successful edit clears it. */
    private String refusal;

    ObjectProperty<String> message() {
        return message;
    }

    BooleanProperty locked() {
        return locked;
    }

    void setLocked(boolean value) {
        locked.set(value);
        if (!value && READ_ONLY.equals(message.get())) {
            message.set(""); // the run ended: the graph can be edited again
        }
    }

    void refuse(String why) {
        refusal = why;
        message.set(why);
    }

    /** True (and says so) while the graph is locked by a run. */
    boolean refuseWhileLocked() {
        if (locked.get()) {
            refuse(READ_ONLY);
            return true;
        }
        return false;
    }

    /** An edit went through: the last refusal no longer holds. */
    void edited() {
        if (refusal != null && refusal.equals(message.get())) {
            message.set("");
        }
        refusal = null;
    }
}
