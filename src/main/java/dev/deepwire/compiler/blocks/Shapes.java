package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;

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
}
