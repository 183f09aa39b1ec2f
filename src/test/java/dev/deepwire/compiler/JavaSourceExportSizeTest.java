package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.TrainingSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported Java compiles whatever the graph's size: a JVM method holds at most 64 KB of bytecode, and one
 * {@code configuration()} with every builder call stopped compiling at about 2,000 blocks ("code too large").
 */
class JavaSourceExportSizeTest {
    private static final TrainingSettings TRAINING = TrainingSettings.defaults();

    /** An input, {@code blocks} dense blocks in a line, and a regression output. */
    static GraphFixture chain(int blocks) {
        GraphFixture g = new GraphFixture().node("x", "vector_input", "features", 4);
        String previous = "x";
        for (int i = 1; i <= blocks; i++) {
            g.node("d" + i, "dense", "units", 4).wire(previous + ".out", "d" + i + ".in");
            previous = "d" + i;
        }
        return g.node("y", "regression_output", "units", 1).wire(previous + ".out", "y.in");
    }

    private static CompiledNetwork compiled(GraphFixture g) {
        return new GraphCompiler(BlockCatalog.standard()).compile(g.graph(), CompileOptions.forTraining(TRAINING)).orThrow();
    }

    @Test
    void aChainOf2500DenseBlocksCompilesAndBuildsTheSameConfiguration(@TempDir Path dir) throws Exception {
        CompiledNetwork network = compiled(chain(2_500));
        String source = JavaSourceExport.generate(network, CompileOptions.forTraining(TRAINING), TRAINING, "BigNetwork",
                "big.dwproj");
        ComputationGraphConfiguration rebuilt = ExportedSource.build(source, "BigNetwork", dir);
        assertThat(rebuilt.toJson()).isEqualTo(network.configuration().toJson());
        assertThat(source).contains("        blocks1(b);\n").contains("static void blocks2(").doesNotContain("class Part");
        int largest = largestMethodBytes(dir);
        System.out.println("JavaSourceExportSizeTest: 2,500 blocks, largest generated method " + largest + " bytes of bytecode");
        assertThat(largest).as("bytes of the largest method's code").isLessThan(32_768);
    }

    /** The small graphs of the export test, split with tiny limits: methods in nested classes build the same. */
    static Stream<Arguments> splits() {
        return FamilyGraphs.all().entrySet().stream().flatMap(e -> Stream.of(
                Arguments.of(e.getKey(), e.getValue(), 200, 1_000_000, false),
                Arguments.of(e.getKey(), e.getValue(), 200, 20, true)));
    }

    @ParameterizedTest(name = "{0}: {2} characters a method, {3} literals a class")
    @MethodSource("splits")
    void splitCallsBuildTheSameConfiguration(String name, GraphFixture g, int methodChars, int classLiterals,
                                             boolean nested, @TempDir Path dir) throws Exception {
        CompiledNetwork network = compiled(g);
        String source = JavaSourceExport.generate(network, CompileOptions.forTraining(TRAINING), TRAINING, "Split",
                "x\"*/ \\u0022.dwproj", methodChars, classLiterals);
        assertThat(source).contains("static void blocks2(ComputationGraphConfiguration.GraphBuilder b)");
        assertThat(source.contains("static final class Part2 {")).isEqualTo(nested);
        ComputationGraphConfiguration rebuilt = ExportedSource.build(source, "Split", dir);
        assertThat(rebuilt.toJson()).as(name).isEqualTo(network.configuration().toJson());
    }

    @Test
    void aSmallGraphKeepsItsCallsInConfiguration() {
        CompiledNetwork network = compiled(chain(3));
        String source = JavaSourceExport.generate(network, CompileOptions.forTraining(TRAINING), TRAINING, "Small", "s.dwproj");
        assertThat(source).doesNotContain("blocks1").contains("        b.addLayer(\"d1\",\n");
    }

    @Test
    void literalsAreCountedHigh() {
        assertThat(BuilderCalls.literals("b.addLayer(\"a\\\"b\", new DenseLayer.Builder().nIn(4).nOut(12), \"x\");"))
                .isEqualTo(4);
        assertThat(BuilderCalls.literals("new L2Vertex(1.0E-8), 'c'")).isEqualTo(3);
    }

    /** The code length of the largest method in the class files under {@code dir}, from javap's listing. */
    private static int largestMethodBytes(Path dir) throws Exception {
        List<Path> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        java.util.spi.ToolProvider javap = java.util.spi.ToolProvider.findFirst("javap").orElseThrow();
        Pattern instruction = Pattern.compile("^\\s+(\\d+): (\\w+)", Pattern.MULTILINE);
        int largest = 0;
        for (Path c : classes) {
            StringWriter out = new StringWriter();
            assertThat(javap.run(new PrintWriter(out), new PrintWriter(System.err), "-c", "-p", c.toString())).isZero();
            for (String method : out.toString().split("\n\n")) {
                Matcher m = instruction.matcher(method);
                int last = -1;
                while (m.find()) {
                    last = Integer.parseInt(m.group(1));
                }
                largest = Math.max(largest, last + 1); // a method ends in a one-byte return
            }
        }
        return largest;
    }
}
