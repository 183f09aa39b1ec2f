package dev.deepwire.ui.training;

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
 * Edit ▸ Dataset Settings ▸ Check, without the dialog: the data typed there loaded once — its example counts and the
 * loader's warnings, or the problem with its line — and, from the same load, whether it fits the graph as Train would
 * find it ({@link DataCheck}, the one checker: Check had loaded the data a second time for it). Its fixes are worded
 * for the dialog: the block's setting is changed in the inspector after OK, or the data's settings here.
 */
public final class DatasetCheck {
    /** After a fix's own words ("Set Classes to 40"): where and when it is made, seen from the dialog. */
    static final String HOW = " in the block inspector after OK";

    private final BlockCatalog catalog;
    private final DataCheck.Loader loader;

    public DatasetCheck(BlockCatalog catalog) {
        this(catalog, DatasetLoader::load);
    }

    DatasetCheck(BlockCatalog catalog, DataCheck.Loader loader) {
        this.catalog = catalog;
        this.loader = loader;
    }

    /**
     * What Check says about {@code spec} (call off the UI thread: it reads the data file — the user's choice here, so a
     * file outside the project's folder too) against {@code graph}, a copy taken as Check was pressed.
     */
    public String report(Graph graph, DatasetSpec spec, TrainingSettings settings, Path folder) {
        StringBuilder warnings = new StringBuilder();
        DatasetLoader.unknownSettings(spec).forEach(w -> warnings.append("\nWarning: ").append(w));
        DatasetSplits d;
        List<String> readWarnings;
        try {
            d = loader.load(spec, folder);
            readWarnings = DatasetLoader.readWarnings(spec, folder);
        } catch (DataException e) {
            return DatasetWords.labelled("Problem: " + e.getMessage() + warnings);
        }
        readWarnings.forEach(w -> warnings.append("\nWarning: ").append(w));
        return DatasetWords.labelled(String.format("%,d training and %,d validation examples%s", d.train().size(),
                d.validation() == null ? 0 : d.validation().size(),
                d.test() == null ? "" : String.format(", %,d test", d.test().size())) + warnings)
                + "\n" + fit(graph, spec, settings, d, readWarnings);
    }

    private String fit(Graph graph, DatasetSpec spec, TrainingSettings settings, DatasetSplits loaded,
                       List<String> readWarnings) {
        DataCheck.Result found;
        try {
            found = new DataCheck(catalog, loader).check(graph, spec, settings, loaded, readWarnings);
        } catch (RuntimeException | LinkageError e) {
            return "Not checked against the graph: " + e.getMessage();
        }
        List<Issue> errors = found.issues().stream().filter(Issue::isError).toList();
        if (errors.isEmpty()) {
            return "Fits the graph: its inputs and outputs take this data.";
        }
        StringBuilder b = new StringBuilder("Does not fit the graph (Train would not start):");
        errors.forEach(i -> b.append("\n\u2022 ").append(found.whatToDo(i, graph, HOW)));
        return b.append("\nOr change the settings above so that the data fits the graph.").toString();
    }
}
