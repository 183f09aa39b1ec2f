package dev.deepwire.cli;

/** A command that cannot go on: printed as one line on standard error, then the process exits with the code. */
final class CliException extends Exception {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
