package dev.deepwire.model;

/** Makes a named group from blocks; undo removes the group (never the blocks). */
public final class GroupNodesCommand implements Command {
    private final NodeGroup group;

    public GroupNodesCommand(NodeGroup group) {
        this.group = group;
    }

    @Override
    public void execute(Graph graph) {
        for (String id : group.members()) {
            graph.require(id);
            if (graph.groupOf(id).isPresent()) {
                throw new IllegalArgumentException(id + " is already in group " + graph.groupOf(id).get().label()
                        + "; ungroup it first");
            }
        }
        graph.insertGroup(graph.groups().size(), group);
    }

    @Override
    public void undo(Graph graph) {
        graph.removeGroup(group.id());
    }

    @Override
    public String description() {
        return "Group " + group.members().size() + " blocks as " + Said.quoted(group.label());
    }
}
