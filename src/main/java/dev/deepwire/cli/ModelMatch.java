package dev.deepwire.cli;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.ModelFit;
import dev.deepwire.limits.FileProblems;
import dev.deepwire.limits.LimitException;
import dev.deepwire.limits.ModelZips;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Loads a model zip for a project through {@link ModelFit}, turning each refusal into the command line's exit code and
 * a message naming the model file and the project.
 */
final class ModelMatch {
    private ModelMatch() {
    }

    /** Refuses a model path that is missing, a folder or a device, before the project's data is loaded. */
    static void requireFile(Path model) throws CliException {
        try {
            ModelZips.checkFile(model);
        } catch (IOException e) {
            throw refusal(model, e);
        }
    }

    static ComputationGraph load(Path model, Path project, CompiledNetwork network, Dataset examples) throws CliException {
        try {
            return ModelFit.load(model, network, examples);
        } catch (ModelFit.Mismatch e) {
            throw mismatch(model, project, e.getMessage());
        } catch (ModelFit.NotAModel e) {
            throw new CliException(ExitCodes.BAD_INPUT, model + " is not a DeepWire/DL4J model: " + e.getMessage());
        } catch (ModelFit.NotFinite e) {
            throw new CliException(ExitCodes.BAD_INPUT, model + " " + e.getMessage().substring("it ".length()));
        } catch (IOException e) {
            throw refusal(model, e);
        }
    }

    private static CliException refusal(Path model, IOException e) {
        if (e instanceof LimitException) {
            return new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
        if (e instanceof NoSuchFileException) {
            return new CliException(ExitCodes.BAD_INPUT, model + ": no such model file; train first (deepwire train) "
                    + "or check the path");
        }
        return new CliException(ExitCodes.BAD_INPUT, model + " cannot be read: " + FileProblems.describe(e));
    }

    private static CliException mismatch(Path model, Path project, String why) {
        return new CliException(ExitCodes.BAD_INPUT, model + " was not trained from " + project + " as it is now (" + why
                + "); give a model trained from this project (deepwire train " + project + ")");
    }
}
