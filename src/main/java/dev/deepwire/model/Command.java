package dev.deepwire.model;

/**
 * One undoable edit of a graph. {@link #execute} and {@link #undo} must be exact inverses; a command
 * never starts another command (compound edits are built up front with {@link CompoundCommand}).
 */
public interface Command {
    void execute(Graph graph);

    void undo(Graph graph);

    /** What the Edit menu shows after "Undo"/"Redo", e.g. "Connect emb → attention". */
    String description();
}
