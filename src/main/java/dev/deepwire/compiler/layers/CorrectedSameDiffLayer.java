package dev.deepwire.compiler.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * Base of DeepWire's SameDiff layers. DL4J 1.0.0-M2.1 returns twice the true gradient from every
 * SameDiff layer (see docs/decisions/0002); the output is rewritten as {@code h + stopGradient(h)} with
 * {@code h = out / 2}: the same value, half the gradient. Gradient-check tests hold this in place.
 * The compiler sets sizes explicitly, so input types never override them.
 */
public abstract class CorrectedSameDiffLayer extends SameDiffLayer {

    @Override
    public final SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        return halveGradient(sd, define(sd, input, params, mask));
    }

    /** The layer's forward computation; gradients are corrected by the caller. */
    protected abstract SDVariable define(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask);

    /** Same value, half the gradient. */
    public static SDVariable halveGradient(SameDiff sd, SDVariable out) {
        SDVariable half = out.mul(0.5);
        return half.add(new StopGradient(sd, half).outputVariable());
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // Sizes come from DeepWire's own shape inference; DL4J's would overwrite them.
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    /** Applies one of the catalog's activations by name. */
    static SDVariable activate(SameDiff sd, String activation, SDVariable x) {
        return switch (activation) {
            case "relu" -> sd.nn.relu(x, 0.0);
            case "gelu" -> sd.nn.gelu(x);
            case "tanh" -> sd.math.tanh(x);
            case "sigmoid" -> sd.nn.sigmoid(x);
            case "identity" -> x;
            default -> throw new IllegalArgumentException("unknown activation " + activation);
        };
    }
}
