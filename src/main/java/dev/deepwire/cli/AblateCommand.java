package dev.deepwire.cli;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.Ablation;
import dev.deepwire.inspect.AttentionProbe;
import dev.deepwire.inspect.HeadAblation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deepwire ablate FILE --model MODEL.zip [--node ID] [--mode zero|mean] [--csv OUT]}: which heads matter. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = {"Switch each attention head off in turn (its output zeroed, or replaced by its mean over the",
                "validation set) and print the validation accuracy without it, the largest drop first, with the",
                "accuracy with no head off. The trained model is not changed."})
final class AblateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .dwproj project file")
    Path file;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "a trained model (model.zip or a checkpoint)")
    Path model;

    @Option(names = "--node", paramLabel = "ID", description = "one attention block (default: every attention block)")
    String node;

    @Option(names = "--mode", defaultValue = "zero", paramLabel = "zero|mean",
            description = "zero: the head's output becomes 0; mean: its average over the validation set (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "also write the table as CSV (node,head,mode,accuracy,drop)")
    Path csv;

    @picocli.CommandLine.Mixin
    DataAccessOption dataAccess;

    @Override
    public Integer call() throws CliException {
        Ablation how;
        try {
            how = Ablation.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--" + e.getMessage());
        }
        OutputPaths.requireFile(csv, "--csv");
        TrainedProject opened = TrainedProject.open(file, model, dataAccess, TrainedProject.output("--csv", csv));
        LoadedProject prepared = opened.project();
        ComputationGraph net = opened.net();
        List<String> all = AttentionProbe.attentionNodes(net);
        if (all.isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, file + " has no attention block: there are no heads to switch off");
        }
        if (node != null && !all.contains(node)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--node '" + node + "' is not an attention block; choose one of " + all);
        }
        Dataset validation = prepared.data().validation();
        if (validation == null || validation.size() == 0) {
            throw new CliException(ExitCodes.INVALID, file + ": the project's data has no validation examples to measure on");
        }
        HeadAblation.Table table;
        try {
            table = HeadAblation.table(net, validation, node == null ? all : List.of(node), how);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INVALID, file + ": " + e.getMessage());
        }
        if (csv != null) {
            Outputs.write(csv, table.csv().getBytes(StandardCharsets.UTF_8));
        }
        var out = Outputs.report(csv);
        out.printf(Locale.ROOT, "validation accuracy with each head switched off (%s), %,d examples; largest drop first%n",
                how.explanation(), validation.size());
        int width = table.rows().stream().mapToInt(r -> r.node().length()).max().orElse(4) + 8;
        out.printf(Locale.ROOT, "  %-" + width + "s %8.2f %%%n", "none off", 100 * table.baseline());
        for (HeadAblation.Row r : table.rows()) {
            out.printf(Locale.ROOT, "  %-" + width + "s %8.2f %%  (%+.2f points)%n", r.node() + " head " + r.head(),
                    100 * r.metric(), -100 * r.drop());
        }
        return ExitCodes.OK;
    }
}
