package dev.deepwire.compiler;

import dev.deepwire.model.TensorShape;
import java.util.Map;

/** A node's output shapes by port name and its number of trainable parameters. */
public record Inferred(Map<String, TensorShape> outputs, long params) {
    public static Inferred single(TensorShape out, long params) {
        return new Inferred(Map.of("out", out), params);
    }

    public static Inferred none(long params) {
        return new Inferred(Map.of(), params);
    }
}
