package dev.deepwire.ui;

import dev.deepwire.io.files.DefaultSample;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.compiler.ShapeInference;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.GraphChecker;
import dev.deepwire.model.Project;
import dev.deepwire.training.backend.NativeTuning;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH, cold: what start-up costs in a fresh JVM (single shot, one call per fork, 5 forks). {@code openDefaultSample}
 * is the work before the window's first frame apart from JavaFX itself (the sample read, the catalog, the graph
 * check and shape inference); {@code loadNd4j} is the native back end that loads in the background (with
 * DeepWire's OpenBLAS tuning); {@code compileDefaultSample} is the first compile of the sample to a DL4J network,
 * ND4J included. The whole window, to its first frame, needs a display: the start-up probe
 * ({@code -Ddeepwire.startupProbe=true}, docs/performance.sh).
 * Run: {@code mvn test-compile exec:exec@jmh -Djmh.args="StartupJmh"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class StartupJmh {
    @Setup
    public void setUp() {
        NativeTuning.prepare(); // as Main does, before anything loads ND4J
    }

    @Benchmark
    public Object openDefaultSample() throws Exception {
        Project p = DefaultSample.load().project();
        BlockCatalog catalog = BlockCatalog.standard();
        new GraphChecker(catalog).check(p.graph());
        return new ShapeInference(catalog).infer(p.graph());
    }

    @Benchmark
    public Object loadNd4j() {
        return Nd4j.create(1).addi(1);
    }

    @Benchmark
    public Object compileDefaultSample() throws Exception {
        Project p = DefaultSample.load().project();
        return new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow();
    }
}
