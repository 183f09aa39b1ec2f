package dev.deepwire.compiler.layers;

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
}
