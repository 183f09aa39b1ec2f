package dev.deepwire.model;

import java.util.Objects;

/**
 * One end of a wire: a node id and a port name. Written {@code node.port} in project files.
 */
public record Port(String nodeId, String name) {
    public Port {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(name, "name");
    }

    /** Parses {@code node.port}. */
    public static Port parse(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not of the form node.port");
        }
        return new Port(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return nodeId + "." + name;
    }
}
