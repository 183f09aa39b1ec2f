package dev.deepwire.model;

/** Draws a wire; undo removes it. Callers check it first with {@link GraphChecker#canConnect}. */
public final class ConnectPortsCommand implements Command {
    private final Edge edge;

    public ConnectPortsCommand(Port from, Port to) {
        this.edge = new Edge(from, to);
    }

    @Override
    public void execute(Graph graph) {
        graph.connect(edge);
    }

    @Override
    public void undo(Graph graph) {
        graph.disconnect(edge);
    }

    @Override
    public String description() {
        return "Connect " + edge.from().nodeId() + " → " + edge.to().nodeId();
    }
}
