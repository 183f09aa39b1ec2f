package dev.deepwire.compiler;

import dev.deepwire.compiler.layers.EntitySoftmaxLoss;
import dev.deepwire.compiler.layers.JavaExpressible;
import dev.deepwire.compiler.layers.LeanDenseLayer;
import dev.deepwire.compiler.layers.LeanOutputLayer;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.distribution.ConstantDistribution;
import org.deeplearning4j.nn.conf.distribution.Distribution;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.L2Vertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.graph.StackVertex;
import org.deeplearning4j.nn.conf.graph.UnstackVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SpaceToDepthLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The Java expression that rebuilds one layer or vertex of a compiled network ({@code new DenseLayer.Builder()…build()},
 * {@code new MergeVertex()}, DeepWire's own layers by their {@link JavaExpressible} text), for {@link JavaSourceExport}.
 */
final class JavaExpressions {
    private JavaExpressions() {
    }

    static String layer(Layer l) {
        if (l instanceof JavaExpressible j) {
            return j.javaExpression();
        }
        if (l instanceof LossLayer o && o.getLossFn() instanceof EntitySoftmaxLoss e) {
            return "new LossLayer.Builder(new EntitySoftmaxLoss(" + JavaExpressible.d(e.getSmoothing())
                    + ")).activation(Activation.IDENTITY).build()";
        }
        if (l instanceof TimeDistributed t) {
            return "new TimeDistributed(" + layer(t.getUnderlying()) + ", RNNFormat." + t.getRnnDataFormat() + ")";
        }
        if (l instanceof Bidirectional bi) {
            return "new Bidirectional(Bidirectional.Mode." + bi.getMode() + ", " + layer(bi.getFwd()) + ")";
        }
        String builder;
        if (l instanceof RnnOutputLayer o) {
            builder = "new RnnOutputLayer.Builder(LossFunction." + loss(o.getLossFn()) + ")" + sizes(o.getNIn(), o.getNOut())
                    + ".dataFormat(RNNFormat." + o.getRnnDataFormat() + ")";
        } else if (l instanceof OutputLayer o) {
            builder = "new OutputLayer.Builder(LossFunction." + loss(o.getLossFn()) + ")" + sizes(o.getNIn(), o.getNOut());
        } else if (l instanceof EmbeddingSequenceLayer e) {
            builder = "new EmbeddingSequenceLayer.Builder()" + sizes(e.getNIn(), e.getNOut()) + ".inputLength(" + e.getInputLength()
                    + ").hasBias(" + e.isHasBias() + ").outputDataFormat(RNNFormat." + e.getOutputFormat() + ")";
        } else if (l instanceof EmbeddingLayer e) {
            builder = "new EmbeddingLayer.Builder()" + sizes(e.getNIn(), e.getNOut()) + ".hasBias(" + e.isHasBias() + ")";
        } else if (l instanceof DenseLayer d) {
            builder = "new DenseLayer.Builder()" + sizes(d.getNIn(), d.getNOut());
        } else if (l instanceof Convolution1DLayer c) {
            builder = "new Convolution1DLayer.Builder().kernelSize(" + c.getKernelSize()[0] + ").stride(" + c.getStride()[0] + ")"
                    + sizes(c.getNIn(), c.getNOut()) + ".convolutionMode(ConvolutionMode." + c.getConvolutionMode()
                    + ").rnnDataFormat(RNNFormat." + c.getRnnDataFormat() + ")";
        } else if (l instanceof ConvolutionLayer c) {
            builder = "new ConvolutionLayer.Builder(" + c.getKernelSize()[0] + ", " + c.getKernelSize()[1] + ").stride("
                    + c.getStride()[0] + ", " + c.getStride()[1] + ")" + sizes(c.getNIn(), c.getNOut())
                    + ".convolutionMode(ConvolutionMode." + c.getConvolutionMode() + ")";
        } else if (l instanceof SubsamplingLayer s) {
            return "new SubsamplingLayer.Builder(PoolingType." + s.getPoolingType() + ").kernelSize(" + s.getKernelSize()[0] + ", "
                    + s.getKernelSize()[1] + ").stride(" + s.getStride()[0] + ", " + s.getStride()[1]
                    + ").convolutionMode(ConvolutionMode." + s.getConvolutionMode() + ").build()";
        } else if (l instanceof SpaceToDepthLayer d) {
            return "new SpaceToDepthLayer.Builder(" + d.getBlockSize() + ", CNN2DFormat." + d.getDataFormat() + ").build()";
        } else if (l instanceof GlobalPoolingLayer g) {
            return "new GlobalPoolingLayer.Builder(PoolingType." + g.getPoolingType() + ").collapseDimensions("
                    + g.isCollapseDimensions() + ").build()";
        } else if (l instanceof LSTM r) {
            builder = "new LSTM.Builder()" + sizes(r.getNIn(), r.getNOut()) + ".dataFormat(RNNFormat." + r.getRnnDataFormat() + ")";
        } else if (l instanceof BatchNormalization n) {
            return "new BatchNormalization.Builder()" + sizes(n.getNIn(), n.getNOut()) + ".decay(" + n.getDecay() + ").build()";
        } else if (l instanceof ActivationLayer a) {
            return "new ActivationLayer.Builder().activation(Activation." + activation(a.getActivationFn()) + ")"
                    + dropout(a) + ".build()";
        } else {
            throw new IllegalArgumentException("no Java export for " + l.getClass().getSimpleName());
        }
        BaseLayer base = (BaseLayer) l;
        String configured = builder + ".activation(Activation." + activation(base.getActivationFn()) + ")"
                + weightInit(base.getWeightInitFn()) + (base.getBiasInit() != 0 ? ".biasInit(" + base.getBiasInit() + ")" : "")
                + dropout(base);
        // DeepWire's output and dense layers are made from DL4J's (the exported source imports DeepWire's layers)
        if (l instanceof LeanDenseLayer) {
            return "LeanDenseLayer.of(" + configured + ".build())";
        }
        return l instanceof LeanOutputLayer ? "new LeanOutputLayer(" + configured + ")" : configured + ".build()";
    }

    private static String sizes(long nIn, long nOut) {
        return ".nIn(" + nIn + ").nOut(" + nOut + ")";
    }

    private static String dropout(Layer l) {
        return l.getIDropout() instanceof Dropout d ? ".dropOut(new Dropout(" + d.getP() + "))" : "";
    }

    private static String weightInit(IWeightInit w) {
        if (w instanceof WeightInitDistribution d) {
            Distribution dist = (Distribution) field(d, "distribution");
            if (dist instanceof NormalDistribution n) {
                return ".weightInit(new WeightInitDistribution(new NormalDistribution(" + n.getMean() + ", " + n.getStd() + ")))";
            }
            if (dist instanceof ConstantDistribution c) {
                return ".weightInit(new WeightInitDistribution(new ConstantDistribution(" + c.getValue() + ")))";
            }
        }
        return ""; // the network's default, Xavier
    }

    private static String activation(IActivation fn) {
        for (Activation a : Activation.values()) {
            try {
                if (a.getActivationFunction().getClass() == fn.getClass()) {
                    return a.name();
                }
            } catch (UnsupportedOperationException e) {
                // not every enum value has a function object
            }
        }
        throw new IllegalArgumentException("no Java export for activation " + fn);
    }

    private static String loss(ILossFunction fn) {
        if (fn instanceof LossMCXENT) {
            return "MCXENT";
        } else if (fn instanceof LossBinaryXENT) {
            return "XENT";
        } else if (fn instanceof LossMSE) {
            return "MSE";
        }
        throw new IllegalArgumentException("no Java export for loss " + fn);
    }

    static String vertex(GraphVertex v) {
        if (v instanceof JavaExpressible j) {
            return j.javaExpression();
        } else if (v instanceof ElementWiseVertex e) {
            return "new ElementWiseVertex(ElementWiseVertex.Op." + e.getOp() + ")";
        } else if (v instanceof MergeVertex) {
            return "new MergeVertex()";
        } else if (v instanceof StackVertex) {
            return "new StackVertex()";
        } else if (v instanceof UnstackVertex u) {
            return "new UnstackVertex(" + field(u, "from") + ", " + field(u, "stackSize") + ")";
        } else if (v instanceof L2Vertex l) {
            return "new L2Vertex(" + field(l, "eps") + ")";
        } else if (v instanceof ReshapeVertex r) {
            return "new ReshapeVertex('" + r.getReshapeOrder() + "', new int[] {" + Arrays.stream(r.getNewShape())
                    .mapToObj(String::valueOf).collect(Collectors.joining(", ")) + "}, null)";
        }
        throw new IllegalArgumentException("no Java export for " + v.getClass().getSimpleName());
    }

    private static Object field(Object o, String name) {
        try {
            Field f = o.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + name + " of " + o.getClass().getSimpleName(), e);
        }
    }
}
