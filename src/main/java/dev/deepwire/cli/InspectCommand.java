package dev.deepwire.cli;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.AttentionMaps;
import dev.deepwire.inspect.AttentionProbe;
import dev.deepwire.inspect.AxisLabels;
import dev.deepwire.inspect.Heatmaps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deepwire inspect FILE --model MODEL.zip --node ID}: a verified attention heatmap, headless. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Recompute a self-attention block's weights for one validation example, verify them against",
                "the block's own output, and write them as a heatmap (PNG) and exact weights (CSV: rows are",
                "queries, columns keys, with token labels)."})
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .dwproj project file")
    Path file;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "a trained model (model.zip or a checkpoint)")
    Path model;

    @Option(names = "--node", required = true, paramLabel = "ID", description = "the attention block's id")
    String node;

    @Option(names = "--example", defaultValue = "0", paramLabel = "K", description = "validation example (default: ${DEFAULT-VALUE})")
    int example;

    @Option(names = "--head", defaultValue = "mean", paramLabel = "H|mean", description = "a head number from 0, or mean (default)")
    String head;

    @Option(names = "--png", paramLabel = "OUT.png", description = "where to write the heatmap")
    Path png;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "where to write the weights")
    Path csv;

    @picocli.CommandLine.Mixin
    DataAccessOption dataAccess;

    @Override
    public Integer call() throws CliException {
        OutputPaths.requireFile(png, "--png");
        OutputPaths.requireFile(csv, "--csv");
        if (Outputs.isStdout(csv) && Outputs.isStdout(png)) {
            throw new CliException(ExitCodes.BAD_INPUT, "only one of --png and --csv can go to standard output (-)");
        }
        OutputPaths.requireDistinct(csv, "--csv", png, "--png");
        TrainedProject opened = TrainedProject.open(file, model, dataAccess, TrainedProject.outputs("--csv", csv, "--png", png));
        LoadedProject prepared = opened.project();
        ComputationGraph net = opened.net();
        Dataset validation = prepared.data().validation();
        if (example < 0 || example >= validation.size()) {
            throw new CliException(ExitCodes.BAD_INPUT, "--example must be between 0 and " + (validation.size() - 1));
        }
        Dataset one = validation.range(example, example + 1);
        AttentionMaps maps;
        try {
            maps = AttentionProbe.capture(net, node, one.features(), one.featureMasks());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        } catch (AttentionProbe.NotVerified e) {
            throw new CliException(ExitCodes.INVALID, e.getMessage());
        }
        int h = "mean".equalsIgnoreCase(head) ? -1 : parseHead(maps.heads());
        INDArray map = maps.map(0, h);
        int[] inputs = AttentionProbe.inputsOf(net.getConfiguration(), node);
        List<String> queries = AxisLabels.of(one, inputs[0], 0);
        List<String> keys = AxisLabels.of(one, inputs[1], 0);
        if (map.rows() != queries.size()) {
            queries = List.of("learned query"); // attention pooling: one query per head
        }
        String title = String.format(Locale.ROOT, "%s · example %d · %s", node, example, h < 0 ? "mean of " + maps.heads() + " heads" : "head " + h);
        if (csv != null) {
            Outputs.write(csv, Heatmaps.csv(map, queries, keys).getBytes(StandardCharsets.UTF_8));
        }
        if (png != null) {
            byte[] image;
            try {
                image = Heatmaps.png(Heatmaps.image(map, queries, keys, title));
            } catch (IOException e) {
                throw new CliException(ExitCodes.BAD_INPUT, "cannot make the heatmap image: " + e.getMessage());
            }
            Outputs.write(png, image);
        }
        Outputs.report(csv, png).printf(Locale.ROOT,
                "%s: verified (the output recomputed from these weights matches the block's, max error %.1e)%n",
                title, maps.maxError());
        return ExitCodes.OK;
    }

    private int parseHead(int heads) throws CliException {
        try {
            int h = Integer.parseInt(head);
            if (h >= 0 && h < heads) {
                return h;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new CliException(ExitCodes.BAD_INPUT, "--head must be mean or a number from 0 to " + (heads - 1) + "; got " + head);
    }
}
