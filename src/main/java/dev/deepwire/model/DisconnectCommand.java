package dev.deepwire.model;

/** Removes a wire; undo restores it at its place in the wire order. */
public final class DisconnectCommand implements Command {
    private final Edge edge;
    private int index;

    public DisconnectCommand(Edge edge) {
        this.edge = edge;
    }

    @Override
    public void execute(Graph graph) {
        index = graph.disconnect(edge);
    }

    @Override
    public void undo(Graph graph) {
        graph.insertEdge(index, edge);
    }

    @Override
    public String description() {
        return "Disconnect " + edge.from().nodeId() + " → " + edge.to().nodeId();
    }
}
