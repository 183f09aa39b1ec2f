package dev.deepwire.ui.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.ProjectFolders;
import dev.deepwire.io.files.FolderTrees;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.MetricsCsv;
import dev.deepwire.training.RecordFigures;
import dev.deepwire.training.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runs kept in a runs folder: each run folder holds {@code run.json} (settings and result),
 * {@code metrics.csv} and {@code model.zip}. Runs can be listed, compared (their curves loaded) and deleted.
 */
public final class RunHistory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One kept run; {@code validationMrr} is a knowledge-graph run's validation filtered MRR, of the model it kept
     * (its evaluation in run.json; NaN for other runs and for runs recorded before it was kept); {@code steps} is -1
     * where unknown; {@code doubt} says why figures of its record are unknown ({@link RecordFigures#doubts}; "" none).
     */
    public record Run(Path dir, String project, String projectFile, String outcome, long steps, double validationAccuracy,
                      String settings, String startedAs, double validationMrr, String doubt) {
        public Run(Path dir, String project, String projectFile, String outcome, long steps, double validationAccuracy,
                   String settings, String startedAs, double validationMrr) {
            this(dir, project, projectFile, outcome, steps, validationAccuracy, settings, startedAs, validationMrr, "");
        }

        public Run(Path dir, String project, String projectFile, String outcome, long steps, double validationAccuracy,
                   String settings, String startedAs) {
            this(dir, project, projectFile, outcome, steps, validationAccuracy, settings, startedAs, Double.NaN);
        }

        public Run(Path dir, String project, String projectFile, String outcome, long steps, double validationAccuracy,
                   String settings) {
            this(dir, project, projectFile, outcome, steps, validationAccuracy, settings, null);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s  ·  %s  ·  %s  ·  %s%s  ·  %s", dir.getFileName(), outcome,
                    steps < 0 ? "steps unknown" : String.format(Locale.ROOT, "%,d steps", steps),
                    Double.isFinite(validationAccuracy) ? String.format(Locale.ROOT, "accuracy %.1f %%",
                            100 * validationAccuracy) : doubt.contains("validationAccuracy") ? "accuracy unknown"
                            : "accuracy not measured",
                    Double.isFinite(validationMrr) ? String.format(Locale.ROOT, "  ·  validation filtered MRR %.3f",
                            validationMrr) : "", settings);
        }
    }

    /**
     * A kept run's link-prediction figure on {@code split} ({@code mrr}, {@code hits10}, …) as its run.json's evaluation
     * keeps it, or NaN: not a knowledge-graph run, not evaluated, or recorded before the figures were kept.
     */
    public static double ranking(JsonNode record, String split, String figure) {
        return RecordFigures.ranking(record, split, figure); // NaN too for one outside 0–1: the file was edited
    }

    private RunHistory() {
    }

    private static long created(Path dir) {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class).creationTime().toMillis() * 1000
                    + dir.getFileName().toString().length();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String absolute(Path file) {
        return RunRecord.absolute(file);
    }

    /** Writes {@code run.json} for a run that ended ({@link RunRecord#write}, without an MRR). */
    static void record(Path dir, String project, Path projectFile, Path startedAs, TrainingSettings s, String outcome,
                       long steps, double accuracy) throws IOException {
        RunRecord.write(dir, project, projectFile, startedAs, s, outcome, steps, accuracy, Double.NaN);
    }

    /**
     * Records that a run of a project not saved then belongs to the file it was first saved as ({@code projectFile}
     * was empty); a run.json that names a file already, or cannot be read, is left as it is.
     */
    static void adopt(Path dir, Path projectFile) throws IOException {
        Path file = dir.resolve("run.json");
        if (!Files.isRegularFile(file)) {
            return; // still running: it records the project's file as it ends
        }
        JsonNode json = record(dir);
        if (json instanceof ObjectNode run && run.path("projectFile").asText("").isEmpty()) {
            run.put("projectFile", absolute(projectFile));
            rewrite(dir, run);
        }
    }

    /**
     * Writes {@code run} back as the run.json of the kept run in {@code dir} (adopted by a file, evaluated, a slimmed
     * copy's origin): the one way a kept run's record is written again. A run folder that is a symbolic link leading
     * out of its runs folder is refused, naming the link ({@link ProjectFolders#requireNoLinkOut}): it is listed (read
     * only), but a {@code runs/x -> ~/other-run} had its run.json rewritten outside the project.
     */
    static void rewrite(Path dir, JsonNode run) throws IOException {
        ProjectFolders.requireNoLinkOut(dir);
        AtomicFiles.write(dir.resolve("run.json"), JSON.writeValueAsString(run).getBytes(StandardCharsets.UTF_8));
    }

    /** The run.json of the run in {@code dir} ({@link RunRecord#read}: the one way a run's record is read). */
    public static JsonNode record(Path dir) throws IOException {
        return RunRecord.read(dir);
    }

    /** A text of a run.json as Runs… and Compare show it, on one line ({@link RecordFigures#shown}). */
    static String shown(String text) {
        return RecordFigures.shown(text);
    }

    /** The run kept in {@code dir}, as its run.json records it. */
    public static Run read(Path dir) throws IOException {
        JsonNode j = record(dir);
        JsonNode s = j.path("settings");
        return new Run(dir, j.path("project").asText(), j.has("projectFile") ? j.path("projectFile").asText() : null,
                shown(j.path("outcome").asText()), RecordFigures.steps(j), RecordFigures.validationAccuracy(j),
                shown(s.path("optimizer").asText() + " " + s.path("learningRate").asText() + ", batch "
                        + s.path("batchSize").asText() + ", seed " + s.path("seed").asText()),
                j.hasNonNull("startedAs") ? j.path("startedAs").asText() : null, ranking(j, "validation", "mrr"),
                String.join("\n", RecordFigures.doubts(j)));
    }

    /**
     * The project a run's folder kept as the run began ({@code project.dwproj}, written by the training process): an
     * ordinary file, read as any project file is; empty where there is none, or it cannot be read.
     */
    public static java.util.Optional<dev.deepwire.model.Project> keptProject(Path dir) {
        Path file = dev.deepwire.training.RunFiles.keptProjectFile(dir);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new dev.deepwire.io.ProjectReader().read(file));
        } catch (dev.deepwire.io.ProjectFormatException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The model of a kept run that Inspect opens: its best checkpoint (best.zip), else the model it ended with, else
     * (a run that ended before it saved one: killed, ended as stuck) the last checkpoint it kept.
     */
    public static Path inspectable(Run run) {
        Path best = run.dir().resolve("best.zip");
        Path model = run.dir().resolve("model.zip");
        return Files.isRegularFile(best) ? best : Files.exists(model, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? model
                : UnrecordedRuns.lastCheckpoint(run.dir()).orElse(model);
    }

    /**
     * The runs in a folder, newest first; a folder without a readable run.json that kept a run's files is listed as a
     * run that ended without a record ({@link UnrecordedRuns}), one a live run holds or that kept nothing is left out.
     */
    public static List<Run> list(Path runsFolder) {
        List<Run> runs = new ArrayList<>();
        if (!Files.isDirectory(runsFolder)) {
            return runs;
        }
        try (Stream<Path> dirs = Files.list(runsFolder)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted(Comparator.comparingLong(RunHistory::created).reversed()).toList()) {
                if (Thread.currentThread().isInterrupted()) {
                    break; // the reading was cancelled (Runs… closed while it read): what is left is not read
                }
                try {
                    runs.add(read(d));
                } catch (IOException e) {
                    // a run that ended without its record is listed as such; a live run, or not DeepWire's, is not
                    UnrecordedRuns.of(d, e).ifPresent(runs::add);
                }
            }
        } catch (IOException e) {
            return runs;
        }
        return runs;
    }

    /**
     * Whether a kept run belongs to a project: the same project file (recorded in run.json), or — for a project not
     * saved yet, and for runs recorded before files were — the same name and no other file.
     */
    public static boolean belongsTo(Run run, String project, Path projectFile) {
        String file = absolute(projectFile);
        if (run.projectFile() != null && !run.projectFile().isEmpty()) {
            return run.projectFile().equals(file) || file.equals(run.startedAs());
        }
        return run.project().equals(project) && (run.projectFile() == null || file.isEmpty());
    }

    /**
     * The runs of one project kept in any of some runs folders (its own, the one for unsaved projects, those its
     * runs went to while the file changed), newest first, each once.
     */
    public static List<Run> ofProject(Collection<Path> runsFolders, String project, Path projectFile) {
        Map<Path, Run> runs = new LinkedHashMap<>();
        for (Path folder : new LinkedHashSet<>(runsFolders)) {
            for (Run r : list(folder)) {
                if (belongsTo(r, project, projectFile)) {
                    runs.putIfAbsent(r.dir().toAbsolutePath().normalize(), r);
                }
            }
        }
        List<Run> all = new ArrayList<>(runs.values());
        all.sort(Comparator.comparingLong((Run r) -> created(r.dir())).reversed());
        return all;
    }

    /**
     * The settings the run in {@code dir} trained with, as its run.json records them ({@link RunRecord#settings}: those
     * it does not record are the project's own, {@code fallback}; one no run trains with is refused, naming the file).
     */
    public static TrainingSettings settings(Path dir, TrainingSettings fallback) throws IOException {
        return RunRecord.settings(record(dir), dir.resolve("run.json"), fallback);
    }

    /**
     * A kept run's curves, read from its metrics.csv (slow for a long one: off the UI thread), each thinned to what a
     * chart draws ({@link MetricsHistory#thinned}): every chart fed from a kept run, the dock's previous run and Compare.
     */
    public static MetricsHistory curves(Run run) throws IOException {
        MetricsHistory h = new MetricsHistory();
        for (MetricsCsv.Row r : MetricsCsv.read(run.dir().resolve("metrics.csv"))) {
            if (r.epochEnd()) {
                h.validationLoss().add(new MetricsHistory.Point(r.step(), r.validationLoss()));
                h.validationAccuracy().add(new MetricsHistory.Point(r.step(), r.validationAccuracy()));
            } else if (!Double.isNaN(r.validationMrr())) {
                h.validationMrr().add(new MetricsHistory.Point(r.step(), r.validationMrr()));
            } else if (!Double.isNaN(r.trainLoss())) {
                h.trainLoss().add(new MetricsHistory.Point(r.step(), r.trainLoss()));
            }
        }
        return h.thinned();
    }

    /**
     * Whether a kept run has curves to draw: a metrics.csv in its folder. A model kept from a trained one (heads removed
     * in the attention inspector, slimmed in the pruning lab) has none.
     */
    public static boolean hasCurves(Run run) {
        return Files.exists(run.dir().resolve("metrics.csv"), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Why a run without curves ({@link #hasCurves}) cannot be compared, in the words Runs… and Compare use. */
    static String noCurves(Run run) {
        return run.dir().getFileName() + " has no curves to compare: it was kept from a trained model (" + run.outcome()
                + "), not trained itself; Compare table lists its figures";
    }

    /**
     * What Delete asks of a run: a run folder that is a symbolic link is removed as a link only ({@link #delete}), and
     * the question says so, naming where it leads — it had asked to "delete the run with its metrics and model".
     */
    static String deleteQuestion(Run run) {
        if (Files.isSymbolicLink(run.dir())) {
            String to;
            try {
                to = run.dir().toRealPath().toString();
            } catch (IOException e) {
                to = "a folder that cannot be reached";
            }
            return "Remove " + run.dir().getFileName() + " from the runs? It is a symbolic link to " + to
                    + ": only the link is removed, and that folder with its metrics and model is left as it is.";
        }
        return "Delete the run " + run.dir().getFileName() + " with its metrics and model?";
    }

    /** Deletes a run folder and everything in it; a run folder that is a link is removed as a link, never followed. */
    public static void delete(Run run) throws IOException {
        FolderTrees.delete(run.dir());
    }
}
