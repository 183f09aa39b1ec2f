package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.nd4j.linalg.activations.Activation;

/** {@code lstm}: DL4J's {@link LSTM} on NCW sequences; bidirectional concatenates both directions. */
public final class LstmTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "lstm";
    }

    private static boolean both(NodeContext n) {
        return n.stringParam("direction").equals("bidirectional");
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireSequence(n.input("in"), "LSTM");
        long u = n.intParam("units");
        long one = 4 * u * (in.features() + u + 1);
        int directions = both(n) ? 2 : 1;
        return Inferred.single(TensorShape.sequence((int) u * directions, in.length(), in.masked()), one * directions);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        LSTM lstm = new LSTM.Builder().nIn(n.input("in").features()).nOut(n.intParam("units"))
                .activation(Activation.TANH).dataFormat(RNNFormat.NCW).build();
        b.addLayer(n.id(), both(n) ? new Bidirectional(Bidirectional.Mode.CONCAT, lstm) : lstm, n.inputVertex("in"));
    }
}
