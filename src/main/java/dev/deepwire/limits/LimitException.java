package dev.deepwire.limits;

import java.io.IOException;

/** A file refused before it could exhaust memory or hang: the message names the file, the limit and its value. */
public final class LimitException extends IOException {
    public LimitException(String message) {
        super(message);
    }
}
