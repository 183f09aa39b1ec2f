package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.compiler.layers.LeanOutputLayer;
import dev.deepwire.model.TensorShape;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.distribution.ConstantDistribution;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The loss-producing blocks other than the softmax classifier. */
public final class OutputTranslators {
    private OutputTranslators() {
    }

    public static List<BlockTranslator> all() {
        return List.of(new Dense("sigmoid_output", "Sigmoid output", LossFunction.XENT, Activation.SIGMOID),
                new Dense("regression_output", "Regression output", LossFunction.MSE, Activation.IDENTITY),
                new PerStep(), new Link());
    }

    /** An output layer on a vector with {@code units} outputs. */
    static final class Dense implements BlockTranslator {
        private final String id;
        private final String label;
        private final LossFunction loss;
        private final Activation activation;

        Dense(String id, String label, LossFunction loss, Activation activation) {
            this.id = id;
            this.label = label;
            this.loss = loss;
            this.activation = activation;
        }

        @Override
        public String blockId() {
            return id;
        }

        @Override
        public Inferred infer(NodeContext n) throws ShapeProblem {
            TensorShape in = Shapes.requireVector(n.input("in"), label);
            long units = n.intParam("units");
            return Inferred.none(in.features() * units + units);
        }

        @Override
        public void build(NodeContext n, GraphBuilder b) {
            OutputLayer.Builder layer = new OutputLayer.Builder(loss).nIn(n.input("in").features()).nOut(n.intParam("units"))
                    .activation(activation);
            // cross-entropy outputs take their training loss from the backward pass (LeanOutputLayer); others as DL4J's
            b.addLayer(n.id(), loss == LossFunction.XENT ? new LeanOutputLayer(layer) : layer.build(), n.inputVertex("in"));
        }

        @Override
        public int labelSize(NodeContext n) {
            return n.intParam("units");
        }
    }

    /** {@code sequence_softmax_output}: an RNN output layer, one softmax per position, masked steps ignored. */
    static final class PerStep implements BlockTranslator {
        @Override
        public String blockId() {
            return "sequence_softmax_output";
        }

        @Override
        public Inferred infer(NodeContext n) throws ShapeProblem {
            TensorShape in = Shapes.requireSequence(n.input("in"), "Per-step softmax output");
            long classes = n.intParam("classes");
            return Inferred.none(in.features() * classes + classes);
        }

        @Override
        public void build(NodeContext n, GraphBuilder b) {
            b.addLayer(n.id(), new RnnOutputLayer.Builder(LossFunction.MCXENT).nIn(n.input("in").features())
                    .nOut(n.intParam("classes")).activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build(),
                    n.inputVertex("in"));
        }
    }

    /**
     * {@code link_prediction_output}: {@code σ(a·score + b)} with binary cross-entropy, {@code a} starting at 1 and
     * {@code b} at 0. (DL4J's parameter-free LossLayer reports a wrong training score in M2.1 — the sigmoid is
     * applied twice after backprop — so a 1 × 1 output layer is used.)
     */
    static final class Link implements BlockTranslator {
        @Override
        public String blockId() {
            return "link_prediction_output";
        }

        @Override
        public Inferred infer(NodeContext n) throws ShapeProblem {
            TensorShape in = Shapes.requireVector(n.input("in"), "Link prediction output");
            if (in.features() != 1) {
                throw new ShapeProblem("Link prediction output takes one score per triple but gets a vector of "
                        + in.features() + "; put a triple scorer (MLP triple scorer, DistMult, TransE) or a Dense "
                        + "with 1 unit and identity activation in front");
            }
            return Inferred.none(2);
        }

        @Override
        public void build(NodeContext n, GraphBuilder b) {
            b.addLayer(n.id(), new LeanOutputLayer(new OutputLayer.Builder(LossFunction.XENT).nIn(1).nOut(1)
                    .activation(Activation.SIGMOID).weightInit(new WeightInitDistribution(new ConstantDistribution(1.0)))
                    .biasInit(0)), n.inputVertex("in"));
        }

        @Override
        public int labelSize(NodeContext n) {
            return 1;
        }
    }
}
