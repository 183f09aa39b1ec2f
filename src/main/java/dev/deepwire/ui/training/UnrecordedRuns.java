package dev.deepwire.ui.training;

import dev.deepwire.training.MetricsCsv;
import dev.deepwire.training.RunFolderLock;
import dev.deepwire.training.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run folder whose {@code run.json} is missing or cannot be read, though the run kept files: its process was killed
 * (kill -9 of the training process or of the window), ended as stuck, or its record was cut short. Runs… had left such
 * a folder out without a word, with its metrics.csv and checkpoints in it; it is listed as what it is — ended without a
 * record, with the epochs its metrics.csv shows done and the model files it kept. A folder a live run holds
 * ({@link RunFolderLock#isHeldByLiveRun}) is a run going on, not one lost, and stays out.
 */
final class UnrecordedRuns {
    private static final Pattern CHECKPOINT = Pattern.compile("checkpoint-epoch-(\\d{1,9})\\.zip");
    /** The folder name's time stamp ({@code <project>-yyyyMMdd-HHmmss[-n]}), left off for a project's name. */
    private static final Pattern STAMP = Pattern.compile("-\\d{8}-\\d{6}(-\\d+)?$");

    private UnrecordedRuns() {
    }

    /** The run kept in {@code dir} whose record could not be read ({@code why}), or empty: not a run's folder, or live. */
    static Optional<RunHistory.Run> of(Path dir, IOException why) {
        List<String> kept = keptFiles(dir);
        if (kept.isEmpty() || RunFolderLock.isHeldByLiveRun(dir)) {
            return Optional.empty();
        }
        boolean missing = why instanceof NoSuchFileException
                || !Files.exists(dir.resolve("run.json"), LinkOption.NOFOLLOW_LINKS);
        long steps = -1;
        int epochs = 0;
        String metrics = "";
        try {
            for (MetricsCsv.Row r : MetricsCsv.read(dir.resolve("metrics.csv"))) {
                steps = Math.max(steps, r.step());
                if (r.epochEnd()) {
                    epochs = Math.max(epochs, r.epoch());
                }
            }
        } catch (IOException e) {
            metrics = "; its metrics.csv cannot be read: " + e.getMessage();
        }
        String outcome = "ended without a record (" + (missing ? "no run.json" : "run.json unreadable") + "): "
                + (epochs == 1 ? "1 epoch" : epochs + " epochs") + " done, kept " + String.join(", ", kept);
        // the project the run kept as it began holds the settings it trained with: they had been "not recorded"
        Optional<dev.deepwire.model.Project> keptProject = RunHistory.keptProject(dir);
        String doubt = "validationAccuracy unknown: the run ended before it wrote its run.json — its process was killed "
                + "or ended as stuck" + (missing ? "" : ", or the file was cut short (" + why.getMessage() + ")")
                + (keptProject.isPresent() ? "; its settings are those of the project.dwproj it kept"
                : "; its settings are not known") + metrics;
        String project = keptProject.map(dev.deepwire.model.Project::name)
                .orElse(STAMP.matcher(String.valueOf(dir.getFileName())).replaceFirst(""));
        String settings = keptProject.map(dev.deepwire.model.Project::training).map(t -> RunHistory.shown(t.optimizer()
                + " " + t.learningRate() + ", batch " + t.batchSize() + ", seed " + t.seed() + " (its project.dwproj)"))
                .orElse("settings not recorded");
        return Optional.of(new RunHistory.Run(dir, project, null, RunHistory.shown(outcome), steps, Double.NaN,
                settings, null, Double.NaN, RunHistory.shown(doubt)));
    }

    /** The last checkpoint a run kept in {@code dir} ({@code checkpoint-epoch-N.zip}, the highest N), if any. */
    static Optional<Path> lastCheckpoint(Path dir) {
        return keptFiles(dir).stream().filter(n -> CHECKPOINT.matcher(n).matches()).findFirst().map(dir::resolve);
    }

    /**
     * The files a run writes that {@code dir} holds, other than its record: the last checkpoint (the one a run resumes
     * from), best.zip and model.zip, metrics.csv; empty for a folder that holds none (not a run's, or one of a record
     * only: nothing kept to list).
     */
    private static List<String> keptFiles(Path dir) {
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(f -> String.valueOf(f.getFileName())).filter(RunFiles::isRunFile)
                    .filter(n -> !n.equals("run.json")).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        int last = -1;
        for (String n : names) {
            Matcher m = CHECKPOINT.matcher(n);
            if (m.matches()) {
                last = Math.max(last, Integer.parseInt(m.group(1)));
            }
        }
        if (last >= 0) {
            kept.add("checkpoint-epoch-" + last + ".zip");
        }
        for (String n : names) {
            if (!CHECKPOINT.matcher(n).matches() && !kept.contains(n)) {
                kept.add(n); // best.zip, model.zip, metrics.csv, a paused run's model
            }
        }
        return kept;
    }
}
