package dev.deepwire.model;

/**
 * A problem found in a graph, attached to the node it concerns (or to none for graph-wide problems).
 * The message says what is wrong and how to fix it.
 */
public record Issue(Severity severity, String nodeId, String message) {

    public enum Severity { ERROR, WARN }

    public static Issue error(String nodeId, String message) {
        return new Issue(Severity.ERROR, nodeId, message);
    }

    public static Issue warn(String nodeId, String message) {
        return new Issue(Severity.WARN, nodeId, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form the command line prints: {@code ERROR <node-id>: <message>}. */
    @Override
    public String toString() {
        return severity + " " + (nodeId == null ? "graph" : nodeId) + ": " + message;
    }
}
