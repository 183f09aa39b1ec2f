package dev.deepwire.cli;

import dev.deepwire.testing.SmallMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.model.Project;
import dev.deepwire.training.PreparedRun;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepwire walkthrough}: pictures, a self-contained page and steps.json for one example. */
class WalkthroughCommandTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    private Path smallMarker() throws Exception {
        return SmallMarker.file(dir, "small.dwproj");
    }

    @Test
    void writesAPicturePerStepThePageAndStepsJsonWithTheInspectorsSoftmaxRow() throws Exception {
        Path project = smallMarker();
        Path runDir = dir.resolve("run");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "3", "--out", runDir.toString())).isEqualTo(0);
        Path out = dir.resolve("walk");
        Files.createDirectories(out);
        Files.writeString(out.resolve("step-99-old.png"), "an earlier walk-through's picture");
        Files.writeString(out.resolve("notes.txt"), "mine");
        console.resetOut();
        Path model = runDir.resolve("model.zip");
        int code = DeepWireCli.execute("walkthrough", project.toString(), "--model", model.toString(), "--example", "2",
                "--position", "5", "--head", "1", "--gradients", "--out", out.toString());
        assertThat(code).as(console.err()).isEqualTo(0);
        assertThat(console.out()).contains("11 steps of validation example 2 written to " + out);
        List<String> pictures;
        try (Stream<Path> files = Files.list(out)) {
            pictures = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
        assertThat(pictures).hasSize(11).startsWith("step-01-tokens.png").endsWith("step-11-classify.png");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(ImageIO.read(out.resolve("step-04-attn.png").toFile()).getWidth()).isEqualTo(1100);
        String html = Files.readString(out.resolve("walkthrough.html"));
        assertThat(html).contains("data:image/png;base64,").contains("Gradients for this example").doesNotContain("src=\"step-");

        JsonNode json = new ObjectMapper().readTree(out.resolve("steps.json").toFile());
        assertThat(json.get("steps")).hasSize(11);
        JsonNode attn = json.get("steps").get(3);
        assertThat(attn.get("block").asText()).isEqualTo("attn");
        assertThat(attn.get("inputs").get(0).get("shape").toString()).isEqualTo("[64,24]");
        assertThat(attn.get("outputs").get(0).get("min").asDouble()).isLessThan(attn.get("outputs").get(0).get("max").asDouble());
        JsonNode row = attn.get("attention").get("softmaxRow");
        assertThat(row).hasSize(24);
        double sum = 0;
        for (JsonNode v : row) {
            sum += v.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        Project p = new ProjectReader().read(project);
        PreparedRun run = PreparedRun.of(BlockCatalog.standard(), p.graph(), p.dataset(), p.training(), dir);
        AttentionRecorder.Snapshot inspector = TrainedModel.load(model).capture("attn", run.data().validation().range(2, 3));
        for (int j = 0; j < 24; j++) {
            assertThat(row.get(j).floatValue()).isEqualTo(inspector.map(0, 1)[5][j]);
        }
        assertThat(json.get("backward").get("loss").asDouble()).isPositive();
    }

    @Test
    void typedTextForANetworkWithoutATokenInputSaysToChooseAnExample() throws Exception {
        // a CNN on digits.csv.gz: 'deepwire walkthrough --text' said only that the network has no token input
        Files.copy(Path.of("sample-projects/data/digits.csv.gz"), dir.resolve("digits.csv.gz"));
        Path project = Files.writeString(dir.resolve("cnn.dwproj"), """
                {"format": "deepwire-project", "formatVersion": 1, "name": "cnn",
                 "nodes": [{"id": "img", "type": "image_input", "params": {"channels": 1, "height": 8, "width": 8}},
                           {"id": "flat", "type": "flatten", "params": {}},
                           {"id": "out", "type": "softmax_output", "params": {"classes": 10}}],
                 "edges": [{"from": "img.out", "to": "flat.in"}, {"from": "flat.out", "to": "out.in"}],
                 "dataset": {"kind": "csv", "file": "digits.csv.gz", "classes": 10, "header": false},
                 "training": {"epochs": 1}}
                """);
        Path runDir = dir.resolve("run");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "1", "--out", runDir.toString())).isEqualTo(0);
        console.resetErr();
        assertThat(DeepWireCli.execute("walkthrough", project.toString(), "--model", runDir.resolve("model.zip").toString(),
                "--text", "a seven", "--out", dir.resolve("w").toString())).isEqualTo(2);
        assertThat(console.err().strip()).isEqualTo("deepwire: --text: this network has no token input to type into; "
                + "leave out --text and choose a validation example with --example K (0 to 179)");
        assertThat(Files.exists(dir.resolve("w"))).isFalse();
    }

    @Test
    void typedTextAndBadArgumentsAreOneLineEach() throws Exception {
        Path project = smallMarker();
        Path runDir = dir.resolve("run");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "1", "--out", runDir.toString())).isEqualTo(0);
        String model = runDir.resolve("model.zip").toString();
        console.resetOut();
        assertThat(DeepWireCli.execute("walkthrough", project.toString(), "--model", model, "--text", "<M> zzz",
                "--out", dir.resolve("typed").toString())).isEqualTo(0);
        assertThat(console.out()).contains("typed \"<M> zzz\" in place of validation example 0's tokens (not in the "
                + "vocabulary: zzz)");
        assertThat(console.out()).as("what was read of it, and that it has no answer to be marked against")
                .contains("the input is 24 tokens long: the 2 typed come first, the other 22 are padding")
                .contains("no true label");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("typed/steps.json").toFile());
        assertThat(json.get("example").asText()).startsWith("typed");
        assertThat(json.toString()).as("example 0's label had been shown as the typed text's answer, with ✗")
                .contains("prediction: ").doesNotContain("true label:").doesNotContain("✗");
        console.resetOut();
        assertThat(DeepWireCli.execute("walkthrough", project.toString(), "--model", model, "--text", "a".repeat(100_000),
                "--out", dir.resolve("long").toString())).isIn(0, 2);
        assertThat(console.out().length() + console.err().length()).as("a typed text is not echoed whole").isLessThan(3_000);
        console.resetErr();
        assertThat(DeepWireCli.execute("walkthrough", project.toString(), "--model", model, "--text", "<M> t3",
                "--gradients", "--out", dir.resolve("g").toString())).isEqualTo(2);
        assertThat(console.err()).contains("--gradients needs the example's true label");
        console.resetErr();

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(DeepWireCli.execute("walkthrough", project.toString(), "--model", model, "--out", file.toString())).isEqualTo(2);
        assertThat(DeepWireCli.execute("walkthrough", project.toString(), "--model", model, "--position", "24",
                "--out", dir.resolve("w").toString())).isEqualTo(2);
        assertThat(DeepWireCli.execute("walkthrough", project.toString(), "--model", model, "--example", "100",
                "--out", dir.resolve("w").toString())).isEqualTo(2);
        assertThat(DeepWireCli.execute("walkthrough", project.toString(), "--model", model, "--head", "99",
                "--out", dir.resolve("w").toString())).isEqualTo(2);
        assertThat(console.err().lines().toList()).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("deepwire: ")
                .doesNotContain("Exception"));
        assertThat(console.err()).contains("is a file, not a folder").contains("--position must be below 24")
                .contains("--example must be between 0 and 99")
                .contains("--head must be below 4, the most heads an attention block of this network has");
        assertThat(Files.exists(dir.resolve("w"))).as("nothing written for refused arguments").isFalse();
    }
}
