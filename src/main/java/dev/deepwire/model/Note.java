package dev.deepwire.model;

import java.util.Objects;

/**
 * A text note on the canvas (samples use them to teach). Purely visual: the compiler never reads notes.
 */
public record Note(String id, String text, double x, double y) {
    public Note {
        Objects.requireNonNull(id, "id");
        text = text == null ? "" : text;
    }

    public Note withText(String t) {
        return new Note(id, t, x, y);
    }

    public Note at(double nx, double ny) {
        return new Note(id, text, nx, ny);
    }
}
