package dev.deepwire.model;

/** Removes a wire; undo restores it at its place in the wire order. */
public final class DisconnectCommand implements Command {
    private final Edge edge;
    private int index;
    /** The description, in labels, taken when first done. */
    private String said;

    public DisconnectCommand(Edge edge) {
        this.edge = edge;
    }

    @Override
    public void execute(Graph graph) {
        if (said == null) {
            said = "Disconnect " + Said.block(graph, edge.from().nodeId()) + " from " + Said.input(graph, edge.to());
        }
        index = graph.disconnect(edge);
    }

    @Override
    public void undo(Graph graph) {
        graph.insertEdge(index, edge);
    }

    @Override
    public String description() {
        return said != null ? said : "Disconnect " + edge.from().nodeId() + " from " + edge.to().nodeId();
    }
}
