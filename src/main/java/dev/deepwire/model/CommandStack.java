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
    /** Each command's serial number, in step with the two stacks: the top of {@code undoSerials} names the state. */
    private final Deque<Long> undoSerials = new ArrayDeque<>();
    private final Deque<Long> redoSerials = new ArrayDeque<>();
    private long nextSerial = 1;
    private final List<Consumer<CommandStack>> listeners = new CopyOnWriteArrayList<>();
    private final List<StepListener> stepListeners = new CopyOnWriteArrayList<>();

    /** What a step did to a command: it was done (first time), undone, or done again. */
    public enum Step {
        DONE, UNDONE, REDONE
    }

    /** Told of each step taken, before the change listeners: the one place that says what happened. */
    public interface StepListener {
        void stepped(Step step, Command command);
    }
    private boolean running;
    private long revision;
    private long savedState;

    public CommandStack(Graph graph) {
        this.graph = graph;
    }

    public Graph graph() {
        return graph;
    }

    /** Runs a command and records it; a failing command leaves history untouched. */
    public void execute(Command command) {
        guard(Step.DONE, command, () -> {
            command.execute(graph);
            undo.push(command);
            undoSerials.push(nextSerial++);
            redo.clear();
            redoSerials.clear();
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
        Command c = undo.peek();
        guard(Step.UNDONE, c, () -> {
            c.undo(graph);
            redo.push(undo.pop());
            redoSerials.push(undoSerials.pop());
        });
    }

    public void redo() {
        if (redo.isEmpty()) {
            throw new IllegalStateException("nothing to redo");
        }
        Command c = redo.peek();
        guard(Step.REDONE, c, () -> {
            c.execute(graph);
            undo.push(redo.pop());
            undoSerials.push(redoSerials.pop());
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

    /**
     * Which state the history is in: the serial number of the last command done (0 before any). Undoing back to a
     * state gives its number again; a new command after an undo gets a new one.
     */
    public long state() {
        return undoSerials.isEmpty() ? 0 : undoSerials.peek();
    }

    public void markSaved() {
        savedState = state();
        listeners.forEach(l -> l.accept(this));
    }

    /** Marks the graph as not saved anywhere yet (e.g. work recovered after a crash). */
    public void markUnsaved() {
        savedState = -1;
        listeners.forEach(l -> l.accept(this));
    }

    /** Whether the state differs from the saved one (undoing back to the saved state makes it clean again). */
    public boolean isDirty() {
        return state() != savedState;
    }

    public void addListener(Consumer<CommandStack> listener) {
        listeners.add(listener);
    }

    /** Adds a listener told which command each step did, undid or redid ({@link StepListener}). */
    public void addStepListener(StepListener listener) {
        stepListeners.add(listener);
    }


    /**
     * Runs a step, then tells the step listeners what it was and then the change listeners: what the step did is said
     * first, so what follows from it (step mode ended by the edit) is said after it and stays.
     */
    private void guard(Step step, Command command, Runnable r) {
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
        stepListeners.forEach(l -> l.stepped(step, command));
        listeners.forEach(l -> l.accept(this));
    }
}
