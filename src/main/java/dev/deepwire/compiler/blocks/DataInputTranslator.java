package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.model.TensorShape;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;

/** Network inputs other than token sequences: their shape comes from their parameters alone. */
public final class DataInputTranslator implements BlockTranslator {
    private final String id;
    private final Function<NodeContext, TensorShape> shape;

    private DataInputTranslator(String id, Function<NodeContext, TensorShape> shape) {
        this.id = id;
        this.shape = shape;
    }

    public static List<BlockTranslator> all() {
        return List.of(
                new DataInputTranslator("vector_input", n -> TensorShape.vector(n.intParam("features"))),
                new DataInputTranslator("image_input",
                        n -> TensorShape.image(n.intParam("channels"), n.intParam("height"), n.intParam("width"))),
                new DataInputTranslator("sequence_input",
                        n -> TensorShape.sequence(n.intParam("features"), n.intParam("length"), n.boolParam("masked"))),
                new DataInputTranslator("id_input", n -> TensorShape.id(n.intParam("count"))));
    }

    @Override
    public String blockId() {
        return id;
    }

    @Override
    public Inferred infer(NodeContext n) {
        return Inferred.single(shape.apply(n), 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        // Inputs are declared by the compiler, in graph order.
    }
}
