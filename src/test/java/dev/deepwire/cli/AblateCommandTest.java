package dev.deepwire.cli;

import dev.deepwire.testing.SmallMarker;
import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepwire ablate}: the head table on the screen and as CSV, and one-line refusals with exit code 2. */
class AblateCommandTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    private Path project;
    private Path model;

    /** The marker sample made small, trained for a few steps. */
    @BeforeEach
    void trainASmallMarker() throws Exception {
        project = SmallMarker.file(dir, "small.dwproj");
        model = SmallMarker.trainedModel(project, dir);
        console.reset();
    }

    @Test
    void printsEveryHeadWithTheAccuracyWithoutItLargestDropFirstAndWritesTheTable() throws Exception {
        Path csv = dir.resolve("heads.csv");
        byte[] before = Files.readAllBytes(model);
        int code = DeepWireCli.execute("ablate", project.toString(), "--model", model.toString(), "--csv", csv.toString());
        assertThat(code).as(console.err()).isEqualTo(0);
        List<String> lines = console.out().lines().toList();
        assertThat(lines.get(0)).contains("each head switched off (zero:").contains("100 examples");
        assertThat(lines.get(1)).contains("none off");
        assertThat(lines.subList(2, lines.size())).hasSize(4).allMatch(l -> l.matches("\\s+attn head [0-3]\\s+[0-9.]+ %\\s+\\([+-][0-9.]+ points\\)"));
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("node,head,mode,accuracy,drop");
        assertThat(rows.get(1)).startsWith("none,,,");
        double baseline = Double.parseDouble(rows.get(1).split(",")[3]);
        double lastDrop = Double.POSITIVE_INFINITY;
        for (String row : rows.subList(2, rows.size())) {
            String[] f = row.split(",");
            assertThat(f[0]).isEqualTo("attn");
            assertThat(f[2]).isEqualTo("zero");
            double drop = Double.parseDouble(f[4]);
            assertThat(drop).isCloseTo(baseline - Double.parseDouble(f[3]), org.assertj.core.data.Offset.offset(1e-5));
            assertThat(drop).isLessThanOrEqualTo(lastDrop);
            lastDrop = drop;
        }
        assertThat(rows).hasSize(6);
        assertThat(Files.readAllBytes(model)).as("the model is not changed").isEqualTo(before);
    }

    @Test
    void meanModeMeasuresOneChosenBlock() {
        int code = DeepWireCli.execute("ablate", project.toString(), "--model", model.toString(), "--node", "attn", "--mode", "MEAN");
        assertThat(code).as(console.err()).isEqualTo(0);
        assertThat(console.out()).contains("(mean: the head's output becomes its average over the validation set")
                .contains("attn head 3");
    }

    @Test
    void aWrongModeOrBlockIsOneLineAndExitCodeTwo() {
        assertThat(DeepWireCli.execute("ablate", project.toString(), "--model", model.toString(), "--mode", "half")).isEqualTo(2);
        assertThat(console.err().lines().toList()).singleElement().asString().isEqualTo("deepwire: --mode must be zero or mean; got half");
        console.reset();
        assertThat(DeepWireCli.execute("ablate", project.toString(), "--model", model.toString(), "--node", "pool")).isEqualTo(2);
        assertThat(console.err().lines().toList()).singleElement().asString()
                .isEqualTo("deepwire: --node 'pool' is not an attention block; choose one of [attn]");
    }
}
