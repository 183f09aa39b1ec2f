package dev.deepwire.ui.editor;

import dev.deepwire.compiler.ShapeInference;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import dev.deepwire.model.GraphChecker;
import dev.deepwire.model.Issue;
import dev.deepwire.ui.EditorBenchmark;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the editor's work on a generated graph of N blocks (stacked transformer blocks, as
 * {@link EditorBenchmark} makes) that does not need a display — the graph check, shape inference, the
 * auto-arrange layout (ELK) and copying the graph (the UI thread copies it after every edit for the background
 * check; every compile works on a copy). Drawing and frame times need a display: {@link EditorBenchmark}.
 * Run: {@code mvn test-compile exec:exec@jmh -Djmh.args="EditorJmh"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EditorJmh {
    @Param({"100", "1000"})
    int blocks;

    private BlockCatalog catalog;
    private Graph graph;

    @Setup
    public void setUp() {
        catalog = BlockCatalog.standard();
        graph = EditorBenchmark.generate(blocks);
    }

    @Benchmark
    public List<Issue> check() {
        return new GraphChecker(catalog).check(graph);
    }

    @Benchmark
    public Object shapes() {
        return new ShapeInference(catalog).infer(graph);
    }

    @Benchmark
    public Map<String, double[]> autoArrange() {
        return AutoArrange.layout(graph, catalog);
    }

    @Benchmark
    public Graph copy() {
        return graph.copy();
    }
}
