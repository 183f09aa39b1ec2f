package dev.deepwire.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Several commands undone and redone as one (a multi-node delete, a paste). If a part fails, the parts
 * already done are undone so the graph is left as it was.
 */
public final class CompoundCommand implements Command {
    private final String description;
    private final List<Command> parts;

    public CompoundCommand(String description, List<? extends Command> parts) {
        this.description = description;
        this.parts = List.copyOf(parts);
    }

    @Override
    public void execute(Graph graph) {
        List<Command> done = new ArrayList<>();
        try {
            for (Command c : parts) {
                c.execute(graph);
                done.add(c);
            }
        } catch (RuntimeException e) {
            for (int i = done.size() - 1; i >= 0; i--) {
                done.get(i).undo(graph);
            }
            throw e;
        }
    }

    @Override
    public void undo(Graph graph) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).undo(graph);
        }
    }

    @Override
    public String description() {
        return description;
    }

    public List<Command> parts() {
        return parts;
    }
}
