package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepwire blocks}: every block listed with its ports and parameters; the Markdown page kept current. */
class BlocksCommandTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @Test
    void listsEveryBlockWithItsGroupPortsAndParameters() {
        assertThat(DeepWireCli.execute("blocks")).isEqualTo(ExitCodes.OK);
        String text = console.out();
        for (BlockType t : BlockCatalog.standard().all()) {
            assertThat(text).contains(t.id()).contains(t.category().label());
        }
        assertThat(text).contains("in:     head (id), tail (id, optional)")
                .contains("out:    out (vector), tail_out (vector)")
                .contains("heads=4 (between 1 and 64)");
    }

    @Test
    void theReferencePageInDocsIsWhatTheCatalogGenerates(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("blocks.md");
        assertThat(DeepWireCli.execute("blocks", "--markdown", "-o", page.toString())).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(Path.of("docs/blocks.md")))
                .as("docs/blocks.md is stale: regenerate it with 'deepwire blocks --markdown -o docs/blocks.md'")
                .isEqualTo(Files.readString(page));
        assertThat(Files.readString(page)).contains("### Gated fusion — `gated_fusion`")
                .contains("g = σ(W[a; b] + c), y = g ⊙ a + (1 − g) ⊙ b");
    }
}
