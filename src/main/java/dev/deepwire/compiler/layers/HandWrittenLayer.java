package dev.deepwire.compiler.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Base of DeepWire's layers written by hand on ND4J arrays (forward and backward), used where a
 * SameDiff layer costs too much per step. Shape-preserving; sizes come from DeepWire's shape inference.
 */
public abstract class HandWrittenLayer extends BaseLayer {

    /** The running layer for this configuration. */
    protected abstract org.deeplearning4j.nn.layers.BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType);

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int index, INDArray paramsView, boolean initializeParams,
                                                       DataType dataType) {
        return LayerWiring.wire(create(conf, dataType), conf, listeners, index, paramsView, initializeParams, initializer());
    }

    /** The layer's optimizer, run as a Java loop where it has a host version ({@link HostUpdater}: Adagrad). */
    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return HostUpdater.of(super.getUpdaterByParam(paramName));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // Sizes come from DeepWire's shape inference.
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long n = initializer().numParams(this);
        return new LayerMemoryReport.Builder(layerName, getClass(), inputType, inputType)
                .standardMemory(n, 2 * n).workingMemory(0, 0, 0, 0)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS).build();
    }
}
