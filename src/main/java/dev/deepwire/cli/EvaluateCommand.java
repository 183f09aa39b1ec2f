package dev.deepwire.cli;

import dev.deepwire.data.Dataset;
import dev.deepwire.training.eval.EvaluationReport;
import dev.deepwire.training.eval.Evaluator;
import dev.deepwire.training.eval.PruningLab;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deepwire evaluate FILE --model M.zip}: the per-class evaluation report, and with --prune the pruning table. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a trained model on the validation or test split: per-class precision, recall, F1 and",
                "support, macro and weighted averages and the confusion matrix (ROC-AUC for yes/no outputs, MAE and",
                "RMSE for regression; filtered MRR and Hits@1/3/10, overall and per relation, for knowledge graphs).",
                "With --prune, also measure how removing attention heads and pruning weights",
                "by magnitude changes the validation metric, size and speed (the model file is never changed)."})
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .dwproj project file")
    Path file;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "a trained model (model.zip or a checkpoint)")
    Path model;

    @Option(names = "--split", defaultValue = "validation", paramLabel = "validation|test",
            description = "which split to evaluate (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "write the per-class table and confusion matrix as CSV")
    Path csv;

    @Option(names = "--prune", description = "also print the pruning table (on the validation split)")
    boolean prune;

    @Option(names = "--sparsities", split = ",", paramLabel = "S,S,…", defaultValue = "0.25,0.5,0.75,0.9",
            description = "magnitude-pruning shares for --prune, each from 0 to below 1 (default: ${DEFAULT-VALUE})")
    List<Double> sparsities;

    @Option(names = "--fine-tune", defaultValue = "0", paramLabel = "N",
            description = "fine-tune each pruned model for N epochs before measuring it again (default: 0)")
    int fineTune;

    @picocli.CommandLine.Mixin
    DataAccessOption dataAccess;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CliException {
        if (!split.equals("validation") && !split.equals("test")) {
            throw new CliException(ExitCodes.BAD_INPUT, "--split must be validation or test; got " + split);
        }
        if (fineTune < 0) {
            throw new CliException(ExitCodes.BAD_INPUT, "--fine-tune must be 0 or more epochs; got " + fineTune);
        }
        if (!prune) {
            for (String option : List.of("--sparsities", "--fine-tune")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new CliException(ExitCodes.BAD_INPUT, option + " sets up the pruning table: add --prune");
                }
            }
        }
        if (new java.util.HashSet<>(sparsities).size() != sparsities.size()) {
            throw new CliException(ExitCodes.BAD_INPUT, "--sparsities names a share twice: " + sparsities);
        }
        for (double s : sparsities) {
            if (!(s >= 0 && s < 1)) {
                throw new CliException(ExitCodes.BAD_INPUT, "--sparsities must each be from 0 up to (not including) 1; got " + s);
            }
        }
        OutputPaths.requireFile(csv, "--csv");
        TrainedProject opened = TrainedProject.open(file, model, dataAccess, TrainedProject.output("--csv", csv));
        LoadedProject prepared = opened.project();
        ComputationGraph net = opened.net();
        Dataset data = split.equals("test") ? prepared.data().test() : prepared.data().validation();
        if (data == null || data.size() == 0) {
            throw new CliException(ExitCodes.BAD_INPUT, file + ": the project's data has no " + split + " split"
                    + (split.equals("test") ? "; use --split validation" : ""));
        }
        String outputType = prepared.network().outputs().get(0).blockType();
        // a knowledge graph's report carries its filtered ranking, overall and per relation, beside the baselines
        EvaluationReport report = Evaluator.evaluate(net, data, prepared.data().knowledgeGraph(), outputType, split);
        PrintStream out = Outputs.report(csv);
        report.lines().forEach(out::println);
        if (csv != null) {
            Outputs.write(csv, report.csv().getBytes(StandardCharsets.UTF_8));
        }
        if (prune) {
            pruningTable(net, prepared, outputType).forEach(out::println);
        }
        return ExitCodes.OK;
    }

    private List<String> pruningTable(ComputationGraph net, LoadedProject prepared, String outputType) {
        Dataset validation = prepared.data().validation();
        PruningLab lab = new PruningLab(net, validation.batches(256, null),
                fineTune > 0 ? prepared.data().train().batches(prepared.session().project.training().batchSize(), null) : List.of(),
                outputType, prepared.session().project.training().seed()).rankedOn(prepared.data().knowledgeGraph(), "validation");
        List<PruningLab.Row> rows = new ArrayList<>();
        rows.add(lab.baseline());
        var ranked = lab.rankHeads();
        for (int k = 1; k <= lab.removableHeads(); k++) {
            rows.add(lab.removeHeads(ranked, k, fineTune).row());
        }
        List<Double> shares = new ArrayList<>(sparsities);
        if (lab.prunableWeights() == 0) {
            shares.removeIf(s -> s > 0); // nothing would go: no row claims a share pruned
        }
        if (fineTune > 0 && !shares.contains(0.0)) {
            shares.add(0, 0.0); // the unpruned model fine-tuned as long: what the pruned ones are compared with
        }
        for (double s : shares) {
            rows.add(lab.prune(s, fineTune).row());
        }
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("pruning (" + lab.metricName() + "; the model file is unchanged):");
        lines.add(lab.prunableSentence());
        if (!ranked.isEmpty()) {
            lines.add("heads, cheapest to remove first: " + String.join(", ", ranked.stream()
                    .map(i -> String.format(Locale.ROOT, "%s (%+.4f)", i.head(), -i.drop())).toList()));
        }
        lines.add(String.format(Locale.ROOT, "%-26s %9s %10s %10s %10s %11s %10s", "step", "metric",
                fineTune > 0 ? "tuned" : "", "params", "non-zero", "file bytes", "ms/example"));
        for (PruningLab.Row r : rows) {
            lines.add(String.format(Locale.ROOT, "%-26s %9.4f %10s %,10d %,10d %,11d %10.4f", r.step(), r.metric(),
                    Double.isNaN(r.fineTunedMetric()) ? "" : String.format(Locale.ROOT, "%.4f", r.fineTunedMetric()),
                    r.params(), r.nonZero(), r.fileBytes(), r.msPerExample()));
        }
        return lines;
    }
}
