package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.inputs.InputType;

/** A hand-written layer without parameters that turns each example's sequence [f, T] into one vector [f]. */
abstract class SequenceToVector extends HandWrittenLayer {

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(((InputType.InputTypeRecurrent) inputType).getSize());
    }

    @Override
    public ParamInitializer initializer() {
        return NoParams.INSTANCE;
    }
}
