package dev.deepwire.compiler;

import dev.deepwire.model.Edge;
import dev.deepwire.model.Issue;
import dev.deepwire.model.TensorShape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What shape inference found: each node's output shapes and parameter count, each wire's shape, and
 * the problems (attached to nodes). Nodes after a problem have no shapes.
 */
public record ShapeReport(Map<String, Map<String, TensorShape>> outputs, Map<Edge, TensorShape> edgeShapes,
                          Map<String, Long> paramCounts, List<Issue> issues) {

    public ShapeReport {
        outputs = Map.copyOf(outputs);
        edgeShapes = Map.copyOf(edgeShapes);
        paramCounts = Map.copyOf(paramCounts);
        issues = List.copyOf(issues);
    }

    public Optional<TensorShape> shapeOf(Edge edge) {
        return Optional.ofNullable(edgeShapes.get(edge));
    }

    /** The node's main output shape ({@code out}), if inferred. */
    public Optional<TensorShape> outputOf(String nodeId) {
        return Optional.ofNullable(outputs.getOrDefault(nodeId, Map.of()).get("out"));
    }

    public long totalParams() {
        return paramCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The report for these nodes only (the part of a graph that is built), wires between them included. */
    public ShapeReport only(Set<String> nodeIds) {
        Map<String, Map<String, TensorShape>> o = new HashMap<>(outputs);
        o.keySet().retainAll(nodeIds);
        Map<String, Long> p = new HashMap<>(paramCounts);
        p.keySet().retainAll(nodeIds);
        Map<Edge, TensorShape> e = new HashMap<>();
        edgeShapes.forEach((edge, shape) -> {
            if (nodeIds.contains(edge.from().nodeId()) && nodeIds.contains(edge.to().nodeId())) {
                e.put(edge, shape);
            }
        });
        return new ShapeReport(o, e, p, issues);
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(Issue::isError);
    }
}
