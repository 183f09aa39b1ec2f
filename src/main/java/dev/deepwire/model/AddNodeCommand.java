package dev.deepwire.model;

/** Places a new node on the canvas. */
public final class AddNodeCommand implements Command {
    private final Node node;

    public AddNodeCommand(Node node) {
        this.node = node.copy();
    }

    @Override
    public void execute(Graph graph) {
        graph.addNode(node.copy());
    }

    @Override
    public void undo(Graph graph) {
        graph.removeNode(node.id());
    }

    @Override
    public String description() {
        return "Add " + (node.label() == null || node.label().isBlank() ? node.id() : Said.quoted(node.label()));
    }
}
