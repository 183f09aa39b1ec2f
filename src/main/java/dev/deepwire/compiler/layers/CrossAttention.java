package dev.deepwire.compiler.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.graph.AttentionVertex;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * Multi-head cross-attention: DL4J's {@link AttentionVertex} (inputs queries, keys, values; the keys'
 * mask honoured) with its doubled SameDiff gradient halved. The value is unchanged:
 * {@code h = out/2; return h + stopGradient(h)}, so only half the gradient flows back — the correction
 * {@code docs/decisions} describes, proven by a gradient check. Parameters {@code Wq, Wk, Wv [heads, hs, d]}
 * and {@code Wo [heads·hs, nOut]}, as ND4J's {@code multi_head_dot_product_attention} op takes them.
 */
public class CrossAttention extends AttentionVertex implements JavaExpressible {

    public CrossAttention() {
        // for JSON
    }

    public static CrossAttention of(long queries, long keys, long nOut, int heads) {
        CrossAttention a = new CrossAttention();
        a.setNInQueries(queries);
        a.setNInKeys(keys);
        a.setNInValues(keys);
        a.setNOut(nOut);
        a.setNHeads(heads);
        a.setHeadSize(queries / heads);
        a.setProjectInput(true);
        a.setWeightInit(WeightInit.XAVIER);
        return a;
    }

    @Override
    public SDVariable defineVertex(SameDiff sd, Map<String, SDVariable> inputs, Map<String, SDVariable> params,
                                   Map<String, SDVariable> masks) {
        SDVariable out = super.defineVertex(sd, inputs, params, masks);
        SDVariable half = out.mul(0.5);
        return half.add(new StopGradient(sd, half).outputVariable());
    }

    @Override
    public String javaExpression() {
        return "CrossAttention.of(" + getNInQueries() + "L, " + getNInKeys() + "L, " + getNOut() + "L, " + getNHeads() + ")";
    }

    @Override
    public CrossAttention clone() {
        CrossAttention c = of(getNInQueries(), getNInKeys(), getNOut(), getNHeads());
        c.weightInit = weightInit;
        c.updater = updater;
        c.biasUpdater = biasUpdater;
        c.regularization = regularization;
        c.regularizationBias = regularizationBias;
        c.gradientNormalization = gradientNormalization;
        c.gradientNormalizationThreshold = gradientNormalizationThreshold;
        c.dataType = dataType;
        return c;
    }
}
