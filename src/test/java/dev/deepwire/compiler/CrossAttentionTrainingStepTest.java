package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * A graph with cross-attention (a vertex with its own parameters, updated by DL4J's updater) takes exactly
 * the step plain SGD prescribes: every parameter moves by −lr · gradient / batch. DL4J's SameDiff
 * {@code AttentionVertex}, used before, failed this with workspaces on: the first step turned its parameters
 * and everything upstream into infinities (found training digits-caption).
 */
class CrossAttentionTrainingStepTest {

    @Test
    void oneSgdStepMovesEveryParameterByTheGradient() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph g = FamilyGraphs.crossModal().graph();
        double lr = 0.1;
        CompiledNetwork compiled = new GraphCompiler(BlockCatalog.standard())
                .compile(g, new CompileOptions(DataType.FLOAT, 3, new Sgd(lr))).orThrow();
        ComputationGraph net = compiled.instantiate();
        int batch = 8;
        RandomBatch data = RandomBatch.of(g, compiled, batch, 2, DataType.FLOAT, 4);
        net.setInputs(data.inputs());
        net.setLabels(data.labels());
        net.setLayerMaskArrays(data.masks(), null);
        net.computeGradientAndScore();
        Map<String, INDArray> gradients = new HashMap<>();
        net.gradient().gradientForVariable().forEach((k, v) -> gradients.put(k, v.dup()));
        Map<String, INDArray> before = new HashMap<>();
        net.paramTable().forEach((k, v) -> before.put(k, v.dup()));
        net.clearLayerMaskArrays();
        net.fit(new MultiDataSet(data.inputs(), data.labels(), data.masks(), null));
        assertThat(gradients).containsKeys("look_Wq", "look_Wo", "words_W");
        for (var e : gradients.entrySet()) {
            INDArray moved = net.paramTable().get(e.getKey()).sub(before.get(e.getKey()));
            INDArray expected = e.getValue().mul(-lr / batch);
            assertThat(moved.equalsWithEps(expected, 1e-4)).as(e.getKey() + " moved " + moved.norm2Number()
                    + ", expected " + expected.norm2Number()).isTrue();
        }
    }
}
