package dev.deepwire.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one undo/redo history of a graph. Refuses re-entrant use (a command that starts another) and
 * counts revisions so views can tell whether anything changed and whether the project is dirty.
 */
public final class CommandStack {
    private final Graph graph;
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private final List<Consumer<CommandStack>> listeners = new CopyOnWriteArrayList<>();
    private boolean running;
    private long revision;
    private long savedRevision;

    public CommandStack(Graph graph) {
        this.graph = graph;
    }

    public Graph graph() {
        return graph;
    }

    /** Runs a command and records it; a failing command leaves history untouched. */
    public void execute(Command command) {
        guard(() -> {
            command.execute(graph);
            undo.push(command);
            redo.clear();
        });
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (undo.isEmpty()) {
            throw new IllegalStateException("nothing to undo");
        }
        guard(() -> {
            Command c = undo.peek();
            c.undo(graph);
            redo.push(undo.pop());
        });
    }

    public void redo() {
        if (redo.isEmpty()) {
            throw new IllegalStateException("nothing to redo");
        }
        guard(() -> {
            Command c = redo.peek();
            c.execute(graph);
            undo.push(redo.pop());
        });
    }

    /** "Undo Connect emb → attention", or empty when there is nothing to undo. */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(c -> "Undo " + c.description());
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(c -> "Redo " + c.description());
    }

    /** Increases with every change, undo and redo included. */
    public long revision() {
        return revision;
    }

    public void markSaved() {
        savedRevision = revision;
        listeners.forEach(l -> l.accept(this));
    }

    /** Marks the graph as not saved anywhere yet (e.g. work recovered after a crash). */
    public void markUnsaved() {
        savedRevision = -1;
        listeners.forEach(l -> l.accept(this));
    }

    public boolean isDirty() {
        return revision != savedRevision;
    }

    public void addListener(Consumer<CommandStack> listener) {
        listeners.add(listener);
    }

    private void guard(Runnable r) {
        if (running) {
            throw new IllegalStateException("a command may not start another command");
        }
        running = true;
        try {
            r.run();
            revision++;
        } finally {
            running = false;
        }
        listeners.forEach(l -> l.accept(this));
    }
}
