package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Common input checks for translators, with messages that say what to insert or change. */
final class Shapes {
    private Shapes() {
    }

    static TensorShape requireSequence(TensorShape in, String block) throws ShapeProblem {
        if (in.kind() != PortKind.SEQUENCE) {
            throw new ShapeProblem(block + " takes a sequence [features × length] but gets " + in.kind().label() + " "
                    + in + (in.kind() == PortKind.TOKEN_IDS ? "; put a Token embedding in front" : ""));
        }
        return in;
    }

    static TensorShape requireVector(TensorShape in, String block) throws ShapeProblem {
        if (in.kind() != PortKind.VECTOR) {
            throw new ShapeProblem(block + " takes a vector but gets " + in.kind().label() + " " + in
                    + (in.kind() == PortKind.SEQUENCE ? "; pool over time first (Pool over time), or use "
                    + "Position-wise feed-forward to work per position" : ""));
        }
        return in;
    }

    static TensorShape requireFloat(TensorShape in, String block) throws ShapeProblem {
        if (in.kind() != PortKind.SEQUENCE && in.kind() != PortKind.VECTOR) {
            throw new ShapeProblem(block + " takes a sequence or vector but gets " + in.kind().label() + " " + in
                    + "; put an embedding in front");
        }
        return in;
    }

    static TensorShape requireImage(TensorShape in, String block) throws ShapeProblem {
        if (in.kind() != PortKind.IMAGE) {
            throw new ShapeProblem(block + " takes an image but gets " + in.kind().label() + " " + in
                    + (in.kind() == PortKind.VECTOR ? "; read the vector as an image with Reshape first" : ""));
        }
        return in;
    }

    static TensorShape requireId(TensorShape in, String block) throws ShapeProblem {
        if (in.kind() != PortKind.ID) {
            throw new ShapeProblem(block + " takes one id per example but gets " + in.kind().label() + " " + in
                    + "; wire an Id input into it");
        }
        return in;
    }

    /** Vectors or sequences whose sizes must all be equal; the message names the input to project. */
    static TensorShape requireSameSize(String block, Map<String, TensorShape> inputs) throws ShapeProblem {
        TensorShape first = null;
        String firstName = null;
        for (var e : inputs.entrySet()) {
            TensorShape s = requireFloat(e.getValue(), block);
            if (first == null) {
                first = s;
                firstName = e.getKey();
            } else if (!first.sameSizeAs(s)) {
                throw new ShapeProblem(block + " needs inputs of one size, but " + firstName + " is "
                        + first.kind().label() + " " + first + " and " + e.getKey() + " is " + s.kind().label() + " " + s
                        + "; " + projectAdvice(e.getKey(), s, first));
            }
        }
        return first;
    }

    /** How to make {@code name} (shape {@code s}) fit {@code target}. */
    static String projectAdvice(String name, TensorShape s, TensorShape target) {
        if (s.kind() != target.kind()) {
            return "make both vectors (Pool over time on the sequence) or both sequences";
        }
        if (s.kind() == PortKind.SEQUENCE && s.length() != target.length()) {
            return "the sequences differ in length (" + s.length() + " and " + target.length() + "); pool both to vectors";
        }
        return "project " + name + " to " + target.features() + " features with "
                + (s.kind() == PortKind.SEQUENCE ? "Position-wise dense" : "Dense") + " (units = " + target.features() + ")";
    }

    /** Checks that {@code heads} divides the feature size {@code d}, listing the head counts that would. */
    static void requireHeads(int d, int heads) throws ShapeProblem {
        if (d % heads != 0) {
            String fits = IntStream.rangeClosed(1, Math.min(d, 64)).filter(h -> d % h == 0)
                    .mapToObj(String::valueOf).collect(Collectors.joining(", "));
            throw new ShapeProblem("feature size " + d + " does not divide into " + heads + " heads; use one of "
                    + fits + " heads, or change the feature size");
        }
    }
}
