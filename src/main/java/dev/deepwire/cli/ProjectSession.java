package dev.deepwire.cli;

import dev.deepwire.data.DatasetLoader;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.UnknownKeys;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads and compiles a project file for a command, turning failures into {@link CliException}s. */
final class ProjectSession {
    final Path file;
    final Project project;

    private ProjectSession(Path file, Project project) {
        this.file = file;
        this.project = project;
    }

    /**
     * Reads the project: a file that is no project (not JSON, another format, over a limit) cannot be used (exit 2); a
     * project whose content is wrong (a training setting out of range, a wire to no block) is invalid (exit 1), as a
     * block setting out of range is.
     */
    static ProjectSession open(Path file) throws CliException {
        try {
            return read(file);
        } catch (ProjectFormatException e) {
            throw new CliException(e.invalidContent() ? ExitCodes.INVALID : ExitCodes.BAD_INPUT, named(file, e));
        }
    }

    /**
     * The reader's problem led by the file's path, once: a long path leads the message already shortened ("xxx…
     * (10,007 characters)"), and it had been put in front again.
     */
    static String named(Path file, ProjectFormatException e) {
        String msg = e.getMessage();
        return msg.startsWith(file.toString()) || file.toString().equals(e.location()) ? msg : file + ": " + msg;
    }

    /** As {@link #open}, the reader's problem as it is (for validate, which lists an invalid project's problem). */
    static ProjectSession read(Path file) throws CliException, ProjectFormatException {
        return new ProjectSession(file, new ProjectReader().read(file));
    }

    CompileResult compile() {
        return new GraphCompiler(BlockCatalog.standard()).compile(project.graph(),
                CompileOptions.forTraining(project.training()));
    }

    /**
     * The WARN lines about this project as {@code validate} prints them, and train and bench before they start: the
     * blocks' warnings (an unused branch, an unknown parameter) and settings DeepWire does not know.
     */
    List<String> warnings(CompileResult result) {
        List<String> lines = new ArrayList<>();
        result.issues().stream().filter(i -> !i.isError()).forEach(i -> lines.add(i.toString()));
        lines.addAll(settingWarnings());
        return lines;
    }

    /** Keys the file holds that DeepWire does not read (sections, block fields, training settings) and the dataset's settings its kind does not read: ignored, kept in the file. */
    List<String> settingWarnings() {
        List<String> lines = new ArrayList<>(UnknownKeys.of(project).stream().map(w -> "WARN " + w).toList());
        DatasetLoader.unknownSettings(project.dataset()).forEach(w -> lines.add("WARN " + w));
        return lines;
    }

    /**
     * The files this project is read from, each with what it is: the project file and, when the dataset names one,
     * its data file (outputs must never replace them).
     */
    Map<Path, String> inputFiles() {
        Map<Path, String> inputs = new LinkedHashMap<>();
        inputs.put(file, "the project file");
        if (project.dataset() != null && project.dataset().params().get("file") instanceof String data && !data.isBlank()
                && data.indexOf('\0') < 0) {
            try {
                inputs.put(projectDir().resolve(data), "the project's data file");
            } catch (InvalidPathException e) {
                // not a usable path: the data check names it
            }
        }
        return inputs;
    }

    Path projectDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
