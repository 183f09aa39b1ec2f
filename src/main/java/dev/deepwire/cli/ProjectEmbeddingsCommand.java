package dev.deepwire.cli;

import dev.deepwire.inspect.EmbeddingTables;
import dev.deepwire.inspect.Heatmaps;
import dev.deepwire.inspect.LearnedTable;
import dev.deepwire.inspect.Projection;
import dev.deepwire.inspect.ProjectorImage;
import dev.deepwire.inspect.RowColumn;
import dev.deepwire.inspect.TrainedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.graph.ComputationGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deepwire project-embeddings FILE --model M.zip --node ID}: an embedding table drawn in 2-D, headless. */
@Command(name = "project-embeddings", mixinStandardHelpOptions = true,
        description = {"Draw a trained embedding table (entities, relations, tokens, positions) in 2-D with PCA or "
                + "t-SNE: a PNG scatter coloured by a column of the data, and a CSV with each row's label, x, y and "
                + "columns."})
final class ProjectEmbeddingsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .dwproj project file")
    Path file;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "a trained model (model.zip or a checkpoint)")
    Path model;

    @Option(names = "--node", required = true, paramLabel = "ID", description = {"the block holding the table (its first, "
            + "or ID:entities, ID:relations for a block holding several)"})
    String node;

    @Option(names = "--method", defaultValue = "pca", paramLabel = "pca|tsne", description = "PCA or t-SNE (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--colour", paramLabel = "COLUMN", description = "the column to colour by (default: the table's first)")
    String colour;

    @Option(names = "--png", paramLabel = "OUT.png", description = "where to write the picture")
    Path png;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "where to write the 2-D points")
    Path csv;

    @picocli.CommandLine.Mixin
    DataAccessOption dataAccess;

    @Override
    public Integer call() throws CliException {
        Projection.Method how = method(method);
        if (png == null && csv == null) {
            throw new CliException(ExitCodes.BAD_INPUT, "give --png OUT.png or --csv OUT.csv (or both)");
        }
        OutputPaths.requireFile(png, "--png");
        OutputPaths.requireFile(csv, "--csv");
        if (Outputs.isStdout(csv) && Outputs.isStdout(png)) {
            throw new CliException(ExitCodes.BAD_INPUT, "only one of --png and --csv can go to standard output (-)");
        }
        OutputPaths.requireDistinct(csv, "--csv", png, "--png");
        TrainedProject opened = TrainedProject.open(file, model, dataAccess, TrainedProject.outputs("--csv", csv, "--png", png));
        ProjectSession session = opened.session();
        LoadedProject prepared = opened.project();
        ComputationGraph net = opened.net();
        var found = EmbeddingTables.find(net, node).orElseThrow(() -> new CliException(ExitCodes.BAD_INPUT,
                "--node " + node + ": no embedding table there; " + tablesOf(net)));
        LearnedTable table = EmbeddingTables.read(net, found, session.project.graph(), prepared.data(),
                new TrainedModel(net).trainedSteps());
        if (colour != null && table.column(colour).isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, "--colour " + colour + ": " + table.nodeId() + " has "
                    + (table.columns().isEmpty() ? "no columns to colour by" : "only the columns "
                    + table.columns().stream().map(RowColumn::name).collect(Collectors.joining(", "))));
        }
        String by = colour != null ? colour : table.columns().isEmpty() ? null : table.columns().get(0).name();
        Projection projection;
        try {
            projection = Projection.of(table.rows(), how);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--method " + how.word() + ": " + e.getMessage() + "; use --method pca");
        }
        if (csv != null) {
            Outputs.write(csv, ProjectorImage.csv(table, projection).getBytes(StandardCharsets.UTF_8));
        }
        if (png != null) {
            try {
                Outputs.write(png, Heatmaps.png(ProjectorImage.image(table, projection, by)));
            } catch (IOException e) {
                throw new CliException(ExitCodes.BAD_INPUT, "cannot make the picture: " + e.getMessage());
            }
        }
        Outputs.report(csv, png).printf(Locale.ROOT, "%s · %s · %d rows × %d: %s%s%n", table.nodeId(), table.kind(),
                table.size(), table.dimensions(), projection.note(), by == null ? "" : "; coloured by " + by);
        return ExitCodes.OK;
    }

    private static Projection.Method method(String word) throws CliException {
        for (Projection.Method m : Projection.Method.values()) {
            if (m.word().equalsIgnoreCase(word)) {
                return m;
            }
        }
        throw new CliException(ExitCodes.BAD_INPUT, "--method must be pca or tsne; got " + word);
    }

    private static String tablesOf(ComputationGraph net) {
        var tables = EmbeddingTables.find(net);
        return tables.isEmpty() ? "this model has no embedding tables"
                : "the tables are: " + tables.stream().map(t -> t.key() + " (" + t.rows() + ")").distinct()
                .collect(Collectors.joining(", "));
    }
}
