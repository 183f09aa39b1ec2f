package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.TokenEmbedding;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code token_embedding}, vocabulary taken from the input's id range: DeepWire's {@link TokenEmbedding} for
 * vocabularies up to {@value TokenEmbedding#MAX_VOCABULARY} tokens, DL4J's EmbeddingSequenceLayer above.
 */
public final class TokenEmbeddingTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "token_embedding";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = n.input("in");
        if (in.kind() != PortKind.TOKEN_IDS) {
            throw new ShapeProblem("Token embedding takes token ids but gets " + in.kind().label() + " " + in
                    + "; wire a Token sequence input into it");
        }
        int dim = n.intParam("dim");
        return Inferred.single(TensorShape.sequence(dim, in.length(), in.masked()), (long) in.range() * dim);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        TensorShape in = n.input("in");
        if (in.range() <= TokenEmbedding.MAX_VOCABULARY) {
            b.addLayer(n.id(), new TokenEmbedding(in.range(), n.intParam("dim"), in.length(), n.doubleParam("init_scale")),
                    n.inputVertex("in"));
            return;
        }
        b.addLayer(n.id(), new EmbeddingSequenceLayer.Builder()
                .nIn(in.range()).nOut(n.intParam("dim")).inputLength(in.length())
                .hasBias(false).activation(Activation.IDENTITY)
                .outputDataFormat(RNNFormat.NCW)
                .weightInit(new WeightInitDistribution(new NormalDistribution(0, n.doubleParam("init_scale"))))
                .build(), n.inputVertex("in"));
    }
}
