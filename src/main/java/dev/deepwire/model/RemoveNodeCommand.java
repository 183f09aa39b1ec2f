package dev.deepwire.model;

import java.util.ArrayList;
import java.util.List;

/** Deletes a node and its wires; undo puts both back where they were. */
public final class RemoveNodeCommand implements Command {
    private final String nodeId;
    private Node removed;
    private int nodeIndex;
    private final List<Edge> removedEdges = new ArrayList<>();
    private final List<Integer> edgeIndices = new ArrayList<>();

    public RemoveNodeCommand(String nodeId) {
        this.nodeId = nodeId;
    }

    @Override
    public void execute(Graph graph) {
        removed = graph.require(nodeId).copy();
        removedEdges.clear();
        edgeIndices.clear();
        for (Edge e : List.copyOf(graph.edges())) {
            if (e.touches(nodeId)) {
                edgeIndices.add(graph.disconnect(e) + 0);
                removedEdges.add(e);
            }
        }
        nodeIndex = graph.removeNode(nodeId);
    }

    @Override
    public void undo(Graph graph) {
        graph.insertNode(nodeIndex, removed.copy());
        // Edges were removed front to back, each index taken after the earlier removals: restore backwards.
        for (int i = removedEdges.size() - 1; i >= 0; i--) {
            graph.insertEdge(edgeIndices.get(i), removedEdges.get(i));
        }
    }

    @Override
    public String description() {
        return "Delete " + (removed == null ? nodeId : removed.label());
    }
}
