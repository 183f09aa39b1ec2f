package dev.deepwire.data;

/** Data that cannot be used: the message names the file and line, or the setting, and the fix. */
public final class DataException extends Exception {
    public DataException(String message) {
        super(message);
    }
}
