package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.training.MetricsCsv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deepwire train FILE --spark local[2]} with both of dl4j-spark's masters: a small classifier of the digits
 * sample reaches a validation accuracy within 2 points of the same project trained in one process for the same
 * number of epochs, and the run writes metrics.csv (an epoch row each epoch), its checkpoints and a model.zip that loads.
 */
class SparkTrainCommandTest {
    private static final int EPOCHS = 20;

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void digitsProject() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("sample-projects/data/digits.csv.gz")))) {
            Files.copy(in, dir.resolve("digits.csv"));
        }
        project = Files.writeString(dir.resolve("digits-mlp.dwproj"), """
                {"format": "deepwire-project", "formatVersion": 1, "name": "digits-mlp",
                 "nodes": [{"id": "pixels", "type": "vector_input", "params": {"features": 64}},
                           {"id": "hidden", "type": "dense", "params": {"units": 32, "activation": "relu"}},
                           {"id": "digit", "type": "softmax_output", "params": {"classes": 10}}],
                 "edges": [{"from": "pixels.out", "to": "hidden.in"}, {"from": "hidden.out", "to": "digit.in"}],
                 "dataset": {"kind": "csv", "file": "digits.csv", "classes": 10, "header": false,
                             "validationFraction": 0.2, "seed": 7},
                 "training": {"epochs": %d, "batchSize": 32, "optimizer": "adam", "learningRate": 0.01, "seed": 1,
                              "checkpointEvery": 10}}
                """.formatted(EPOCHS));
    }

    private double train(String name, String... spark) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("train", project.toString(), "--out", out.toString()));
        args.addAll(List.of(spark));
        assertThat(DeepWireCli.execute(args.toArray(String[]::new))).as(console.err()).isZero();
        List<MetricsCsv.Row> epochs = MetricsCsv.read(out.resolve("metrics.csv")).stream()
                .filter(r -> !Double.isNaN(r.validationAccuracy())).toList();
        assertThat(epochs).as(name + " epoch rows").hasSize(EPOCHS);
        ComputationGraph model = ModelSerializer.restoreComputationGraph(out.resolve("model.zip").toFile());
        assertThat(model.params().length()).isEqualTo(64 * 32 + 32 + 32 * 10 + 10);
        assertThat(out.resolve("checkpoint-epoch-10.zip")).isNotEmptyFile();
        assertThat(out.resolve("checkpoint-epoch-20.zip")).isNotEmptyFile();
        return epochs.get(EPOCHS - 1).validationAccuracy();
    }

    @Test
    void bothMastersReachTheSingleProcessAccuracyWithinTwoPoints() throws Exception {
        double single = train("single");
        double averaging = train("averaging", "--spark", "local[2]", "--mode", "averaging", "--workers", "2");
        assertThat(console.out()).contains("on Spark local[2], parameter averaging, 2 workers");
        double sharing = train("sharing", "--spark", "local[2]", "--mode", "sharing", "--workers", "2");
        assertThat(console.out()).contains("on Spark local[2], gradient sharing, 2 workers")
                .contains("train loss not measured, validation loss"); // DL4J reports none under sharing
        assertThat(single).as("single-process accuracy").isGreaterThan(0.9);
        assertThat(averaging).as("parameter averaging vs single process " + single).isGreaterThanOrEqualTo(single - 0.02);
        assertThat(sharing).as("gradient sharing vs single process " + single).isGreaterThanOrEqualTo(single - 0.02);
    }

    /** The workers rebuild the network from its JSON: DeepWire's own attention and embedding layers travel too. */
    @Test
    void theHandWrittenLayersOfTheCaptionSampleTrainOnSpark() throws Exception {
        Path out = dir.resolve("caption");
        assertThat(DeepWireCli.execute("train", "sample-projects/digits-caption.dwproj", "--max-steps", "6",
                "--spark", "local[2]", "--out", out.toString())).as(console.err()).isZero();
        List<MetricsCsv.Row> rows = MetricsCsv.read(out.resolve("metrics.csv"));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.step()).isEqualTo(6);
            assertThat(r.validationAccuracy()).isBetween(0.0, 1.0);
        });
        ComputationGraph model = ModelSerializer.restoreComputationGraph(out.resolve("model.zip").toFile());
        var started = java.util.regex.Pattern.compile("training digits-caption: ([0-9,]+) parameters, .* on Spark local\\[2]")
                .matcher(console.out());
        assertThat(started.find()).as(console.out()).isTrue();
        assertThat(model.params().length()).isEqualTo(Long.parseLong(started.group(1).replace(",", "")));
    }

    @Test
    void aBadModeOrWorkerCountIsRefusedBeforeAnythingStarts() {
        assertThat(DeepWireCli.execute("train", project.toString(), "--spark", "local[2]", "--mode", "ring")).isEqualTo(2);
        assertThat(console.err()).contains("--mode must be averaging or sharing; got ring");
        assertThat(DeepWireCli.execute("train", project.toString(), "--spark", "local[2]", "--workers", "0")).isEqualTo(2);
        assertThat(console.err()).contains("--workers must be 1 or more; got 0");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
