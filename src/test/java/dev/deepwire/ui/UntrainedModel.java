package dev.deepwire.ui;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.ScratchDirs;
import java.nio.file.Path;

/** A project's network as its seed starts it, saved as a model zip in a scratch folder: what the UI tests open. */
final class UntrainedModel {
    private UntrainedModel() {
    }

    /** Saves {@code p}'s network, untrained, as {@code model.zip} in a new scratch folder named after {@code scratch}. */
    static Path save(Project p, String scratch) throws Exception {
        Path zip = ScratchDirs.create(scratch).resolve("model.zip");
        new TrainedModel(new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training()))
                .orThrow().instantiate()).save(zip);
        return zip;
    }
}
