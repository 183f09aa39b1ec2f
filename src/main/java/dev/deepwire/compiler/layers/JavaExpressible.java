package dev.deepwire.compiler.layers;

/** A DeepWire layer or vertex that can write the Java expression constructing it (for the Java source export). */
public interface JavaExpressible {
    /** E.g. {@code new SelfAttention(64L, 4)}, using the class's simple name. */
    String javaExpression();

    /** A double as Java source that reads back to the same value. */
    static String d(double v) {
        return Double.toString(v);
    }
}
