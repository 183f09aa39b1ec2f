package dev.deepwire.model;

import java.util.Objects;

/** A wire from an output port to an input port. Its id is readable and stable: {@code from->to}. */
public record Edge(Port from, Port to) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public String id() {
        return from + "->" + to;
    }

    public boolean touches(String nodeId) {
        return from.nodeId().equals(nodeId) || to.nodeId().equals(nodeId);
    }

    @Override
    public String toString() {
        return id();
    }
}
