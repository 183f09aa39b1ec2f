package dev.deepwire.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.ProjectFolders;
import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.RecordFigures;
import dev.deepwire.training.RunFolderLock;
import dev.deepwire.training.RunFiles;
import dev.deepwire.training.RunFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a sweep's tasks on an executor and keeps what comes back: each run's files go into the project's
 * {@code runs/<run>/} and its status into {@code sweep.json} as soon as it ends, so a sweep cut short keeps every
 * finished run. Only the run files a run writes are accepted from an outcome, by plain name.
 */
public final class SweepRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The field of a sweep run's run.json that names its sweep.json. */
    static final String SWEEP = "sweep";
    private static final Set<String> FILES = Set.of("metrics.csv", "run.json", "best.zip", "model.zip",
            dev.deepwire.training.RunFiles.KEPT_PROJECT);
    private final SweepFolder folder;
    private final Path runsDir;

    /** @param runsDir the project's {@code runs/} folder */
    public SweepRunner(SweepFolder folder, Path runsDir) {
        this.folder = folder;
        this.runsDir = runsDir;
    }

    /** The project's runs folder for a project file: {@code runs/} beside it. */
    public static Path runsDir(Path projectFile) {
        return ProjectFolders.runs(projectFile);
    }

    /**
     * Checks that {@code tasks}, planned again from the project, are the runs {@code sweep.json} recorded (same names,
     * same settings), so a resumed sweep never mixes two plans.
     *
     * @throws SweepSpecException naming the first run that differs
     */
    public void checkSamePlan(List<SweepTask> tasks) throws SweepSpecException {
        List<SweepFolder.Entry> entries = folder.entries();
        SweepSpec spec = folder.spec();
        if (entries.size() != tasks.size()) {
            throw new SweepSpecException(folder.dir().resolve(SweepFolder.FILE) + " records " + entries.size()
                    + " runs, but the project now plans " + tasks.size() + "; start a new sweep");
        }
        for (int i = 0; i < tasks.size(); i++) {
            SweepFolder.Entry e = entries.get(i);
            SweepTask t = tasks.get(i);
            if (!e.runName().equals(t.runName()) || !e.settings().equals(SweepFolder.ordered(spec, t.settings()))) {
                throw new SweepSpecException(folder.dir().resolve(SweepFolder.FILE) + ": run " + e.runName()
                        + " differs from what the project now plans (" + differences(e, t) + "); start a new sweep");
            }
        }
    }

    /** What differs between a recorded run and the one planned now: its name, then each setting, "was → now". */
    private static String differences(SweepFolder.Entry recorded, SweepTask planned) {
        List<String> out = new java.util.ArrayList<>();
        if (!recorded.runName().equals(planned.runName())) {
            out.add("name " + recorded.runName() + " → " + planned.runName());
        }
        Set<String> keys = new java.util.LinkedHashSet<>(recorded.settings().keySet());
        keys.addAll(planned.settings().keySet());
        for (String k : keys) {
            String was = recorded.settings().get(k);
            String now = planned.settings().get(k);
            if (!java.util.Objects.equals(was, now)) {
                out.add(k + " " + (was == null ? "(none)" : was) + " → " + (now == null ? "(none)" : now));
            }
        }
        return String.join(", ", out);
    }

    /** The tasks still to run: not finished, or finished but whose run folder has lost its run.json. */
    public List<SweepTask> unfinished(List<SweepTask> tasks) {
        Set<String> done = new java.util.HashSet<>();
        for (SweepFolder.Entry e : folder.entries()) {
            if (e.finished() && Files.isRegularFile(runsDir.resolve(e.runName()).resolve("run.json"))) {
                done.add(e.runName());
            }
        }
        return tasks.stream().filter(t -> !done.contains(t.runName())).toList();
    }

    /**
     * Runs {@code tasks}; {@code each} hears every run as it ends (one at a time), its files already in runs/ and its
     * status in sweep.json.
     */
    public void run(List<SweepTask> tasks, SweepExecutor executor, SweepTaskBody body, Consumer<SweepFolder.Entry> each)
            throws InterruptedException {
        Map<String, SweepTask> byName = new java.util.HashMap<>();
        tasks.forEach(t -> byName.put(t.runName(), t));
        executor.run(tasks, body, outcome -> {
            SweepTask task = byName.get(outcome.runName());
            if (task != null) { // an executor that answers for a run it was not given is not listened to
                // a cancel (an interrupt) must not cut this run's files and sweep.json short: NIO writes on an
                // interrupted thread fail; the interrupt is kept for the executor to see after them
                boolean interrupted = Thread.interrupted();
                try {
                    each.accept(keep(withRecord(outcome, task), SweepFolder.ordered(folder.spec(), task.settings())));
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
    }

    /**
     * An outcome with no run.json (its process crashed, its executor was lost) gets one saying so, so that its run
     * folder is listed by Runs… as FAILED with the reason, like any other run.
     */
    static SweepOutcome withRecord(SweepOutcome outcome, SweepTask task) {
        if (outcome.files().containsKey("run.json")) {
            return outcome;
        }
        String name = "";
        TrainingSettings training = TrainingSettings.defaults();
        try {
            Project p = new ProjectReader().parse(task.projectJson());
            name = p.name();
            training = p.training();
        } catch (ProjectFormatException | RuntimeException e) {
            // the record names no project then; the reason still says what happened
        }
        SweepRunRecord record = new SweepRunRecord(name, task.projectFile(), false, outcome.reason(), 0, Double.NaN,
                Double.NaN, SweepRunRecord.selectionFor(training), Double.NaN, training, task.settings());
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(outcome.files());
        files.put("run.json", record.toJson());
        return new SweepOutcome(outcome.runName(), false, outcome.reason(), files);
    }

    /** Writes an outcome's files into its run folder and records it; a run whose files cannot be written failed. */
    SweepFolder.Entry keep(SweepOutcome outcome, Map<String, String> settings) {
        boolean finished = outcome.finished();
        String reason = outcome.finished() ? null : outcome.reason();
        double metric = Double.NaN;
        try {
            byte[] run = outcome.files().get("run.json");
            if (run != null) {
                // through the one reader of a run's figures: a worker's 7.5 as an accuracy is no figure to rank on
                metric = RecordFigures.selectionValue(JSON.readTree(run));
            }
            write(outcome);
        } catch (IOException e) {
            finished = false;
            reason = "its files could not be written to " + runsDir.resolve(outcome.runName()) + ": " + e.getMessage();
        }
        if (!finished) {
            metric = Double.NaN;
        }
        try {
            folder.record(outcome.runName(), finished, reason, metric);
        } catch (IOException e) {
            reason = (reason == null ? "" : reason + "; ") + "sweep.json could not be updated: " + e.getMessage();
        }
        return new SweepFolder.Entry(outcome.runName(), settings, finished ? "FINISHED" : "FAILED", reason, metric);
    }

    private void write(SweepOutcome outcome) throws IOException {
        String name = outcome.runName();
        if (name.isEmpty() || !RunFolders.safeName(name).equals(name)) {
            throw new IOException("the run's name '" + name + "' is not a safe folder name");
        }
        ProjectFolders.requireNoLinkOut(runsDir); // a project's runs/ linked out of it is not followed
        Path dir = runsDir.resolve(name);
        if (!ownedOrFree(dir)) {
            throw new IOException(dir + " holds a run this sweep did not write; it is kept: move it away and resume");
        }
        // this sweep's own run: an earlier failed try is replaced whole; a folder a live run holds is refused
        try (RunFolderLock held = RunFolders.claim(dir, true)) {
            for (var f : outcome.files().entrySet()) {
                if (FILES.contains(f.getKey())) {
                    byte[] bytes = f.getKey().equals("run.json") ? marked(f.getValue()) : f.getValue();
                    AtomicFiles.write(dir.resolve(f.getKey()), bytes);
                }
            }
        }
    }

    /**
     * The tasks whose run folder in runs/ already holds a run that this sweep did not write (another sweep's, a
     * plain training run): resuming must not replace it. A run this sweep wrote names its sweep.json in run.json.
     */
    public List<String> foreignRunFolders(List<SweepTask> tasks) {
        return tasks.stream().map(SweepTask::runName).filter(n -> !ownedOrFree(runsDir.resolve(n))).toList();
    }

    private boolean ownedOrFree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            if (files.noneMatch(f -> RunFiles.isRunFile(f.getFileName().toString()))) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        Path run = dir.resolve("run.json");
        if (!Files.exists(run, java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // a run of ours that lost its run.json
            String name = dir.getFileName().toString();
            return folder.entries().stream().anyMatch(e -> e.runName().equals(name) && !e.status().equals("PENDING"));
        }
        try {
            return Files.isRegularFile(run, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && Files.size(run) < SweepFileCheck.MAX_BYTES
                    && sweepFile().equals(JSON.readTree(run.toFile()).path(SWEEP).asText(null));
        } catch (IOException e) {
            return false;
        }
    }

    private String sweepFile() {
        return folder.dir().resolve(SweepFolder.FILE).toAbsolutePath().normalize().toString();
    }

    /** run.json with the sweep it belongs to, so a resume knows its own run folders from others'. */
    private byte[] marked(byte[] runJson) throws IOException {
        com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(runJson);
        if (!(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) {
            throw new IOException("its run.json is not a JSON object");
        }
        o.put(SWEEP, sweepFile());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
    }

    /**
     * The runs best first by their selection figure (higher first for accuracy and MRR, lower for loss), then those
     * without one (failed runs) in the sweep's order.
     */
    public static List<SweepFolder.Entry> ranked(List<SweepFolder.Entry> entries, boolean higherIsBetter) {
        Comparator<Double> byMetric = higherIsBetter ? Comparator.reverseOrder() : Comparator.naturalOrder();
        // a figure no run measures (an accuracy or MRR outside 0–1, a loss below 0: sweep.json edited by hand) is not
        // ranked on, as a run's own record's is not
        List<SweepFolder.Entry> measured = new ArrayList<>(entries.stream()
                .filter(e -> e.finished() && RecordFigures.isSelectionFigure(e.metric(), higherIsBetter)).toList());
        measured.sort(Comparator.comparing(SweepFolder.Entry::metric, byMetric));
        entries.stream().filter(e -> !measured.contains(e)).forEach(measured::add);
        return measured;
    }
}
