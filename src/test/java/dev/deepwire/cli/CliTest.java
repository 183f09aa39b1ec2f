package dev.deepwire.cli;

import dev.deepwire.testing.SmallMarker;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.testing.MarkerSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes, one-line errors, files written. */
class CliTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    /** What the command printed on stderr: for a user mistake, exactly one line, no stack trace. */
    private String errorLine() {
        List<String> lines = console.err().lines().toList();
        assertThat(lines).singleElement().asString().startsWith("deepwire: ").doesNotContain("Exception");
        return lines.get(0);
    }

    /** The marker sample made small so a few steps run quickly. */
    private Path smallMarker() throws Exception {
        return SmallMarker.file(dir, "small.dwproj");
    }

    @Test
    void validateAcceptsTheSampleAndPrintsShapes() throws Exception {
        int code = DeepWireCli.execute("validate", "sample-projects/marker.dwproj", "--shapes");
        assertThat(code).isEqualTo(0);
        assertThat(console.out()).contains("SHAPE attn.out -> res1.b: 64 × 24").contains(String.format(
                "valid: marker (11 blocks, 12 wires, %,d parameters)", MarkerSample.parameterCount()));
    }

    @Test
    void validatePrintsOneErrorLinePerProblemAndExitsOne() throws Exception {
        Path f = dir.resolve("bad.dwproj");
        Files.writeString(f, Files.readString(Path.of("sample-projects/marker.dwproj"))
                .replace("\"heads\": 4", "\"heads\": 5").replace("\"to\": \"pool.in\"", "\"to\": \"classify.in\""));
        int code = DeepWireCli.execute("validate", f.toString());
        assertThat(code).isEqualTo(1);
        List<String> lines = console.out().lines().toList();
        assertThat(lines).allMatch(l -> l.matches("(ERROR|WARN) [\\w-]+: .+"));
        assertThat(lines).anyMatch(l -> l.startsWith("ERROR classify: input 'in' has 2 wires"));
        assertThat(lines).anyMatch(l -> l.startsWith("ERROR pool: input 'in' is not connected"));
    }

    @Test
    void validateWarnsThatACsvHeaderLineOfOnlyNumbersLeavesTheFirstExampleOut() throws Exception {
        // digits.csv.gz (64 pixels and a label a row, no header) under a CSV dataset that leaves header out (true)
        Files.copy(Path.of("sample-projects/data/digits.csv.gz"), dir.resolve("digits.csv.gz"));
        Path f = dir.resolve("cnn.dwproj");
        Files.writeString(f, """
                {"format": "deepwire-project", "formatVersion": 1, "name": "cnn",
                 "nodes": [{"id": "img", "type": "image_input", "params": {"channels": 1, "height": 8, "width": 8}},
                           {"id": "flat", "type": "flatten", "params": {}},
                           {"id": "out", "type": "softmax_output", "params": {"classes": 10}}],
                 "edges": [{"from": "img.out", "to": "flat.in"}, {"from": "flat.out", "to": "out.in"}],
                 "dataset": {"kind": "csv", "file": "digits.csv.gz", "classes": 10}}
                """);
        assertThat(DeepWireCli.execute("validate", f.toString())).as("a warning: valid").isEqualTo(0);
        assertThat(console.out()).contains("WARN dataset.header: line 1 of digits.csv.gz holds only numbers, yet it is "
                + "read as the header (the columns' names) and left out of the data; set dataset.header to false if it is "
                + "the first example").contains("valid: cnn");
    }

    @Test
    void helpIsACommandAsTheLauncherTreatsIt() {
        assertThat(DeepWireCli.execute("help")).as("it had been 'Unmatched argument', exit 2").isEqualTo(0);
        assertThat(console.out()).contains("Usage: deepwire").contains("train");
        console.resetOut();
        assertThat(DeepWireCli.execute("help", "train")).isEqualTo(0);
        assertThat(console.out()).contains("Usage: deepwire train");
    }

    @Test
    void unreadableFileGivesOneLineAndExitTwo() {
        Path missing = dir.resolve("missing.dwproj");
        int code = DeepWireCli.execute("validate", missing.toString());
        assertThat(code).isEqualTo(2);
        assertThat(console.out()).isEmpty();
        assertThat(errorLine()).contains(missing.toString()).contains("no such file");
    }

    /** A path of 10,000 characters is named once, by its start: it had been named twice over ("x…: x…: cannot be read"). */
    @Test
    void aVeryLongMissingPathIsNamedOnce() {
        Path missing = dir.resolve("x".repeat(10_000) + ".dwproj");
        assertThat(DeepWireCli.execute("validate", missing.toString())).isEqualTo(2);
        String line = errorLine();
        assertThat(line).contains("cannot be read: file name too long");
        assertThat(line.split("characters\\)", -1)).as(line).hasSize(2);
    }

    @Test
    void brokenJsonGivesExitTwo() throws Exception {
        Path f = dir.resolve("broken.dwproj");
        Files.writeString(f, "{\"format\": \"deepwire-project\", \"formatVersion\": 1, \"nodes\": [");
        assertThat(DeepWireCli.execute("validate", f.toString())).isEqualTo(2);
        assertThat(errorLine()).contains("line 1").contains("not valid JSON");
    }

    @Test
    void badOptionGivesExitTwo() {
        assertThat(DeepWireCli.execute("train", "sample-projects/marker.dwproj", "--epochs", "many")).isEqualTo(2);
        assertThat(errorLine()).contains("--epochs").contains("many");
        console.resetErr();
        assertThat(DeepWireCli.execute("frobnicate")).isEqualTo(2);
        assertThat(errorLine()).contains("frobnicate");
    }

    @Test
    void trainWritesMetricsAndAModelThatLoads() throws Exception {
        Path runDir = dir.resolve("run");
        int code = DeepWireCli.execute("train", smallMarker().toString(), "--max-steps", "12", "--log-every", "4",
                "--out", runDir.toString());
        assertThat(code).isEqualTo(0);
        List<String> rows = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertThat(rows.get(0)).isEqualTo("step,epoch,train_loss,val_loss,val_accuracy,val_mrr");
        assertThat(rows).anyMatch(r -> r.startsWith("4,1,") && r.endsWith(",,"));
        assertThat(rows.get(rows.size() - 1)).matches("12,2,[0-9.]+,[0-9.]+,[0-9.]+,"); // no MRR: marker selects on the loss
        assertThat(ModelSerializer.restoreComputationGraph(runDir.resolve("model.zip").toFile(), false).getNumInputArrays()).isEqualTo(1);
        assertThat(console.out()).contains("final validation accuracy: ");
        // a command-line run is one of the project's runs in the workbench's Runs… (it wrote no run.json)
        var run = dev.deepwire.ui.training.RunHistory.read(runDir);
        assertThat(run.project()).isEqualTo("marker");
        assertThat(run.projectFile()).isEqualTo(smallMarker().toAbsolutePath().normalize().toString());
        assertThat(run.steps()).isEqualTo(12);
        assertThat(run.validationAccuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void aRunSelectedOnMrrPrintsTheKeptModelsMrr() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("kg").resolve("data"));
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            ring.append("e").append(i).append("\thypernym\te").append((i + 1) % 20).append(i % 5 == 0 ? "\tvalidation\n" : "\ttrain\n");
        }
        Files.writeString(folder.resolve("wordnet-links.tsv"), ring);
        // the sample's blocks counted to the ring: 20 entities, one relation and its reciprocal (a count of the
        // sample's 4,000 is refused: a table sized for another file)
        Path project = Files.writeString(folder.resolveSibling("kg.dwproj"), Files.readString(Path.of("sample-projects",
                "wordnet-links.dwproj")).replaceFirst("\"count\"\\s*:\\s*4000", "\"count\": 20")
                .replaceFirst("\"count\"\\s*:\\s*24", "\"count\": 2"));
        int code = DeepWireCli.execute("train", project.toString(), "--epochs", "3", "--out", dir.resolve("kg-run").toString());
        assertThat(code).as(console.err()).isEqualTo(0);
        List<Double> each = console.out().lines().filter(l -> l.matches("epoch \\d: validation filtered MRR .*"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toList();
        assertThat(each).as(console.out()).hasSize(3);
        String kept = console.out().replaceAll("(?s).*the model kept is the one after epoch (\\d).*", "$1");
        double keptMrr = kept.length() == 1 ? each.stream().mapToDouble(Double::doubleValue).max().orElseThrow() : each.get(2);
        assertThat(console.out()).contains(String.format(java.util.Locale.ROOT, "final validation filtered MRR: %.4f%n", keptMrr));
        // the workbench's Runs… lists it as the project's run, with the MRR its model was kept by
        var listed = dev.deepwire.ui.training.RunHistory.ofProject(List.of(dir), "wordnet-links", project);
        assertThat(listed).singleElement().satisfies(r -> {
            assertThat(r.dir()).isEqualTo(dir.resolve("kg-run"));
            assertThat(r.outcome()).startsWith("finished: all 3 epochs done");
            assertThat(r.validationMrr()).isCloseTo(keptMrr, org.assertj.core.data.Offset.offset(5e-5)); // printed to 4 places
        });
    }

    @Test
    void benchPrintsExactlyOneLineInTheReferenceForm() throws Exception {
        int code = DeepWireCli.execute("bench", smallMarker().toString(), "--steps", "3", "--warmup", "1", "--threads", "1");
        assertThat(code).isEqualTo(0);
        assertThat(console.out().lines().toList()).singleElement()
                .asString().matches("marker ms_per_step=[0-9.]+ samples_per_s=[0-9]+ params=[0-9]+ threads=1 blas=\\S+");
        assertThat(console.out()).contains(" params=" + MarkerSample.parameterCount() + " threads=1 blas=")
                .endsWith(System.lineSeparator());
    }

    /** bench --param times the model at another size (as a reference's); a wrong key is refused before anything runs. */
    @Test
    void benchParamChangesTheTimedModelAndRefusesUnknownKeys() throws Exception {
        int code = DeepWireCli.execute("bench", smallMarker().toString(), "--steps", "2", "--warmup", "0", "--threads", "1",
                "--param", "ffn.hidden=64");
        assertThat(code).isEqualTo(0);
        long smaller = MarkerSample.parameterCount() - 2 * 64 * 64 - 64; // W1, W2 halved, b1 64 shorter
        assertThat(console.out()).contains(" params=" + smaller + " ");
        assertThat(DeepWireCli.execute("bench", smallMarker().toString(), "--param", "nosuch.dim=64")).isEqualTo(2);
        assertThat(console.err()).contains("--param nosuch.dim").contains("no block 'nosuch'");
        assertThat(DeepWireCli.execute("bench", smallMarker().toString(), "--param", "ffn.hidden")).isEqualTo(2);
        // a value the block takes but the network cannot (64 features in 7 heads) is the argument's fault, not the file's
        console.resetErr();
        assertThat(DeepWireCli.execute("bench", smallMarker().toString(), "--param", "attn.heads=7")).isEqualTo(2);
        assertThat(console.err()).contains("--param attn.heads=7: ERROR attn").contains("7 heads")
                .contains("choose another value").doesNotContain("is not valid").doesNotContain("deepwire validate");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(DeepWireCli.execute("--help")).isEqualTo(0);
        assertThat(console.out()).contains("validate").contains("train").contains("bench").contains("Exit codes");
    }

    @Test
    void inspectWritesAVerifiedHeatmapAndTheExactWeights() throws Exception {
        Path project = smallMarker();
        Path runDir = dir.resolve("run");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "5", "--out", runDir.toString())).isEqualTo(0);
        console.resetOut();
        Path png = dir.resolve("attn.png");
        Path csv = dir.resolve("attn.csv");
        int code = DeepWireCli.execute("inspect", project.toString(), "--model", runDir.resolve("model.zip").toString(),
                "--node", "attn", "--example", "2", "--head", "1", "--png", png.toString(), "--csv", csv.toString());
        assertThat(code).isEqualTo(0);
        assertThat(console.out()).contains("attn · example 2 · head 1: verified");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0).split(",")).hasSize(25).contains("<M>");
        for (String row : rows.subList(1, rows.size())) {
            double sum = Arrays.stream(row.split(",")).skip(1).mapToDouble(Double::parseDouble).sum();
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(24 * 8);
        assertThat(DeepWireCli.execute("inspect", project.toString(), "--model", runDir.resolve("model.zip").toString(),
                "--node", "pool")).isEqualTo(2);
    }
}
