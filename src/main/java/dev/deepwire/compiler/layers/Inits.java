package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Parameter initialisations shared by DeepWire's layers (drawn from ND4J's seeded generator). */
final class Inits {
    private Inits() {
    }

    /** Glorot/Xavier uniform: U(−a, a), a = √(6 / (fanIn + fanOut)). */
    static void xavierUniform(INDArray target, long fanIn, long fanOut) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        INDArray r = Nd4j.rand(target.dataType(), target.shape()).muli(2 * a).subi(a);
        target.assign(r);
    }

    /** Normal with mean 0 and the given standard deviation. */
    static void normal(INDArray target, double std) {
        target.assign(Nd4j.randn(target.dataType(), target.shape()).muli(std));
    }

    /**
     * Normal(0, std) drawn as DL4J's {@code WeightInitDistribution} draws an embedding table: the flat view
     * filled in order and read column-major. Same numbers as DL4J's embedding layers from the same seed.
     */
    static void normalLikeDl4jTable(INDArray target, double std) {
        INDArray flat = Nd4j.create(target.dataType(), target.length());
        INDArray drawn = new WeightInitDistribution(
                new NormalDistribution(0, std))
                .init(target.size(0), target.size(1), target.shape(), 'f', flat);
        target.assign(drawn);
    }
}
