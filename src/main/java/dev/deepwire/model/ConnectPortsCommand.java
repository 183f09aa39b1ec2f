package dev.deepwire.model;

/** Draws a wire; undo removes it. Callers check it first with {@link GraphChecker#canConnect}. */
public final class ConnectPortsCommand implements Command {
    private final Edge edge;
    /** The description, in labels, taken when first done. */
    private String said;

    public ConnectPortsCommand(Port from, Port to) {
        this.edge = new Edge(from, to);
    }

    @Override
    public void execute(Graph graph) {
        if (said == null) {
            said = "Connect " + Said.block(graph, edge.from().nodeId()) + " to " + Said.input(graph, edge.to());
        }
        graph.connect(edge);
    }

    @Override
    public void undo(Graph graph) {
        graph.disconnect(edge);
    }

    @Override
    public String description() {
        return said != null ? said : "Connect " + edge.from().nodeId() + " to " + edge.to().nodeId();
    }
}
