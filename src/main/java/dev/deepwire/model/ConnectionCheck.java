package dev.deepwire.model;

/** Whether a wire may be drawn between two ports, with the reason the editor shows. */
public record ConnectionCheck(boolean allowed, String message) {
    public static ConnectionCheck ok(String message) {
        return new ConnectionCheck(true, message);
    }

    public static ConnectionCheck refused(String message) {
        return new ConnectionCheck(false, message);
    }
}
