package dev.deepwire.model;

/** Changes the label a node shows (its id, used in files and by DL4J, stays). */
public final class RenameNodeCommand implements Command {
    private final String nodeId;
    private final String label;
    private String old;

    public RenameNodeCommand(String nodeId, String label) {
        this.nodeId = nodeId;
        this.label = label;
    }

    @Override
    public void execute(Graph graph) {
        old = graph.require(nodeId).label();
        graph.setLabel(nodeId, label);
    }

    @Override
    public void undo(Graph graph) {
        graph.setLabel(nodeId, old);
    }

    @Override
    public String description() {
        return "Rename " + nodeId + " to " + label;
    }
}
