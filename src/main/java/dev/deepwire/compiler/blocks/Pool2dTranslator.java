package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/** {@code pool2d}: DL4J's {@link SubsamplingLayer}, windows that do not fit at the edge dropped (Truncate). */
public final class Pool2dTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "pool2d";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireImage(n.input("in"), "Pooling 2D");
        int k = n.intParam("kernel");
        int s = n.intParam("stride");
        int h = in.dims().get(1);
        int w = in.dims().get(2);
        if (k > h || k > w) {
            throw new ShapeProblem("a " + k + " × " + k + " window does not fit a " + h + " × " + w
                    + " image; set the window to at most " + Math.min(h, w) + " or remove this block");
        }
        return Inferred.single(TensorShape.image(in.features(), Conv2dTranslator.outSize(h, k, s, false),
                Conv2dTranslator.outSize(w, k, s, false)), 0);
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        int k = n.intParam("kernel");
        int s = n.intParam("stride");
        PoolingType type = n.stringParam("mode").equals("mean") ? PoolingType.AVG : PoolingType.MAX;
        b.addLayer(n.id(), new SubsamplingLayer.Builder(type).kernelSize(k, k).stride(s, s)
                .convolutionMode(ConvolutionMode.Truncate).build(), n.inputVertex("in"));
    }
}
