package dev.deepwire.model;

/**
 * Adds, changes (text or place) or removes a canvas note, undoably. {@code before} null means add,
 * {@code after} null means remove.
 */
public final class NoteCommand implements Command {
    private final Note before;
    private final Note after;
    private int index = -1;

    private NoteCommand(Note before, Note after) {
        this.before = before;
        this.after = after;
    }

    public static NoteCommand add(Note note) {
        return new NoteCommand(null, note);
    }

    public static NoteCommand remove(Note note) {
        return new NoteCommand(note, null);
    }

    public static NoteCommand change(Note before, Note after) {
        return new NoteCommand(before, after);
    }

    @Override
    public void execute(Graph graph) {
        if (before == null) {
            graph.insertNote(graph.notes().size(), after);
        } else if (after == null) {
            index = graph.removeNote(before.id());
        } else {
            graph.replaceNote(after);
        }
    }

    @Override
    public void undo(Graph graph) {
        if (before == null) {
            graph.removeNote(after.id());
        } else if (after == null) {
            graph.insertNote(index, before);
        } else {
            graph.replaceNote(before);
        }
    }

    @Override
    public String description() {
        return before == null ? "Add note" : after == null ? "Delete note" : !before.text().equals(after.text())
                ? "Edit note" : "Move note";
    }
}
