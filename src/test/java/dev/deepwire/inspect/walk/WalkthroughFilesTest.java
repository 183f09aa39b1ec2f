package dev.deepwire.inspect.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.io.WriteFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one writer of a walk-through's files, for {@code walkthrough --out DIR} and Step mode's Export. */
class WalkthroughFilesTest {
    @TempDir
    Path dir;

    private static Map<String, byte[]> walk() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("step-01-tokens.png", new byte[] {1});
        files.put(WalkthroughFiles.HTML, "<html>page</html>".getBytes(StandardCharsets.UTF_8));
        files.put(WalkthroughFiles.JSON, "{}".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /**
     * A folder named for the walk-through that holds what someone else put there (a lesson folder sent by another
     * teacher): {@code walkthrough.html -> ~/.bashrc} had had its target replaced by the page. Refused naming the link,
     * before any of the walk-through's files is written; the target is left as it was.
     */
    @Test
    void aLinkWhereOneOfItsFilesGoesIsRefusedAndNothingIsWritten() throws Exception {
        Path out = Files.createDirectories(dir.resolve("walk"));
        Path victim = Files.writeString(dir.resolve("bashrc"), "export PATH=/usr/bin");
        Files.createSymbolicLink(out.resolve(WalkthroughFiles.HTML), victim);
        assertThatThrownBy(() -> WalkthroughFiles.writeInto(out, walk())).isInstanceOf(WriteFailure.class)
                .hasMessageContaining(out.resolve(WalkthroughFiles.HTML).toString())
                .hasMessageContaining("it is a symbolic link; a walk-through never writes through it");
        assertThat(Files.readString(victim)).isEqualTo("export PATH=/usr/bin");
        assertThat(out.resolve("step-01-tokens.png")).as("all or nothing").doesNotExist();
        assertThat(out.resolve(WalkthroughFiles.JSON)).doesNotExist();
    }

    @Test
    void anOrdinaryFolderGetsTheWholeWalkThrough() throws Exception {
        Path out = dir.resolve("new");
        WalkthroughFiles.writeInto(out, walk());
        assertThat(Files.readString(out.resolve(WalkthroughFiles.HTML))).isEqualTo("<html>page</html>");
        assertThat(out.resolve("step-01-tokens.png")).hasBinaryContent(new byte[] {1});
    }
}
