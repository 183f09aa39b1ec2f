package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A triples file that loads yet leaks, leaves names untrained or repeats lines is said so, naming the line and fix. */
class TripleWarningsTest {
    @TempDir
    Path dir;

    @Test
    void leakedUntrainedAndRepeatedTriplesAreWarnedWithTheirLineAndASelfLoopIsNot() throws Exception {
        Files.writeString(dir.resolve("t.tsv"), String.join("\n",
                "# head relation tail split",
                "a\tr\tb\ttrain",
                "b\tr\tc\ttrain",
                "c\tr\tc\ttrain",
                "a\tr\tb\ttrain",
                "a\tr\tb\tvalidation",
                "b\tr\tc\ttest",
                "zz\tr\ta\tvalidation",
                "c\tq\tb\ttest", ""));
        var warnings = DatasetLoader.readWarnings(new DatasetSpec("triples", Map.of("file", "t.tsv")), dir);
        assertThat(warnings).containsExactly(
                "t.tsv line 6: the validation triple 'a r b' is also a training triple (line 2) (and 1 more lines like "
                        + "it), so its score measures memory, not prediction; keep each triple in one split",
                "t.tsv line 8: the validation triple's entity 'zz' is in no training triple (and 1 more lines like it), "
                        + "so its embedding is never trained and ranking it is a guess; add a training triple with it, "
                        + "or remove the line",
                "t.tsv line 5 repeats line 2 ('a r b', train), so it counts more than once; remove the repeats");
        assertThat(TripleDataset.read(dir.resolve("t.tsv")).triples("train")).as("all read, the self-loop too")
                .hasSize(4);
    }

    @Test
    void aCleanFileHasNoWarnings() throws Exception {
        Files.writeString(dir.resolve("t.tsv"), "a\tr\tb\ttrain\nb\tr\ta\ttrain\na\tr\ta\ttest\n");
        assertThat(DatasetLoader.readWarnings(new DatasetSpec("triples", Map.of("file", "t.tsv")), dir)).isEmpty();
    }
}
