package dev.deepwire.ui.training;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DataException;
import dev.deepwire.data.DataPaths;
import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetLoader;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Issue;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.DataBinding;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the project's data against its graph before Train, as Train would: the graph compiled for training, the
 * data loaded (kept while the dataset and its folder stay the same) and matched to the inputs and outputs. Each
 * mismatch — classes, vocabulary, length, input kinds — is an issue on its block with the fix stated, and where one
 * value fixes it, a quick fix that sets it (undoably).
 */
public final class DataCheck {
    /** What a check found. */
    public record Result(List<Issue> issues, List<EditorViewModel.QuickFix> fixes) {
        /** The first error found, if any: Train does not start while there is one. */
        public Optional<Issue> firstError() {
            return issues.stream().filter(Issue::isError).findFirst();
        }

        /** What to do about {@code error}, naming its block: "Classifier: Set Classes to 32 in the inspector, then Train". */
        public String whatToDo(Issue error, Graph graph) {
            return whatToDo(error, graph, " in the inspector, then Train");
        }

        /**
         * As above, with where and when the fix is made as the window showing it has it ({@code how}, after the fix's
         * own words): Dataset Settings, a dialog over the editor, cannot send its reader to the inspector "then Train".
         */
        public String whatToDo(Issue error, Graph graph, String how) {
            String id = error.nodeId();
            String where = id == null ? "" : graph.node(id).map(n -> dev.deepwire.limits.ShownName.of(n.label()) + ": ").orElse("");
            return fixes.stream().filter(f -> f.nodeId().equals(id)).findFirst()
                    .map(f -> where + f.text() + how).orElse(where + error.message());
        }
    }

    /** How the data is read: {@link DatasetLoader#load(DatasetSpec, Path)}, or a counting one in tests. */
    public interface Loader {
        DatasetSplits load(DatasetSpec spec, Path folder) throws DataException;
    }

    private final BlockCatalog catalog;
    private final Loader loader;
    private DatasetSpec loadedSpec;
    private Path loadedFolder;
    private DatasetSplits loaded;
    private String loadProblem;
    private List<String> loadWarnings = List.of();

    public DataCheck(BlockCatalog catalog) {
        this(catalog, DatasetLoader::load);
    }

    public DataCheck(BlockCatalog catalog, Loader loader) {
        this.catalog = catalog;
        this.loader = loader;
    }

    /**
     * Call off the UI thread: it compiles the graph and may read the data file — a file outside the project's folder
     * only when {@code outsideAllowed} (the user chose it or agreed to read it): a project brought from elsewhere had
     * its outside file read, and a line of it quoted in the check's message, as soon as it was opened.
     */
    public synchronized Result check(Graph graph, DatasetSpec spec, TrainingSettings settings, Path folder,
                                     boolean outsideAllowed) {
        if (spec == null) {
            return new Result(List.of(Issue.warn(null, "no dataset yet: Train asks what to train on "
                    + "(Edit \u25b8 Dataset Settings\u2026)")), List.of());
        }
        if (!outsideAllowed) {
            try {
                var outside = DataPaths.outside(spec, folder);
                if (outside.isPresent()) {
                    return new Result(List.of(Issue.warn(null, "the data file " + outside.get().name()
                            + " lies outside the project's folder: it is read, and checked against the graph, once you "
                            + "agree at Train")), List.of());
                }
            } catch (DataException e) {
                return new Result(List.of(Issue.error(null, "the dataset cannot be read: "
                        + DatasetWords.labelled(e.getMessage()) + " (Edit \u25b8 Dataset Settings\u2026)")), List.of());
            }
        }
        CompileResult compiled = new GraphCompiler(catalog).compile(graph, CompileOptions.forTraining(settings));
        if (!compiled.ok()) {
            return new Result(compiled.errors(), List.of());
        }
        if (!spec.equals(loadedSpec) || !Objects.equals(folder, loadedFolder)) {
            loadedSpec = spec;
            loadedFolder = folder;
            try {
                loaded = loader.load(spec, folder);
                loadProblem = null;
                loadWarnings = DatasetLoader.readWarnings(spec, folder);
            } catch (DataException | RuntimeException e) {
                loaded = null;
                loadProblem = e.getMessage();
                loadWarnings = List.of();
            }
        }
        if (loaded == null) {
            return new Result(List.of(Issue.error(null, "the dataset cannot be read: " + DatasetWords.labelled(loadProblem)
                    + " (Edit \u25b8 Dataset Settings\u2026)")), List.of());
        }
        return matched(graph, compiled.orThrow(), spec, loaded, loadWarnings);
    }

    /**
     * The check of data loaded already ({@code loaded}, with the loader's {@code readWarnings}): Dataset Settings'
     * Check loads the data once for its counts and this (it had loaded it twice, the second time here).
     */
    public Result check(Graph graph, DatasetSpec spec, TrainingSettings settings, DatasetSplits loaded,
                        List<String> readWarnings) {
        CompileResult compiled = new GraphCompiler(catalog).compile(graph, CompileOptions.forTraining(settings));
        return compiled.ok() ? matched(graph, compiled.orThrow(), spec, loaded, readWarnings)
                : new Result(compiled.errors(), List.of());
    }

    private Result matched(Graph graph, CompiledNetwork net, DatasetSpec spec, DatasetSplits loaded,
                           List<String> loadWarnings) {
        Dataset train = dev.deepwire.training.InputBinding.bind(net, loaded.train()); // as training takes it
        List<Issue> issues = new ArrayList<>(DataBinding.problems(net, train));
        issues.addAll(DataBinding.idsBeyondTheData(net, train)); // a table sized for another file: before Train
        DatasetLoader.unknownSettings(spec).forEach(w -> issues.add(Issue.warn(null, w)));
        // named as Dataset Settings names its controls ("untick Header"), not by the file's keys
        loadWarnings.forEach(w -> issues.add(Issue.warn(null, DatasetWords.labelled(w) + " (Edit \u25b8 Dataset Settings\u2026)")));
        return new Result(issues, fixes(graph, net, train));
    }

    /** The one value that fixes a mismatch, where there is one (classes, sequence length, vocabulary), as quick fixes. */
    private List<EditorViewModel.QuickFix> fixes(Graph graph, CompiledNetwork net, Dataset data) {
        List<EditorViewModel.QuickFix> fixes = new ArrayList<>();
        for (DataBinding.Fix f : DataBinding.fixes(net, data)) {
            fix(fixes, graph, f.nodeId(), f.param(), f.value());
        }
        return fixes;
    }

    private void fix(List<EditorViewModel.QuickFix> fixes, Graph graph, String nodeId, String param, long value) {
        graph.node(nodeId).flatMap(n -> catalog.find(n.type())).flatMap(t -> t.param(param))
                .filter(p -> p.validate((int) value).isEmpty())
                .ifPresent(p -> fixes.add(new EditorViewModel.QuickFix(nodeId, param, (int) value,
                        "Set " + p.label() + " to " + value)));
    }
}
