package dev.deepwire.model;

/** Changes the label a node shows (its id, used in files and by DL4J, stays). */
public final class RenameNodeCommand implements Command {
    private final String nodeId;
    private final String label;
    private String old;
    private String said;

    public RenameNodeCommand(String nodeId, String label) {
        this.nodeId = nodeId;
        this.label = label;
    }

    @Override
    public void execute(Graph graph) {
        old = graph.require(nodeId).label();
        said = said != null ? said : "Rename " + Said.block(graph, nodeId) + " to " + Said.quoted(label);
        graph.setLabel(nodeId, label);
    }

    @Override
    public void undo(Graph graph) {
        graph.setLabel(nodeId, old);
    }

    @Override
    public String description() {
        return said != null ? said : "Rename " + nodeId + " to " + Said.quoted(label);
    }
}
