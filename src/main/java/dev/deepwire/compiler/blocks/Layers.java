package dev.deepwire.compiler.blocks;

import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.nd4j.linalg.activations.Activation;

/** DL4J layer configurations shared by several translators. */
final class Layers {
    private Layers() {
    }

    /** A dense layer on a vector, or the same dense layer at every position of an NCW sequence. */
    static Layer dense(TensorShape in, int units, Activation activation) {
        DenseLayer dense = new DenseLayer.Builder().nIn(in.features()).nOut(units).activation(activation).build();
        return in.kind() == PortKind.SEQUENCE ? new TimeDistributed(dense, RNNFormat.NCW) : dense;
    }

    static long denseParams(TensorShape in, int units) {
        return (long) in.features() * units + units;
    }
}
