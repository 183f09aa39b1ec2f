package dev.deepwire.model;

/** Changes one parameter of a node; {@code null} removes it (back to the default). */
public final class SetParamCommand implements Command {
    private final String nodeId;
    private final String name;
    private final Object value;
    private Object old;
    private String said;

    public SetParamCommand(String nodeId, String name, Object value) {
        this.nodeId = nodeId;
        this.name = name;
        this.value = value;
    }

    @Override
    public void execute(Graph graph) {
        old = graph.require(nodeId).param(name);
        said = said != null ? said : "Set " + Said.block(graph, nodeId) + " " + name + (value == null ? " back to its default" : " to " + value);
        graph.setParam(nodeId, name, value);
    }

    @Override
    public void undo(Graph graph) {
        graph.setParam(nodeId, name, old);
    }

    @Override
    public String description() {
        return said != null ? said : "Set " + nodeId + "." + name + " to " + value;
    }
}
