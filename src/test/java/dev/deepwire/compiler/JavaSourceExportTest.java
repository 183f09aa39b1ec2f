package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SampleFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported Java source compiles and its {@code configuration()} builds exactly the configuration the
 * app builds (same JSON), for every sample project and every family graph of the block catalog.
 */
class JavaSourceExportTest {

    static Stream<Arguments> graphs() throws IOException {
        List<Arguments> all = new ArrayList<>();
        try {
            for (Path f : SampleFiles.all()) {
                Project p = new ProjectReader().read(f);
                all.add(Arguments.of(f.toString(), p.graph(), p.training()));
            }
        } catch (ProjectFormatException e) {
            throw new IOException(e);
        }
        FamilyGraphs.all().forEach((name, g) -> all.add(Arguments.of(name, g.graph(), TrainingSettings.defaults())));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void theExportedSourceCompilesAndBuildsTheSameConfiguration(String name, Graph graph, TrainingSettings training,
                                                               @TempDir Path dir) throws Exception {
        CompileOptions options = CompileOptions.forTraining(training);
        CompiledNetwork network = new GraphCompiler(BlockCatalog.standard()).compile(graph, options).orThrow();
        String source = JavaSourceExport.generate(network, options, training, "ExportedNetwork", name);
        ComputationGraphConfiguration rebuilt = ExportedSource.build(source, "ExportedNetwork", dir);
        assertThat(rebuilt.toJson()).as(name).isEqualTo(network.configuration().toJson());
        assertThat(source).contains("public static void main(String[] args)");
    }
}
