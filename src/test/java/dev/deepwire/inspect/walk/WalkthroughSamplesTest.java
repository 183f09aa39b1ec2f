package dev.deepwire.inspect.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deepwire.compiler.VertexActivations;
import dev.deepwire.data.Dataset;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SampleFiles;
import dev.deepwire.training.PreparedRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every shipped sample can be stepped through: a step per block of the network, every tensor the vertex's activation,
 * attention rows that sum to 1, triple scorers with their top tails, and an output step whose tensor is the network's
 * output.
 */
class WalkthroughSamplesTest {
    static List<Path> samples() throws Exception {
        return SampleFiles.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleWalksFromItsInputsToItsOutput(Path file) throws Exception {
        Project p = new ProjectReader().read(file);
        PreparedRun run = PreparedRun.of(BlockCatalog.standard(), p.graph(), p.dataset(), p.training(), file.toAbsolutePath().getParent());
        assertThat(run.ok()).as(run.problem()).isTrue();
        ComputationGraph net = run.network().instantiate();
        Dataset one = run.data().validation().range(1, 2);
        // As the window does: the project compiled again, matched against the model (blocks that are vertices with
        // parameters, such as cross-attention, included).
        Walkthrough walk = ModelWalk.walk(p, BlockCatalog.standard(), new dev.deepwire.inspect.TrainedModel(net), one,
                "validation example 1", 2, 0, false);
        assertThat(walk.steps()).extracting(Step::nodeId).containsExactlyInAnyOrderElementsOf(run.network().vertices().keySet());
        Map<String, INDArray> acts = VertexActivations.of(net, one.features(), one.featureMasks(), null, false);
        for (Step s : walk.steps()) {
            assertThat(s.lines()).as(s.nodeId()).isNotEmpty();
            for (WalkTensor t : s.outputs()) {
                if (acts.containsKey(t.vertex()) && !run.network().inputs().stream().anyMatch(i -> i.nodeId().equals(s.nodeId()))) {
                    assertThat(t.values()).as(t.name()).containsExactly(acts.get(t.vertex()).slice(0).castTo(DataType.FLOAT).dup('c').data().asFloat());
                }
            }
            if (s.attention() != null) {
                double sum = 0;
                for (float v : s.attention().softmax()) {
                    sum += v;
                }
                assertThat(sum).as(s.nodeId()).isCloseTo(1.0, within(1e-4));
                assertThat(s.attention().maxError()).as(s.nodeId()).isLessThan(1e-4);
                assertThat(s.attention().queryLabel()).as(s.nodeId()).isNotBlank();
            }
            if (s.triple() != null) {
                assertThat(s.triple().top()).hasSize(5);
                assertThat(s.triple().rank()).isPositive();
                assertThat(s.triple().top().get(0).score()).isGreaterThanOrEqualTo(s.triple().trueScore() - 1e-5);
            }
        }
        for (int o = 0; o < run.network().outputs().size(); o++) {
            String id = run.network().outputs().get(o).nodeId();
            INDArray out = net.output(false, one.features(), one.featureMasks())[o];
            Step step = walk.step(id).orElseThrow();
            assertThat(step.output().values()).containsExactly(out.slice(0).castTo(DataType.FLOAT).dup('c').data().asFloat());
            assertThat(step.prediction()).isNotNull();
        }
        if (p.graph().nodes().stream().anyMatch(n -> n.type().startsWith("link_"))) {
            assertThat(walk.steps()).as("a knowledge-graph scorer shows its triple").anyMatch(s -> s.triple() != null);
        }
        walk.steps().stream().filter(s -> s.prediction() != null && !Double.isNaN(s.prediction().probability()))
                .forEach(s -> assertThat(s.prediction().probability()).as(s.nodeId()).isBetween(0.0, 1.0));
        Backward back = Backprop.of(walk, p.graph(), BlockCatalog.standard(), net, one);
        assertThat(back.loss()).isFinite().isPositive();
    }

    @org.junit.jupiter.api.Test
    void theStepsNameTheBlocksAsTheInspectorDoesNotByTheirIds() throws Exception {
        // Stepping through wordnet-links-distmult, the input blocks' tensors and wires read 'head.out → score.head'
        // while the canvas and the inspector call those blocks 'Head entity' and 'DistMult (1-N)'.
        Path file = Path.of("sample-projects/wordnet-links-distmult.dwproj");
        Project p = new ProjectReader().read(file);
        PreparedRun run = PreparedRun.of(BlockCatalog.standard(), p.graph(), p.dataset(), p.training(), file.toAbsolutePath().getParent());
        ComputationGraph net = run.network().instantiate();
        Dataset one = run.data().validation().range(1, 2);
        Walkthrough walk = ModelWalk.walk(p, BlockCatalog.standard(), new dev.deepwire.inspect.TrainedModel(net), one,
                "validation example 1", 0, 0, false);
        assertThat(walk.step("head").orElseThrow().outputs()).extracting(WalkTensor::shown).containsExactly("Head entity.out");
        int head = (int) one.features()[0].getDouble(0, 0);
        assertThat(walk.step("head").orElseThrow().lines()).as("the id named: which entity it is")
                .contains("y = [" + head + "] (" + one.inputNames(0).get(head) + ")");
        assertThat(walk.step("score").orElseThrow().inputs()).extracting(WalkTensor::shown).containsExactly(
                "Head entity.out → DistMult (1-N).head", "Relation (12 + 12 reciprocal).out → DistMult (1-N).relation");
        assertThat(walk.step("score").orElseThrow().inputs()).as("the key the canvas finds its wires by")
                .extracting(WalkTensor::name).containsExactly("head.out → score.head", "relation.out → score.relation");
        Backward back = Backprop.of(walk, p.graph(), BlockCatalog.standard(), net, one);
        assertThat(back.wires()).extracting(Backward.WireGradient::shown).contains("Head entity.out → DistMult (1-N).head")
                .noneMatch(w -> w.contains("score."));
    }
}
