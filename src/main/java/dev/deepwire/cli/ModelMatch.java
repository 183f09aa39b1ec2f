package dev.deepwire.cli;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.limits.FileProblems;
import dev.deepwire.limits.LimitException;
import dev.deepwire.limits.ModelZips;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Loads a model zip for a project: the zip is checked within limits before DL4J reads it, and the model must have the
 * project's network (its blocks and their parameter counts), so a model of another project is refused by name
 * instead of failing deep inside ND4J.
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

    static ComputationGraph load(Path model, Path project, CompiledNetwork network) throws CliException {
        long params;
        try {
            params = ModelZips.check(model);
        } catch (IOException e) {
            throw refusal(model, e);
        }
        if (params != network.totalParams()) {
            throw mismatch(model, project, String.format("it holds %,d parameters but the project's network has %,d",
                    params, network.totalParams()));
        }
        ComputationGraph net;
        try {
            net = ModelSerializer.restoreComputationGraph(model.toFile(), false);
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, model + " is not a DeepWire/DL4J model: " + FileProblems.describe(e));
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.BAD_INPUT, model + " is not a DeepWire/DL4J model: " + FileProblems.plain(e.getMessage()));
        }
        for (var entry : network.shapes().paramCounts().entrySet()) {
            if (net.getVertex(entry.getKey()) == null) {
                throw mismatch(model, project, "it has no block '" + entry.getKey() + "'");
            }
            long held = blockParams(net, entry.getKey());
            if (held != entry.getValue()) {
                throw mismatch(model, project, String.format("its block '%s' has %,d parameters, the project's %,d",
                        entry.getKey(), held, entry.getValue()));
            }
        }
        if (BooleanIndexing.or(net.params(), Conditions.notFinite())) {
            // every figure from it would be NaN (evaluation, ablation, an embedding map): refused here, by name
            throw new CliException(ExitCodes.BAD_INPUT, model + " holds parameters that are not numbers (NaN or infinite): "
                    + "the run that wrote it diverged; train again, e.g. with a lower learning rate");
        }
        return net;
    }

    /** A block's parameters: its own vertex and the parts it compiles to ({@code id.part}, e.g. a transformer block's). */
    private static long blockParams(ComputationGraph net, String nodeId) {
        long n = 0;
        for (GraphVertex v : net.getVertices()) {
            if (v.getVertexName().equals(nodeId) || v.getVertexName().startsWith(nodeId + ".")) {
                n += v.numParams();
            }
        }
        return n;
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
