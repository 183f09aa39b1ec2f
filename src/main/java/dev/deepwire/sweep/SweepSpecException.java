package dev.deepwire.sweep;

/** A sweep that cannot start as asked (an unknown key, block or parameter, a value that does not parse): the message
 * names what is wrong and what is allowed. Nothing has run when it is thrown. */
public final class SweepSpecException extends Exception {
    public SweepSpecException(String message) {
        super(message);
    }
}
