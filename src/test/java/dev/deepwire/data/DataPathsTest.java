package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset's file is judged where the readers will open it: through a link inside the folder and ".." after it, the
 * system leaves the folder (the link first, then its parent), though the same text normalised names a file inside.
 */
class DataPathsTest {
    @TempDir
    Path dir;

    private static DatasetSpec file(String name) {
        return new DatasetSpec("text-classification", Map.of("file", name));
    }

    @Test
    void aLinkFollowedByDotDotThatLeavesTheFolderIsOutside() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path deeper = Files.createDirectories(dir.resolve("outside/secret/deeper"));
        Files.writeString(dir.resolve("outside/secret/stolen.tsv"), "a secret\t1\n");
        Files.createSymbolicLink(project.resolve("sub"), deeper);
        var outside = DataPaths.outside(file("sub/../stolen.tsv"), project);
        assertThat(outside).as("read from %s", dir.resolve("outside/secret/stolen.tsv")).isPresent();
        assertThat(outside.get().resolved()).isEqualTo(dir.resolve("outside/secret/stolen.tsv").toRealPath());
        assertThat(outside.get().message()).contains("sub/../stolen.tsv").contains("outside the project's folder");
    }

    @Test
    void aLinkAndDotDotThatStayInsideAreInside() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("data/deeper"));
        Files.writeString(project.resolve("data/words.tsv"), "a word\t1\n");
        Files.createSymbolicLink(project.resolve("sub"), project.resolve("data/deeper"));
        assertThat(DataPaths.outside(file("sub/../words.tsv"), project)).isEmpty();
        assertThat(DataPaths.outside(file("data/words.tsv"), project)).isEmpty();
    }

    @Test
    void anAbsolutePathIsJudgedByWhereItLeadsNotByItsForm() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/words.tsv"), "a word\t1\n");
        // picked in Dataset Settings, stored absolute: the project's own data, not a file from elsewhere
        assertThat(DataPaths.outside(file(project.resolve("data/words.tsv").toString()), project)).isEmpty();
        var elsewhere = DataPaths.outside(file(dir.resolve("other.tsv").toString()), project);
        assertThat(elsewhere).isPresent();
        assertThat(elsewhere.get().message()).contains("is an absolute path outside the project's folder");
    }
}
