package dev.deepwire.cli;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A project with a trained model, as the commands that look into one (inspect, ablate, evaluate,
 * project-embeddings, walkthrough) open it, in one order: the project is read, outputs that would replace
 * one of its inputs or the model are refused, data outside its folder is checked, then the data is loaded and
 * the model is matched to the compiled graph (every refusal a one-line {@link CliException}).
 *
 * @param readFiles every file read (the project, its data, the model), for outputs checked later
 */
record TrainedProject(ProjectSession session, LoadedProject project, ComputationGraph net, Map<Path, String> readFiles) {

    /**
     * @param outputs option name (e.g. {@code --csv}) to the path given for it, or null when not given
     */
    static TrainedProject open(Path file, Path model, DataAccessOption dataAccess, Map<String, Path> outputs)
            throws CliException {
        ProjectSession session = ProjectSession.open(file);
        Map<Path, String> readFiles = new LinkedHashMap<>(session.inputFiles());
        readFiles.put(model, "the model");
        for (Map.Entry<String, Path> output : outputs.entrySet()) {
            OutputPaths.requireNotInput(output.getValue(), output.getKey(), readFiles);
        }
        dataAccess.check(session);
        ModelMatch.requireFile(model);
        LoadedProject project = LoadedProject.load(session);
        var data = project.data();
        ComputationGraph net = ModelMatch.load(model, file, project.network(),
                data.validation() != null ? data.validation() : data.train());
        return new TrainedProject(session, project, net, Collections.unmodifiableMap(readFiles));
    }

    /** One output option, or none when {@code path} is null. */
    static Map<String, Path> output(String option, Path path) {
        Map<String, Path> out = new LinkedHashMap<>();
        if (path != null) {
            out.put(option, path);
        }
        return out;
    }

    /** Two output options (those given). */
    static Map<String, Path> outputs(String option, Path path, String other, Path otherPath) {
        Map<String, Path> out = output(option, path);
        out.putAll(output(other, otherPath));
        return out;
    }
}
