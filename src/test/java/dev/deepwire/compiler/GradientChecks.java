package dev.deepwire.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import dev.deepwire.model.PortKind;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Runs DL4J's numerical gradient check on a compiled graph in double precision with random data. */
final class GradientChecks {
    private GradientChecks() {
    }

    /**
     * @param maskedFrom when ≥ 0, examples get padding masks: example i keeps positions {@code < T − i} (at
     *                   least {@code maskedFrom})
     */
    static void assertGradientsMatch(Graph graph, int batch, int maskedFrom) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        CompiledNetwork compiled = new GraphCompiler(BlockCatalog.standard())
                .compile(graph, CompileOptions.forGradientCheck(12345)).orThrow();
        ComputationGraph net = compiled.instantiate();
        Random r = new Random(3);
        INDArray[] inputs = new INDArray[compiled.inputs().size()];
        INDArray[] masks = null;
        for (int i = 0; i < inputs.length; i++) {
            var shape = compiled.inputs().get(i).shape();
            if (shape.kind() == PortKind.TOKEN_IDS) {
                double[][] ids = new double[batch][shape.length()];
                for (double[] row : ids) {
                    for (int t = 0; t < row.length; t++) {
                        row[t] = r.nextInt(shape.range());
                    }
                }
                inputs[i] = Nd4j.createFromArray(ids);
                if (maskedFrom >= 0) {
                    masks = new INDArray[inputs.length];
                    double[][] m = new double[batch][shape.length()];
                    for (int b = 0; b < batch; b++) {
                        int keep = Math.max(maskedFrom, shape.length() - b);
                        for (int t = 0; t < keep; t++) {
                            m[b][t] = 1;
                        }
                    }
                    masks[i] = Nd4j.createFromArray(m);
                }
            } else {
                throw new IllegalArgumentException("no random data for " + shape);
            }
        }
        INDArray[] labels = new INDArray[compiled.outputs().size()];
        for (int i = 0; i < labels.length; i++) {
            int classes = compiled.outputs().get(i).size();
            labels[i] = Nd4j.zeros(DataType.DOUBLE, batch, classes);
            for (int b = 0; b < batch; b++) {
                labels[i].putScalar(b, r.nextInt(classes), 1.0);
            }
        }
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
                .inputs(inputs).labels(labels).inputMask(masks)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        assertTrue(ok, "analytic and numeric gradients differ; see the log above for the parameters");
    }
}
