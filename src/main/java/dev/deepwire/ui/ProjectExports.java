package dev.deepwire.ui;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.compiler.JavaSourceExport;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.GraphCanvas;
import dev.deepwire.ui.editor.GraphExport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;

/**
 * The File menu's exports: the graph as PNG or SVG, the network as Java source or DL4J configuration JSON,
 * and the latest run's model. Each asks where through {@link ProjectFiles} (so tests answer as a user would)
 * and reports a failure in a dialog naming the file.
 */
final class ProjectExports {
    private final EditorViewModel vm;
    private final ProjectFiles files;

    ProjectExports(EditorViewModel vm, ProjectFiles files) {
        this.vm = vm;
        this.files = files;
    }

    void exportPng(GraphCanvas canvas) {
        export("png", "PNG image", p -> GraphExport.writePng(canvas, p));
    }

    void exportSvg() {
        export("svg", "SVG drawing", p -> GraphExport.writeSvg(vm, p));
    }

    /** The network as Java source (builder code and a main that trains), or as DL4J's configuration JSON. */
    /** Words as a Java class name ("marker lesson network" → MarkerLessonNetwork), or null where none can be made. */
    static String javaName(String words) {
        StringBuilder cls = new StringBuilder();
        for (String w : words.replaceAll("[^A-Za-z0-9]+", " ").trim().split(" ")) {
            if (!w.isEmpty()) {
                cls.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        String name = cls.toString();
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) || JavaSourceExport.classNameProblem(name) != null
                ? null : name;
    }

    void exportNetwork(boolean asJava) {
        var settings = vm.project().training();
        var options = CompileOptions.forTraining(settings);
        var result = new GraphCompiler(vm.catalog()).compile(vm.graph().copy(), options);
        if (!result.ok()) {
            files.error("The graph does not compile", result.errors().get(0).toString());
            return;
        }
        String fromProject = javaName(vm.project().name() + " network");
        String className = fromProject != null ? fromProject : "DeepWireNetwork";
        String projectFile = files.fileProperty().get() != null ? files.fileProperty().get().toString() : vm.project().name() + ".dwproj";
        FileChooser chooser = files.chooser(asJava ? "Export as Java source" : "Export as DL4J configuration JSON");
        chooser.getExtensionFilters().setAll(asJava ? new FileChooser.ExtensionFilter("Java source", "*.java")
                : new FileChooser.ExtensionFilter("JSON", "*.json"));
        chooser.setInitialFileName(asJava ? className + ".java" : fileStem() + "-dl4j.json");
        Path chosen = files.askSave(chooser, asJava ? "java" : "json");
        if (chosen == null) {
            return;
        }
        File f = chosen.toFile();
        String stem = f.getName().replaceFirst("(?i)\\.java$", "");
        String classProblem = asJava ? JavaSourceExport.classNameProblem(stem) : null;
        if (classProblem != null) {
            // a public class lives in a file of its own name: another name inside would not compile
            String suggested = javaName(stem);
            files.error("Cannot export " + f.getName(), "Java names a public class after its file, and " + classProblem
                    + ". Export again and choose a file name such as "
                    + (suggested != null ? suggested : className) + ".java.");
            return;
        }
        String text;
        try {
            text = asJava ? JavaSourceExport.generate(result.network().orElseThrow(), options, settings, stem, projectFile)
                    : result.network().orElseThrow().configurationJson();
        } catch (IllegalArgumentException e) {
            files.error("Cannot export " + f.getName(), e.getMessage() + "; choose another file name");
            return;
        }
        try {
            AtomicFiles.write(f.toPath(), text.getBytes(StandardCharsets.UTF_8));
            vm.messageProperty().set("Exported " + f);
        } catch (IOException e) {
            files.error("Cannot export " + f.getName(), e.getMessage());
        }
    }

    /** The model of the latest run (as DL4J's ModelSerializer zip, with updater state). */
    void exportModel(Optional<TrainedModel> model) {
        if (model.isEmpty()) {
            files.error("No trained model yet", "Train the network first (or let the run finish, pause or stop it), then export.");
            return;
        }
        FileChooser chooser = files.chooser("Export trained model");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("DL4J model", "*.zip"));
        chooser.setInitialFileName(fileStem() + "-model.zip");
        Path f = files.askSave(chooser, "zip");
        if (f != null) {
            try {
                model.get().save(f);
                vm.messageProperty().set("Exported " + f);
            } catch (RuntimeException e) {
                files.error("Cannot export " + f.getFileName(), e.getMessage());
            }
        }
    }

    private interface Writer {
        void write(Path p) throws IOException;
    }

    private void export(String ext, String what, Writer writer) {
        FileChooser chooser = files.chooser("Export graph as " + what);
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(what, "*." + ext));
        chooser.setInitialFileName(fileStem() + "." + ext);
        Path f = files.askSave(chooser, ext);
        if (f == null) {
            return;
        }
        try {
            writer.write(f);
            vm.messageProperty().set("Exported " + f);
        } catch (IOException e) {
            files.error("Cannot export " + f.getFileName(), e.getMessage());
        }
    }


    /**
     * The project's name as the file name a save dialog offers: one usable name (a name of thousands of characters, a
     * line break or a U+202E had been offered whole), as run folders are named.
     */
    private String fileStem() {
        return dev.deepwire.training.RunFolders.safeName(vm.project().name());
    }
}
