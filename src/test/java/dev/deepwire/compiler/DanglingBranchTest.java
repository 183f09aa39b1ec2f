package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import dev.deepwire.model.GraphChecker;
import dev.deepwire.model.Issue;
import dev.deepwire.model.TrainingSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Half-built branches (common while editing) are warned about and left out; the connected part compiles and trains. */
class DanglingBranchTest {
    private static final String[] VECTOR_BLOCKS = {"dense", "activation", "layer_norm", "dropout"};

    /**
     * A random valid chain from a vector input to an output, with random dangling branches hanging off its blocks
     * (and, for some seeds, a second input nothing reads). Returns the graph and the ids of the dangling blocks.
     */
    private static Graph randomGraph(long seed, List<String> dangling) {
        Random r = new Random(seed);
        GraphFixture f = new GraphFixture().node("in", "vector_input", "features", 5).node("out", "softmax_output", "classes", 3);
        List<String> live = new ArrayList<>(List.of("in"));
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String id = "m" + i;
            f.node(id, VECTOR_BLOCKS[r.nextInt(VECTOR_BLOCKS.length)]).wire(live.get(live.size() - 1) + ".out", id + ".in");
            live.add(id);
        }
        f.wire(live.get(live.size() - 1) + ".out", "out.in");
        int branches = 1 + r.nextInt(3);
        for (int b = 0; b < branches; b++) {
            String from = live.get(r.nextInt(live.size()));
            int len = 1 + r.nextInt(3);
            for (int k = 0; k < len; k++) {
                String id = "d" + b + "_" + k;
                f.node(id, VECTOR_BLOCKS[r.nextInt(VECTOR_BLOCKS.length)]).wire(from + ".out", id + ".in");
                dangling.add(id);
                from = id;
            }
        }
        if (r.nextBoolean()) {
            f.node("spare", "vector_input", "features", 2);
            dangling.add("spare");
        }
        return f.graph();
    }

    @Test
    void danglingBranchesAreWarnedAndTheRestTrains() {
        GraphCompiler compiler = new GraphCompiler(BlockCatalog.standard());
        for (long seed = 1; seed <= 8; seed++) {
            List<String> dangling = new ArrayList<>();
            Graph graph = randomGraph(seed, dangling);
            CompileResult result = compiler.compile(graph, CompileOptions.forTraining(TrainingSettings.defaults()));
            assertThat(result.errors()).as("seed %d", seed).isEmpty();
            Set<String> warned = new HashSet<>();
            for (Issue i : result.issues()) {
                if (!i.isError() && GraphChecker.UNUSED.equals(i.message())) {
                    assertThat(warned.add(i.nodeId())).as("one warning per block, seed %d", seed).isTrue();
                }
            }
            assertThat(warned).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(dangling);
            assertThat(result.issues().stream().filter(i -> !i.isError())).allSatisfy(w -> assertThat(w.toString()).startsWith("WARN "));
            CompiledNetwork net = result.orThrow();
            ComputationGraph model = net.instantiate();
            for (String d : dangling) {
                if (d.equals("spare")) { // an input stays (the data still gives it), read by nothing
                    assertThat(net.inputs()).anySatisfy(i -> assertThat(i.nodeId()).isEqualTo("spare"));
                } else {
                    assertThat(model.getVertex(d)).as("seed %d: %s is left out", seed, d).isNull();
                }
            }
            assertThat(model.numParams()).as("seed %d", seed).isEqualTo(net.totalParams());
            RandomBatch batch = RandomBatch.of(graph, net, 4, 1, DataType.FLOAT, seed);
            model.fit(new MultiDataSet(batch.inputs(), batch.labels()));
            assertThat(model.score()).as("seed %d", seed).isFinite();
        }
    }
}
