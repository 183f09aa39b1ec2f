package dev.deepwire.model;

/** Dissolves a group; its blocks stay where they are. */
public final class UngroupCommand implements Command {
    private final String groupId;
    private NodeGroup removed;
    private int index;

    public UngroupCommand(String groupId) {
        this.groupId = groupId;
    }

    @Override
    public void execute(Graph graph) {
        removed = graph.group(groupId).orElseThrow(() -> new IllegalArgumentException("no group '" + groupId + "'"));
        index = graph.removeGroup(groupId);
    }

    @Override
    public void undo(Graph graph) {
        graph.insertGroup(index, removed);
    }

    @Override
    public String description() {
        return "Ungroup " + (removed == null ? groupId : removed.label());
    }
}
