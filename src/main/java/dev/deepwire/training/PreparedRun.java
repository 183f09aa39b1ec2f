package dev.deepwire.training;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DataException;
import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetLoader;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Issue;
import dev.deepwire.model.TrainingSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph compiled for training with its data loaded and matched to its inputs, or the first problem found (and the
 * block at fault, when there is one): what the workbench checks before a run, its training process and the command
 * line's {@code train} start from, and what {@code validate} checks — so what validate accepts, train starts.
 */
public record PreparedRun(CompiledNetwork network, DatasetSplits data, String problem, String nodeId) {

    /** @param dataFolder where the dataset's relative paths start */
    public static PreparedRun of(BlockCatalog catalog, Graph graph, DatasetSpec dataset, TrainingSettings settings,
                                 Path dataFolder) {
        CompileResult compiled = new GraphCompiler(catalog).compile(graph, CompileOptions.forTraining(settings));
        if (!compiled.ok()) {
            Issue first = compiled.errors().get(0);
            return failed("The graph does not compile: " + first, first.nodeId());
        }
        return withData(compiled.orThrow(), dataset, settings, dataFolder);
    }

    /**
     * Loads the data for an already compiled network and checks it as training will use it: every split's arrays fit
     * the inputs and outputs (an id or token only in the validation or test lines included), and there are
     * validation examples after {@code settings.validationSplit()} is applied, and training fits in memory.
     */
    public static PreparedRun withData(CompiledNetwork network, DatasetSpec dataset, TrainingSettings settings,
                                       Path dataFolder) {
        DatasetSplits data;
        try {
            data = InputBinding.bind(network, DatasetLoader.load(dataset, dataFolder));
        } catch (DataException e) {
            return failed(e.getMessage(), null);
        }
        List<Issue> binding = DataBinding.problems(network, data.train());
        if (!binding.isEmpty()) {
            return failed(binding.get(0) + scoringHint(dataset, network, data), binding.get(0).nodeId());
        }
        DatasetSplits used = data.resplit(settings.validationSplit(), settings.seed());
        if (used.validation() == null || used.validation().size() == 0) {
            return failed("the dataset has no validation examples, which training needs to measure progress; "
                    + noValidationFix(dataset), null);
        }
        String selection = new Selection(settings.selectOn(), used).problem();
        if (selection != null) {
            return failed(selection, null);
        }
        Map<String, Dataset> held = new LinkedHashMap<>();
        held.put("validation", used.validation());
        if (used.test() != null) {
            held.put("test", used.test());
        }
        for (var split : held.entrySet()) {
            List<Issue> problems = DataBinding.problems(network, split.getValue());
            if (!problems.isEmpty()) {
                Issue i = problems.get(0);
                return failed((i.nodeId() == null ? "" : "ERROR " + i.nodeId() + ": ") + "in the " + split.getKey()
                        + " examples, " + i.message(), i.nodeId());
            }
        }
        List<Issue> unused = DataBinding.idsBeyondTheData(network, data.train());
        if (!unused.isEmpty()) {
            return failed(unused.get(0).toString(), unused.get(0).nodeId());
        }
        if (used.sampler() != null) {
            // examples drawn per epoch (a knowledge graph's corrupted triples): drawn once here, so that a count
            // over the limits is refused before training, by validate as by train
            try {
                used.trainFor(0, network.outputs().get(0).settings());
            } catch (IllegalArgumentException e) {
                return failed("ERROR " + network.outputs().get(0).nodeId() + ": " + e.getMessage(), network.outputs().get(0).nodeId());
            }
        }
        var memory = MemoryEstimate.of(network, Math.min(settings.batchSize(), Math.max(1, used.train().size())));
        if (memory.problem(MemoryEstimate.available()).isPresent()) {
            return failed("ERROR memory: " + memory.problem(MemoryEstimate.available()).get(), null);
        }
        return new PreparedRun(network, used, null, null); // the examples training uses, validation held out
    }

    /** For a triples file read in the other form than the graph's scorer needs: which "scoring" to set. */
    private static String scoringHint(DatasetSpec dataset, CompiledNetwork network, DatasetSplits data) {
        if (dataset == null || !"triples".equals(dataset.kind()) || data.train().features().length == network.inputs().size()) {
            return "";
        }
        return network.inputs().size() == 2
                ? "; a 1-N scorer takes (head, relation) queries: set the dataset's \"scoring\" to \"1-n\""
                : "; a per-triple scorer takes head, relation and tail: set the dataset's \"scoring\" to \"triples\"";
    }

    private static String noValidationFix(DatasetSpec dataset) {
        return switch (dataset.kind()) {
            case "triples" -> "mark some lines 'validation' in a fourth column";
            case "text-classes" -> "add more lines, mark some 'validation' in a third column, or hold out a "
                    + "share of the training examples: the training settings' Validation split (e.g. 0.1)";
            default -> "add examples, or hold out a share of the training examples: the training settings' Validation "
                    + "split (e.g. 0.1)";
        };
    }

    public boolean ok() {
        return problem == null;
    }

    private static PreparedRun failed(String problem, String nodeId) {
        return new PreparedRun(null, null, problem, nodeId);
    }
}
