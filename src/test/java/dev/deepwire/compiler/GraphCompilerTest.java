package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.TrainingSettings;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

class GraphCompilerTest {
    private final GraphCompiler compiler = new GraphCompiler(BlockCatalog.standard());

    private Graph marker() throws Exception {
        return new ProjectReader().read(Path.of("sample-projects/marker.dwproj")).graph();
    }

    @Test
    void everyCatalogBlockHasATranslator() {
        for (BlockType t : BlockCatalog.standard().all()) {
            assertThat(Translators.forBlock(t.id())).as(t.id()).isPresent();
        }
    }

    @Test
    void inferredParameterCountsMatchDl4jPerNode() throws Exception {
        CompiledNetwork net = compiler.compile(marker(), CompileOptions.forTraining(TrainingSettings.defaults())).orThrow();
        ComputationGraph g = net.instantiate();
        for (var entry : net.shapes().paramCounts().entrySet()) {
            long dl4j = g.getVertex(entry.getKey()).numParams();
            assertThat(dl4j).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(g.params().length()).isEqualTo(net.totalParams());
    }

    @Test
    void vertexNamesAreTheNodeIdsWithNoHiddenMergeVertices() throws Exception {
        Graph graph = marker();
        CompiledNetwork net = compiler.compile(graph, CompileOptions.forTraining(TrainingSettings.defaults())).orThrow();
        Set<String> ids = graph.nodes().stream().map(Node::id).collect(Collectors.toSet());
        Set<String> vertices = net.configuration().getVertices().keySet();
        Set<String> all = new HashSet<>(vertices);
        all.addAll(net.configuration().getNetworkInputs());
        assertThat(all).isEqualTo(ids);
        assertThat(net.vertices().get("attn")).containsExactly("attn");
    }

    @Test
    void errorsKeepTheNodeAndNoNetworkIsMade() throws Exception {
        Graph g = marker();
        g.setParam("attn", "heads", 5);
        CompileResult r = compiler.compile(g, CompileOptions.forTraining(TrainingSettings.defaults()));
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).singleElement().satisfies(i -> assertThat(i.nodeId()).isEqualTo("attn"));
    }

    @Test
    void compiledConfigurationSurvivesDl4jJsonRoundTrip() throws Exception {
        CompiledNetwork net = compiler.compile(marker(), CompileOptions.forTraining(TrainingSettings.defaults())).orThrow();
        String json = net.configuration().toJson();
        var back = ComputationGraphConfiguration.fromJson(json);
        assertThat(back.toJson()).isEqualTo(json);
        // Every custom layer keeps its sizes: a network built from the restored configuration has all parameters.
        ComputationGraph restored = new ComputationGraph(back);
        restored.init();
        assertThat(restored.params().length()).isEqualTo(net.totalParams());
    }

    @Test
    void sameSeedGivesSameInitialParameters() throws Exception {
        CompiledNetwork net = compiler.compile(marker(), CompileOptions.forTraining(TrainingSettings.defaults())).orThrow();
        assertThat(net.instantiate().params()).isEqualTo(net.instantiate().params());
    }
}
