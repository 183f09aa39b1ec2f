package dev.deepwire.io;

import dev.deepwire.limits.MessageText;

/**
 * A project file that cannot be read: the message names the place (JSON path or line and column) and
 * says how to fix it. Never carries a stack trace to the user.
 */
public final class ProjectFormatException extends Exception {
    private final String location;
    private final String problem;
    private final boolean invalidContent;

    public ProjectFormatException(String location, String message) {
        this(location, message, false);
    }

    private ProjectFormatException(String location, String message, boolean invalidContent) {
        super(MessageText.shorten(location == null || location.isEmpty() ? message
                : location + ": " + message)); // an id or key of 300,000 characters is quoted by its start
        this.location = location;
        this.problem = message;
        this.invalidContent = invalidContent;
    }

    /**
     * The same problem, found in a file that is a DeepWire project (JSON of this format and a version this DeepWire
     * reads) whose content is wrong — a setting out of range, a wire to no block: the project is invalid (exit code 1),
     * as a block setting out of range is, where a file that is no project at all cannot be used (2).
     */
    ProjectFormatException asInvalidContent() {
        return invalidContent ? this : new ProjectFormatException(location, problem, true);
    }

    /** Whether the file is a project of this format whose content is wrong ({@link #asInvalidContent}). */
    public boolean invalidContent() {
        return invalidContent;
    }

    /** A JSON path such as {@code nodes[2].params.heads}, or {@code line 12, column 5}. */
    public String location() {
        return location;
    }
}
