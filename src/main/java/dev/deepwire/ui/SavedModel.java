package dev.deepwire.ui;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DataException;
import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetLoader;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Graph;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.InputBinding;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A run's saved model with the examples to inspect it on (the validation split, or the training split without one)
 * and all the project's data (what the projector labels and colours tables by).
 */
record SavedModel(TrainedModel model, Dataset data, DatasetSplits splits) {
    /**
     * Loads the model file and the project's data, with the validation examples held out as the run that saved it
     * held them out ({@code settings}: the run's, or the project's); slow, so call it off the UI thread.
     */
    static SavedModel load(Path model, Graph graph, BlockCatalog catalog, DatasetSpec dataset, TrainingSettings settings,
                           Path dataFolder) throws IOException, DataException {
        TrainedModel net = TrainedModel.load(model);
        DatasetSplits data = DatasetLoader.load(dataset, dataFolder);
        // as training took it (rows of pixels as images): the graph's inputs say how
        var compiled = new GraphCompiler(catalog).compile(graph, CompileOptions.forTraining(settings));
        if (compiled.ok()) {
            data = InputBinding.bind(compiled.orThrow(), data);
        }
        data = data.resplit(settings.validationSplit(), settings.seed());
        return new SavedModel(net, data.validation() != null ? data.validation() : data.train(), data);
    }
}
