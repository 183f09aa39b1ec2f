package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.PortSpec;
import dev.deepwire.model.TensorShape;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Every block the catalog issue added, inside one small graph per family: shapes and parameter counts
 * inferred without DL4J equal what a real DL4J forward pass produces, gradients pass a double-precision
 * check (with padding masks), a saved and restored model gives identical outputs, and each family trains.
 */
class BlockFamiliesTest {
    private static final BlockCatalog CATALOG = BlockCatalog.standard();
    /** Blocks of the spine, checked one by one in {@link BlockGradientTest}. */
    private static final Set<String> SPINE = Set.of("token_input", "token_embedding", "positional_embedding",
            "self_attention", "layer_norm", "feed_forward", "add", "dropout", "global_pool", "dense", "softmax_output");

    static Stream<String> families() {
        return FamilyGraphs.all().keySet().stream();
    }

    private static CompiledNetwork compile(Graph g, CompileOptions options) {
        return new GraphCompiler(CATALOG).compile(g, options).orThrow();
    }

    @Test
    void theFamilyGraphsUseEveryNewBlock() {
        Set<String> used = FamilyGraphs.all().values().stream().flatMap(f -> f.graph().nodes().stream())
                .map(Node::type).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (BlockType t : CATALOG.all()) {
            if (!SPINE.contains(t.id()) && !used.contains(t.id())) {
                missing.add(t.id());
            }
        }
        assertThat(missing).as("blocks without a family graph").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("families")
    void inferredShapesAndParameterCountsEqualDl4jForwardPass(String family) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph g = FamilyGraphs.all().get(family).graph();
        CompiledNetwork compiled = compile(g, new CompileOptions(DataType.FLOAT, 7, new Adam(1e-3)));
        ComputationGraph net = compiled.instantiate();
        RandomBatch batch = RandomBatch.of(g, compiled, 3, 2, DataType.FLOAT, 1);
        net.setLayerMaskArrays(batch.masks(), null);
        Map<String, INDArray> acts = net.feedForward(batch.inputs(), false);
        List<String> checked = new ArrayList<>();
        for (Node n : g.nodes()) {
            BlockType type = CATALOG.require(n.type());
            for (PortSpec out : type.outputs()) {
                if (g.edgesFrom(n.id()).stream().noneMatch(e -> e.from().name().equals(out.name()))) {
                    continue;
                }
                TensorShape inferred = compiled.shapes().outputs().get(n.id()).get(out.name());
                INDArray actual = acts.get(Vertices.of(n.id(), type, out.name()));
                assertThat(actual.shape()).as(n.id() + "." + out.name()).containsExactly(expected(inferred, 3));
                checked.add(n.id());
            }
            long dl4j = compiled.vertices().get(n.id()).stream().mapToLong(v -> net.getVertex(v).numParams()).sum();
            assertThat(dl4j).as("parameters of " + n.id()).isEqualTo(compiled.shapes().paramCounts().get(n.id()));
        }
        assertThat(net.params().length()).isEqualTo(compiled.totalParams());
        assertThat(checked).isNotEmpty();
    }

    private static long[] expected(TensorShape s, int batch) {
        if (s.kind() == PortKind.ID) {
            return new long[] {batch, 1};
        }
        long[] shape = new long[s.dims().size() + 1];
        shape[0] = batch;
        for (int i = 0; i < s.dims().size(); i++) {
            shape[i + 1] = s.dims().get(i);
        }
        return shape;
    }

    @ParameterizedTest
    @MethodSource("families")
    void gradientsPassADoublePrecisionCheckWithMasks(String family) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Graph g = FamilyGraphs.all().get(family).graph();
        CompiledNetwork compiled = compile(g, CompileOptions.forGradientCheck(12345));
        ComputationGraph net = compiled.instantiate();
        RandomBatch batch = RandomBatch.of(g, compiled, 3, 2, DataType.DOUBLE, 3);
        // Batch norm's running mean and variance are statistics, not trained by gradients.
        Set<String> statistics = net.paramTable().keySet().stream()
                .filter(k -> k.endsWith("_mean") || k.endsWith("_var") || k.endsWith("_log10stdev"))
                .collect(Collectors.toSet());
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
                .inputs(batch.inputs()).labels(batch.labels()).inputMask(batch.masks()).excludeParams(statistics)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        assertTrue(ok, family + ": analytic and numeric gradients differ; see the log above");
    }

    @ParameterizedTest
    @MethodSource("families")
    void savedAndRestoredModelsGiveIdenticalOutputs(String family, @TempDir Path dir) throws Exception {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph g = FamilyGraphs.all().get(family).graph();
        CompiledNetwork compiled = compile(g, new CompileOptions(DataType.FLOAT, 11, new Adam(1e-2)));
        ComputationGraph net = compiled.instantiate();
        RandomBatch batch = RandomBatch.of(g, compiled, 4, 2, DataType.FLOAT, 5);
        net.fit(new MultiDataSet(batch.inputs(), batch.labels(), batch.masks(), null));
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);
        INDArray[] before = net.output(false, batch.inputs(), batch.masks());
        INDArray[] after = restored.output(false, batch.inputs(), batch.masks());
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i].equalsWithEps(before[i], 1e-6)).as(family + " output " + i).isTrue();
        }
        assertThat(restored.params().equalsWithEps(net.params(), 0)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("families")
    void eachFamilyTrainsAFewSteps(String family) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        GraphFixture f = FamilyGraphs.all().get(family);
        CompiledNetwork compiled = compile(f.graph(), new CompileOptions(DataType.FLOAT, 3, new Adam(1e-2)));
        ComputationGraph net = compiled.instantiate();
        RandomBatch batch = RandomBatch.of(f.graph(), compiled, 16, 2, DataType.FLOAT, 9);
        var data = new MultiDataSet(batch.inputs(), batch.labels(), batch.masks(), null);
        double first = net.score(data, false);
        for (int i = 0; i < 30; i++) {
            net.fit(data);
        }
        double last = net.score(data, false);
        assertThat(last).as(family + " loss after 30 steps on one batch").isLessThan(first * 0.9).isFinite();
    }
}
