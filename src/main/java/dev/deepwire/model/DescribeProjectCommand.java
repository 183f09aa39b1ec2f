package dev.deepwire.model;

import java.util.Objects;

/** An undoable change of the project's description (what the inspector shows as "About …" and a teacher reads aloud). */
public final class DescribeProjectCommand implements Command {
    private final Project project;
    private final String before;
    private final String after;

    public DescribeProjectCommand(Project project, String after) {
        this.project = Objects.requireNonNull(project);
        this.before = project.description();
        this.after = Objects.requireNonNull(after);
    }

    @Override
    public void execute(Graph graph) {
        project.setDescription(after);
    }

    @Override
    public void undo(Graph graph) {
        project.setDescription(before);
    }

    @Override
    public String description() {
        return after.isBlank() ? "Remove the project's description" : "Describe the project";
    }
}
