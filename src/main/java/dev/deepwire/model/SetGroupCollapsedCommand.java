package dev.deepwire.model;

/** Collapses a group into one box, or expands it again. */
public final class SetGroupCollapsedCommand implements Command {
    private final String groupId;
    private final boolean collapsed;
    private boolean before;
    private String label;

    public SetGroupCollapsedCommand(String groupId, boolean collapsed) {
        this.groupId = groupId;
        this.collapsed = collapsed;
    }

    @Override
    public void execute(Graph graph) {
        NodeGroup g = graph.group(groupId).orElseThrow(() -> new IllegalArgumentException("no group '" + groupId + "'"));
        before = g.collapsed();
        label = g.label();
        graph.replaceGroup(g.withCollapsed(collapsed));
    }

    @Override
    public void undo(Graph graph) {
        graph.replaceGroup(graph.group(groupId).orElseThrow().withCollapsed(before));
    }

    @Override
    public String description() {
        // the group as the canvas names it ("Expand The part that reads the tokens"), not its id
        return (collapsed ? "Collapse " : "Expand ") + (label == null || label.isBlank() ? groupId : label);
    }
}
