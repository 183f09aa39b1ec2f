package dev.deepwire.cli;

/** Exit codes, documented in the README. */
public final class ExitCodes {
    /** Success; for validate: the project is valid. */
    public static final int OK = 0;
    /** The project is invalid (validate), or training failed (train). */
    public static final int INVALID = 1;
    /** Bad arguments, or a file that cannot be read or parsed. */
    public static final int BAD_INPUT = 2;
    /** An unexpected internal error (a bug: please report it). */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
