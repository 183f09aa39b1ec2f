package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The hand-written layers keep their forward results for the backward pass in DL4J's activation workspace
 * (ForwardCache). Training with workspaces on must give exactly what training without them gives (where
 * every array is a plain allocation): same gradients, and the same parameters after several steps — which
 * also shows a kept array is never read after its workspace was reused by a later step.
 */
class WorkspaceTrainingTest {

    private static GraphFixture fixture(String name) {
        return switch (name) {
            case "transformer" -> TransformerGradientTest.transformer(true);
            case "cross-modal" -> FamilyGraphs.crossModal();
            case "knowledge-graph" -> FamilyGraphs.knowledgeGraph("concat");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static ComputationGraph net(ComputationGraphConfiguration conf, WorkspaceMode mode, INDArray params) {
        ComputationGraphConfiguration c = conf.clone();
        c.setTrainingWorkspaceMode(mode);
        c.setInferenceWorkspaceMode(mode);
        ComputationGraph net = new ComputationGraph(c);
        net.init(params.dup(), true);
        return net;
    }

    @ParameterizedTest
    @ValueSource(strings = {"transformer", "cross-modal", "knowledge-graph"})
    void workspacesChangeNothingInTraining(String name) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph g = fixture(name).graph();
        CompiledNetwork compiled = new GraphCompiler(BlockCatalog.standard())
                .compile(g, new CompileOptions(DataType.FLOAT, 7, new Adam(0.01))).orThrow();
        INDArray init = compiled.instantiate().params().dup();
        ComputationGraph with = net(compiled.configuration(), WorkspaceMode.ENABLED, init);
        ComputationGraph without = net(compiled.configuration(), WorkspaceMode.NONE, init);
        for (int step = 0; step < 4; step++) {
            RandomBatch data = RandomBatch.of(g, compiled, 6, 2, DataType.FLOAT, 10 + step);
            for (ComputationGraph n : new ComputationGraph[] {with, without}) {
                n.setInputs(data.inputs());
                n.setLabels(data.labels());
                n.setLayerMaskArrays(data.masks(), null);
                n.computeGradientAndScore();
            }
            INDArray gWith = with.gradient().gradient().dup();
            INDArray gWithout = without.gradient().gradient().dup();
            assertThat(gWith.norm2Number().doubleValue()).as("gradient norm").isGreaterThan(1e-6);
            assertThat(gWith.equalsWithEps(gWithout, 1e-5)).as("step %d gradients: %s vs %s", step,
                    gWith.norm2Number(), gWithout.norm2Number()).isTrue();
            for (ComputationGraph n : new ComputationGraph[] {with, without}) {
                n.clearLayerMaskArrays();
                n.fit(new MultiDataSet(data.inputs(), data.labels(), data.masks(), null));
            }
            assertThat(with.params().equalsWithEps(without.params(), 1e-4)).as("parameters after step %d", step).isTrue();
        }
    }
}
