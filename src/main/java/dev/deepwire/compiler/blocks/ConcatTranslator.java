package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.MergeVertex;

/** {@code concat}: DL4J's {@link MergeVertex} along features; kinds and sequence lengths checked here. */
public final class ConcatTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "concat";
    }

    static List<String> wired(NodeContext n) {
        List<String> ports = new ArrayList<>(List.of("a", "b"));
        if (n.has("c")) {
            ports.add("c");
        }
        return ports;
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape first = Shapes.requireFloat(n.input("a"), "Concatenate");
        int features = 0;
        boolean masked = false;
        for (String p : wired(n)) {
            TensorShape s = Shapes.requireFloat(n.input(p), "Concatenate");
            if (s.kind() != first.kind() || s.kind() == PortKind.SEQUENCE && s.length() != first.length()) {
                throw new ShapeProblem("cannot join " + first.kind().label() + " " + first + " (a) with "
                        + s.kind().label() + " " + s + " (" + p + "); " + Shapes.projectAdvice(p, s, first));
            }
            features += s.features();
            masked |= s.masked();
        }
        TensorShape out = first.kind() == PortKind.SEQUENCE ? TensorShape.sequence(features, first.length(), masked)
                : TensorShape.vector(features);
        return Inferred.single(out, 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addVertex(n.id(), new MergeVertex(), wired(n).stream().map(n::inputVertex).toArray(String[]::new));
    }
}
