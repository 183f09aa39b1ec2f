package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;

/** {@code conv2d}: DL4J's {@link ConvolutionLayer} on NCHW images, Same or Truncate (valid) mode. */
public final class Conv2dTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "conv2d";
    }

    /** Output size along one axis: same → ⌈n/s⌉, valid → ⌊(n − k)/s⌋ + 1. */
    static int outSize(int n, int k, int s, boolean same) {
        return same ? (n + s - 1) / s : (n - k) / s + 1;
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireImage(n.input("in"), "Convolution 2D");
        int k = n.intParam("kernel");
        int s = n.intParam("stride");
        boolean same = n.stringParam("padding").equals("same");
        int h = in.dims().get(1);
        int w = in.dims().get(2);
        if (!same && (k > h || k > w)) {
            throw new ShapeProblem("a " + k + " × " + k + " kernel does not fit a " + h + " × " + w
                    + " image without padding; set padding to same or kernel to at most " + Math.min(h, w));
        }
        int f = n.intParam("filters");
        return Inferred.single(TensorShape.image(f, outSize(h, k, s, same), outSize(w, k, s, same)),
                (long) k * k * in.features() * f + f);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        int k = n.intParam("kernel");
        int s = n.intParam("stride");
        b.addLayer(n.id(), new ConvolutionLayer.Builder(k, k).stride(s, s).nIn(n.input("in").features())
                .nOut(n.intParam("filters")).activation(ActivationNames.of(n.stringParam("activation")))
                .convolutionMode(n.stringParam("padding").equals("same") ? ConvolutionMode.Same : ConvolutionMode.Truncate)
                .build(), n.inputVertex("in"));
    }
}
