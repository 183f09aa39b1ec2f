package dev.deepwire.io;

import dev.deepwire.limits.MessageText;

/**
 * A project file that cannot be read: the message names the place (JSON path or line and column) and
 * says how to fix it. Never carries a stack trace to the user.
 */
public final class ProjectFormatException extends Exception {
    private final String location;

    public ProjectFormatException(String location, String message) {
        super(MessageText.shorten(location == null || location.isEmpty() ? message
                : location + ": " + message)); // an id or key of 300,000 characters is quoted by its start
        this.location = location;
    }

    /** A JSON path such as {@code nodes[2].params.heads}, or {@code line 12, column 5}. */
    public String location() {
        return location;
    }
}
