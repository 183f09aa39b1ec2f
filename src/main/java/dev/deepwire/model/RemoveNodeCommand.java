package dev.deepwire.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes a node, its wires and its place in its group (a group left with no blocks goes too); undo puts all of them
 * back where they were.
 */
public final class RemoveNodeCommand implements Command {
    private final String nodeId;
    private Node removed;
    private int nodeIndex;
    private final List<Edge> removedEdges = new ArrayList<>();
    private final List<Integer> edgeIndices = new ArrayList<>();
    /** The groups that held the node, as they were, with their index where the group went with it (else -1). */
    private final List<NodeGroup> groupsBefore = new ArrayList<>();
    private final List<Integer> groupIndices = new ArrayList<>();

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
        groupsBefore.clear();
        groupIndices.clear();
        for (NodeGroup g : List.copyOf(graph.groups())) {
            if (!g.members().contains(nodeId)) {
                continue;
            }
            groupsBefore.add(g);
            Set<String> rest = new LinkedHashSet<>(g.members());
            rest.remove(nodeId);
            if (rest.isEmpty()) {
                groupIndices.add(graph.removeGroup(g.id()));
            } else {
                graph.replaceGroup(new NodeGroup(g.id(), g.label(), rest, g.collapsed()));
                groupIndices.add(-1);
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
        for (int i = groupsBefore.size() - 1; i >= 0; i--) {
            if (groupIndices.get(i) >= 0) {
                graph.insertGroup(groupIndices.get(i), groupsBefore.get(i));
            } else {
                graph.replaceGroup(groupsBefore.get(i));
            }
        }
    }

    @Override
    public String description() {
        if (removed == null) {
            return "Delete " + nodeId;
        }
        String name = removed.label() == null || removed.label().isBlank() ? nodeId : Said.quoted(removed.label());
        return "Delete " + name + (removedEdges.isEmpty() ? "" : " and " + Said.wires(removedEdges.size()));
    }
}
