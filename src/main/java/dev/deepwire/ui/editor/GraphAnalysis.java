package dev.deepwire.ui.editor;

import dev.deepwire.compiler.ShapeReport;
import dev.deepwire.model.Issue;
import java.util.List;
import java.util.Map;

/** Shapes and issues of one revision of the graph (the editor's analysis: its badges, quick fixes and status bar). */
public record GraphAnalysis(long revision, ShapeReport shapes, List<Issue> issues, boolean complete) {
    static final GraphAnalysis EMPTY = new GraphAnalysis(-1, new ShapeReport(Map.of(), Map.of(), Map.of(), List.of()), List.of());

    /** The graph's own analysis; {@code complete} once further checks (the data) have added theirs. */
    public GraphAnalysis(long revision, ShapeReport shapes, List<Issue> issues) {
        this(revision, shapes, issues, false);
    }

    public List<Issue> issuesOf(String nodeId) {
        return issues.stream().filter(i -> nodeId.equals(i.nodeId())).toList();
    }
}
