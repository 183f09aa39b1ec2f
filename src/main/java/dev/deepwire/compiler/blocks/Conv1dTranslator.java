package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;

/** {@code conv1d}: DL4J's {@link Convolution1DLayer} on NCW sequences (stride 1), masks carried along. */
public final class Conv1dTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "conv1d";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireSequence(n.input("in"), "Convolution 1D");
        int k = n.intParam("kernel");
        boolean same = n.stringParam("padding").equals("same");
        if (!same && k > in.length()) {
            throw new ShapeProblem("a kernel of " + k + " positions does not fit a sequence of " + in.length()
                    + " without padding; set padding to same or kernel to at most " + in.length());
        }
        int f = n.intParam("filters");
        int length = same ? in.length() : in.length() - k + 1;
        return Inferred.single(TensorShape.sequence(f, length, in.masked()), (long) k * in.features() * f + f);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        b.addLayer(n.id(), new Convolution1DLayer.Builder().kernelSize(n.intParam("kernel")).stride(1)
                .nIn(n.input("in").features()).nOut(n.intParam("filters"))
                .activation(ActivationNames.of(n.stringParam("activation")))
                .convolutionMode(n.stringParam("padding").equals("same") ? ConvolutionMode.Same : ConvolutionMode.Truncate)
                .rnnDataFormat(RNNFormat.NCW).build(), n.inputVertex("in"));
    }
}
