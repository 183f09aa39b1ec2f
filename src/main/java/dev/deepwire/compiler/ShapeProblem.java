package dev.deepwire.compiler;

/** A shape rule a block's inputs break; the message says how to fix it and lands on the node. */
public final class ShapeProblem extends Exception {
    public ShapeProblem(String message) {
        super(message);
    }
}
