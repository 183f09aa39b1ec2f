package dev.deepwire.training;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DataException;
import dev.deepwire.data.DatasetLoader;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Issue;
import dev.deepwire.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * A graph compiled for training with its data loaded and matched to its inputs, or the first problem found (and the
 * block at fault, when there is one): what the workbench checks before a run and its training process starts from.
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
        DatasetSplits data;
        try {
            data = DatasetLoader.load(dataset, dataFolder);
        } catch (DataException e) {
            return failed(e.getMessage(), null);
        }
        List<Issue> binding = DataBinding.problems(compiled.orThrow(), data.train());
        if (!binding.isEmpty()) {
            return failed(binding.get(0).toString(), binding.get(0).nodeId());
        }
        return new PreparedRun(compiled.orThrow(), data, null, null);
    }

    public boolean ok() {
        return problem == null;
    }

    private static PreparedRun failed(String problem, String nodeId) {
        return new PreparedRun(null, null, problem, nodeId);
    }
}
