package dev.deepwire.model;

/** Moves a node to a new canvas position (pushed once when a drag ends). */
public final class MoveNodeCommand implements Command {
    private final String nodeId;
    private final double x;
    private final double y;
    private double oldX;
    private double oldY;
    private String said;

    public MoveNodeCommand(String nodeId, double x, double y) {
        this.nodeId = nodeId;
        this.x = x;
        this.y = y;
    }

    @Override
    public void execute(Graph graph) {
        Node n = graph.require(nodeId);
        said = said != null ? said : Said.block(graph, nodeId);
        oldX = n.x();
        oldY = n.y();
        graph.moveNode(nodeId, x, y);
    }

    @Override
    public void undo(Graph graph) {
        graph.moveNode(nodeId, oldX, oldY);
    }

    @Override
    public String description() {
        return "Move " + (said != null ? said : nodeId);
    }
}
