package dev.deepwire.inspect.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deepwire.compiler.VertexActivations;
import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.PreparedRun;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A walk-through of the (small) marker sample shows the model's own activations, block by block. */
class WalkthroughTest {
    private static Project project;
    private static PreparedRun run;
    private static ComputationGraph net;
    private static Dataset one;
    private static Walkthrough walk;

    @BeforeAll
    static void walkOneExample() throws Exception {
        project = SmallMarker.project(Map.of("train", 64, "validation", 16));
        run = PreparedRun.of(BlockCatalog.standard(), project.graph(), project.dataset(), project.training(), Path.of("sample-projects"));
        assertThat(run.ok()).as(run.problem()).isTrue();
        net = run.network().instantiate();
        one = run.data().validation().range(2, 3);
        walk = Walkthroughs.of("marker", "validation example 2", project.graph(), BlockCatalog.standard(), run.network(),
                net, one, 3, 1);
    }

    @Test
    void stepsGoFromTheInputToTheOutputInGraphOrder() {
        assertThat(walk.steps()).extracting(Step::nodeId).containsExactly("tokens", "embed", "pos", "attn", "res1",
                "norm1", "ffn", "res2", "norm2", "pool", "classify");
        assertThat(walk.steps().get(0).output().shape()).containsExactly(8);
    }

    @Test
    void theTokenInputNamesItsTokensAsTheAttentionInspectorsAxesDo() {
        // Found at a stop: stepping through the marker sample, the input showed "y = [31, 26, 1, …]", ids only
        java.util.List<String> names = dev.deepwire.inspect.AxisLabels.of(one, 0, 0);
        assertThat(names).as("the marker's vocabulary names its ids").anyMatch(n -> n.startsWith("t") || n.equals("<M>"));
        assertThat(walk.steps().get(0).lines()).contains("tokens = " + String.join(" ", names));
        assertThat(walk.step("embed").orElseThrow().lines()).noneMatch(l -> l.startsWith("tokens = "));
    }

    @Test
    void theWiresTokenIdsAndTheSequencesOverThemAreNamedByTheTokensForTheLargerView() {
        // Found at a stop: the larger view of the tokens wire read "[3] = 31", the id without its token
        java.util.List<String> names = dev.deepwire.inspect.AxisLabels.of(one, 0, 0);
        WalkTensor ids = walk.step("embed").orElseThrow().inputs().get(0);
        assertThat(ids.tokens()).isEqualTo(names);
        assertThat(ids.where(0, 3)).isEqualTo("position 3 (" + names.get(3) + "), token id");
        assertThat(walk.steps().get(0).output().tokens()).as("the token input's own output").isEqualTo(names);
        WalkTensor embedded = walk.step("embed").orElseThrow().output();
        assertThat(embedded.where(3, 5)).isEqualTo("position 3 (" + names.get(3) + "), feature 5");
        assertThat(walk.step("pool").orElseThrow().output().tokens()).as("a vector has no positions").isEmpty();
    }

    @Test
    void everyShownTensorIsThatVertexsActivation() {
        Map<String, INDArray> acts = VertexActivations.of(net, one.features(), one.featureMasks(), null, false);
        for (Step s : walk.steps().subList(1, walk.steps().size())) {
            for (WalkTensor t : s.outputs()) {
                float[] expected = acts.get(t.vertex()).slice(0).castTo(DataType.FLOAT).dup('c').data().asFloat();
                assertThat(t.values()).as(t.name()).containsExactly(expected);
            }
            for (WalkTensor t : s.inputs()) {
                assertThat(walk.step(t.vertex()).orElseThrow().outputs()).extracting(WalkTensor::vertex).contains(t.vertex());
            }
        }
    }

    @Test
    void theOutputReachedBySteppingIsTheNetworksOutput() {
        INDArray out = net.output(false, one.features(), one.featureMasks())[0];
        Step last = walk.steps().get(walk.steps().size() - 1);
        assertThat(last.output().values()).containsExactly(out.slice(0).castTo(DataType.FLOAT).toFloatVector());
        Prediction p = last.prediction();
        assertThat(p.probability()).isEqualTo(out.maxNumber().doubleValue(), within(1e-6));
        int truth = one.labels()[0].slice(0).argMax().getInt(0);
        assertThat(p.truth()).startsWith(one.labelNames().get(truth) + " (class " + truth + ")");
        assertThat(last.lines()).anyMatch(l -> l.startsWith("prediction: "));
    }

    @Test
    void theAttentionStepsSoftmaxRowIsTheInspectorsRowAndSumsToOne() {
        AttentionStep a = walk.step("attn").orElseThrow().attention();
        assertThat(a.position()).isEqualTo(3);
        assertThat(a.head()).isEqualTo(1);
        double sum = 0;
        for (float v : a.softmax()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        AttentionRecorder.Snapshot inspector = new TrainedModel(net).capture("attn", one);
        assertThat(a.softmax()).containsExactly(inspector.map(0, 1)[3]);
        assertThat(a.maxError()).as("softmax of the scores shown vs the inspector's row").isLessThan(1e-5);
        assertThat(a.query()).hasSize(4); // 16 features / 4 heads
        assertThat(a.keys()).hasSize(8);
        assertThat(a.queryLabel()).isEqualTo(a.keys().get(3)); // self-attention: queries and keys are one sequence
    }

    @Test
    void embeddingAndDenseStepsFillInTheirFormulas() {
        Step embed = walk.step("embed").orElseThrow();
        int id = (int) one.features()[0].getDouble(0, 3);
        assertThat(embed.lines().get(0)).startsWith("id at position 3 = " + id);
        assertThat(embed.lines().get(1)).startsWith("row E[" + id + "] = ");
        Step classify = walk.step("classify").orElseThrow();
        assertThat(classify.lines().get(0)).as("the answer first").startsWith("prediction: ");
        assertThat(classify.lines().get(1)).startsWith("W: 16 × 32,  x: 16,  b: 32  →  y: 32");
    }

    @Test
    void theWayBackGivesTheLossAndAGradientOnEveryWire() {
        double before = net.params().sumNumber().doubleValue();
        Backward back = Backprop.of(walk, project.graph(), BlockCatalog.standard(), net, one);
        assertThat(net.params().sumNumber().doubleValue()).as("the model itself is untouched").isEqualTo(before);
        double expectedLoss = net.score(new org.nd4j.linalg.dataset.MultiDataSet(one.features(), one.labels(),
                one.featureMasks(), null));
        assertThat(back.loss()).isCloseTo(expectedLoss, within(1e-4));
        assertThat(back.wires()).hasSize(project.graph().edges().size());
        assertThat(back.wires().get(0).toNode()).isEqualTo("classify");
        assertThat(back.wires()).filteredOn(w -> !w.fromNode().equals("tokens")).allSatisfy(w -> assertThat(w.norm()).as(w.wire()).isPositive().isFinite());
        assertThat(back.wires()).filteredOn(w -> w.fromNode().equals("tokens")).allSatisfy(w -> assertThat(w.norm()).as("token ids have no gradient").isNaN());
        // A residual add passes its gradient on unchanged: the attention's output gets exactly the add's.
        double attn = back.wires().stream().filter(w -> w.fromNode().equals("attn")).findFirst().orElseThrow().norm();
        double res1 = back.wires().stream().filter(w -> w.fromNode().equals("res1")).findFirst().orElseThrow().norm();
        assertThat(attn).isEqualTo(res1);
        assertThat(back.blocks()).containsKeys("embed", "attn", "classify");
    }

    @Test
    void aModelTrainedBeforeTheHeadsWereChangedIsRefusedNotWalkedUnderTheNewHeads() {
        // four heads and two have the same parameters: the walk ran the model's four and said "head 0 of 4" while the
        // inspector showed the graph's two (seen in the real window)
        Project edited = new Project(project.name(), project.description(), project.graph().copy(), project.dataset(),
                project.training());
        edited.graph().setParam("attn", "heads", 2);
        var model = new TrainedModel(net);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelWalk.walk(edited, BlockCatalog.standard(), model, one,
                        "validation example 2", 3, 0, false))
                .isInstanceOf(ModelWalk.Mismatch.class)
                .hasMessageContaining("attn").hasMessageContaining("2 in the project, 4 in the model")
                .hasMessageContaining("train again");
        assertThat(ModelWalk.walk(project, BlockCatalog.standard(), model, one, "validation example 2", 3, 0, false).steps())
                .as("the graph it was trained as walks").isNotEmpty();
    }

    @Test
    void typedTextGoesToTheTokenInputTheGraphNamesAndARowOfNumbersIsNone() {
        assertThat(ModelWalk.tokenInput(run.network())).as("marker's tokens").isZero();
        assertThat(ModelWalk.example(run.data().validation(), 0, "t1 t2 <M> t3", 0).description()).startsWith("typed");

        // a network of numbers per row (a CSV's features, an array of the same rank as tokens): the array had been taken
        // for tokens and the text typed into it
        var g = new dev.deepwire.GraphFixture().node("x", "vector_input", "features", 4).node("o", "softmax_output", "classes", 3)
                .wire("x.out", "o.in").graph();
        var vectors = new dev.deepwire.compiler.GraphCompiler(BlockCatalog.standard())
                .compile(g, dev.deepwire.compiler.CompileOptions.forGradientCheck(1)).orThrow();
        assertThat(ModelWalk.tokenInput(vectors)).isEqualTo(-1);
        Dataset rows = new Dataset(new org.nd4j.linalg.api.ndarray.INDArray[] {org.nd4j.linalg.factory.Nd4j.rand(2, 4)}, null,
                new org.nd4j.linalg.api.ndarray.INDArray[] {org.nd4j.linalg.factory.Nd4j.zeros(2, 3)}, java.util.List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelWalk.example(rows, 0, "hello there", ModelWalk.tokenInput(vectors)))
                .hasMessageContaining("typed input needs a token input");
    }
}
