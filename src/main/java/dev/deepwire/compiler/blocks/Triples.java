package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input checks shared by the knowledge-graph scorers. */
final class Triples {
    private Triples() {
    }

    static Map<String, TensorShape> vectors(NodeContext n, String block) throws ShapeProblem {
        Map<String, TensorShape> in = new LinkedHashMap<>();
        for (String p : new String[] {"head", "relation", "tail"}) {
            in.put(p, Shapes.requireVector(n.input(p), block));
        }
        return in;
    }

    /** The common size of head, relation and tail, or a problem naming the embedding to resize. */
    static int sameSize(NodeContext n, String block) throws ShapeProblem {
        Map<String, TensorShape> in = vectors(n, block);
        int d = in.get("head").features();
        for (var e : in.entrySet()) {
            if (e.getValue().features() != d) {
                throw new ShapeProblem(block + " needs head, relation and tail vectors of one size, but head has "
                        + d + " and " + e.getKey() + " has " + e.getValue().features() + "; set the " + e.getKey()
                        + "'s embedding size to " + d);
            }
        }
        return d;
    }
}
