package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepwire export}: Java source and DL4J JSON written where asked; bad requests refused with exit code 2. */
class ExportCommandTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void writesJavaSourceAndTheDl4jConfiguration() throws Exception {
        Path java = dir.resolve("MarkerNet.java");
        Path json = dir.resolve("marker.json");
        assertThat(DeepWireCli.execute("export", "sample-projects/marker.dwproj", "--java", java.toString(),
                "--dl4j-json", json.toString())).isEqualTo(ExitCodes.OK);
        var p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        String expected = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training()))
                .orThrow().configuration().toJson();
        assertThat(Files.readString(json)).isEqualTo(expected);
        assertThat(Files.readString(java)).contains("public final class MarkerNet").contains("new SelfAttention(64L, 4)")
                .contains("public static void main");
    }

    @Test
    void refusesAnExportWithoutATargetOrWithABadClassName() {
        assertThat(DeepWireCli.execute("export", "sample-projects/marker.dwproj")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(DeepWireCli.execute("export", "sample-projects/marker.dwproj", "--java", dir.resolve("x.java").toString(),
                "--class", "not-a-class")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dir.resolve("x.java")).doesNotExist();
    }
}
