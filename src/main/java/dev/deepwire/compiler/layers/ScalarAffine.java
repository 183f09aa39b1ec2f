package dev.deepwire.compiler.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code y = a·x (+ c)} with learned scalars: the weights α, β of weighted-sum fusion, and TransE's
 * margin ({@code γ − d}). Any input shape.
 */
public class ScalarAffine extends HandWrittenLayer implements JavaExpressible {
    public static final String SCALE = "scale";
    public static final String SHIFT = "shift";

    private double initialScale;
    private double initialShift;
    private boolean shifted;

    public ScalarAffine() {
        // for JSON
    }

    public ScalarAffine(double initialScale, double initialShift, boolean shifted) {
        this.initialScale = initialScale;
        this.initialShift = initialShift;
        this.shifted = shifted;
    }

    public double getInitialScale() {
        return initialScale;
    }

    public void setInitialScale(double initialScale) {
        this.initialScale = initialScale;
    }

    public double getInitialShift() {
        return initialShift;
    }

    public void setInitialShift(double initialShift) {
        this.initialShift = initialShift;
    }

    public boolean isShifted() {
        return shifted;
    }

    public void setShifted(boolean shifted) {
        this.shifted = shifted;
    }

    @Override
    protected BaseLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new ScalarAffineImpl(conf, dataType);
    }

    @Override
    public String javaExpression() {
        return "new ScalarAffine(" + JavaExpressible.d(initialScale) + ", " + JavaExpressible.d(initialShift) + ", " + shifted + ")";
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    static final class Params extends NamedParams {
        static final Params INSTANCE = new Params();

        @Override
        String[] names(Layer layer) {
            return ((ScalarAffine) layer).shifted ? new String[] {SCALE, SHIFT} : new String[] {SCALE};
        }

        @Override
        long[][] shapes(Layer layer) {
            return ((ScalarAffine) layer).shifted ? new long[][] {{1, 1}, {1, 1}} : new long[][] {{1, 1}};
        }

        @Override
        List<String> biases(Layer layer) {
            return ((ScalarAffine) layer).shifted ? List.of(SHIFT) : List.of();
        }

        @Override
        void initialize(Layer layer, Map<String, INDArray> p) {
            ScalarAffine s = (ScalarAffine) layer;
            p.get(SCALE).assign(s.initialScale);
            if (s.shifted) {
                p.get(SHIFT).assign(s.initialShift);
            }
        }
    }
}
