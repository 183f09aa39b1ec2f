package dev.deepwire.cli;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import java.nio.file.Path;

/** Loads and compiles a project file for a command, turning failures into {@link CliException}s. */
final class ProjectSession {
    final Path file;
    final Project project;

    private ProjectSession(Path file, Project project) {
        this.file = file;
        this.project = project;
    }

    static ProjectSession open(Path file) throws CliException {
        try {
            return new ProjectSession(file, new ProjectReader().read(file));
        } catch (ProjectFormatException e) {
            String msg = e.getMessage();
            throw new CliException(ExitCodes.BAD_INPUT, msg.startsWith(file.toString()) ? msg : file + ": " + msg);
        }
    }

    CompileResult compile() {
        return new GraphCompiler(BlockCatalog.standard()).compile(project.graph(),
                CompileOptions.forTraining(project.training()));
    }

    /**
     * The files this project is read from, each with what it is: the project file and, when the dataset names one,
     * its data file (outputs must never replace them).
     */
    java.util.Map<Path, String> inputFiles() {
        java.util.Map<Path, String> inputs = new java.util.LinkedHashMap<>();
        inputs.put(file, "the project file");
        if (project.dataset() != null && project.dataset().params().get("file") instanceof String data && !data.isBlank()
                && data.indexOf('\0') < 0) {
            try {
                inputs.put(projectDir().resolve(data), "the project's data file");
            } catch (java.nio.file.InvalidPathException e) {
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
