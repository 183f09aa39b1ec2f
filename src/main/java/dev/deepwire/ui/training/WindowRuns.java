package dev.deepwire.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a window's project has runs: its own runs folder, the folder for unsaved projects, and the folders its runs
 * went to while its file changed; and the runs it started, which become the saved file's when a project that had
 * none is saved.
 */
public final class WindowRuns {
    private final Supplier<Path> ownFolder;
    private final Supplier<String> project;
    private final Supplier<Path> file;
    private final Set<Path> folders = new LinkedHashSet<>();
    private final List<Path> started = new ArrayList<>();
    /** The file each file of this window's project was saved as from (Save As), by the file saved. */
    private final java.util.Map<Path, Path> savedFrom = new java.util.HashMap<>();

    /**
     * @param ownFolder where the project's runs go now (beside its file, or the folder for unsaved projects)
     * @param project   the project's name
     * @param file      its file, null while it is not saved
     */
    WindowRuns(Supplier<Path> ownFolder, Supplier<String> project, Supplier<Path> file) {
        this.ownFolder = ownFolder;
        this.project = project;
        this.file = file;
    }

    /**
     * The runs of this project (by its file, or its name while unsaved), newest first, read here and now — up to 4 MB
     * a record: never on the window's thread, which takes {@link #readKept} or {@link #keptThen} (the workbench no
     * longer calls it; tests do, off that thread).
     */
    public List<RunHistory.Run> kept() {
        return of(ownFolder.get(), project.get(), file.get());
    }

    /**
     * {@link #kept()}, read later and off the window's thread: what it takes of the window (the folders, the project's
     * name and file) is taken now, the runs' records (each up to 4 MB) are read by the work returned. Opening a project
     * whose runs folder held many large records had left the window frozen while they were read.
     */
    private java.util.concurrent.Callable<List<RunHistory.Run>> keptLater() {
        List<Path> all = withOthers(ownFolder.get());
        String name = project.get();
        Path at = file.get();
        return () -> RunHistory.ofProject(all, name, at);
    }

    /** Where kept runs' records are read: a thread of their own, so a run being prepared does not hold Runs… up. */
    private static final java.util.concurrent.ExecutorService READING = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "deepwire-runs-reading");
                t.setDaemon(true);
                return t;
            });
    private java.util.concurrent.ExecutorService reading = READING;

    /** Reads the kept runs' records on {@code reader} instead (tests: a reader that waits until released). */
    public void readOn(java.util.concurrent.ExecutorService reader) {
        this.reading = reader;
    }

    /** The kept runs, newest first, and what sets each apart from the others ({@link RunDifferences}), by folder. */
    public record Kept(List<RunHistory.Run> runs, java.util.Map<Path, String> apart) {
    }

    /**
     * {@link #kept()} and what sets them apart, read off the window's thread, handed to {@code then} on the window's
     * thread unless cancelled first (by running what this returns: a window closed meanwhile). Runs… and Evaluate's run
     * picker had read every run's record (up to 4 MB each) on the window's thread: 150 of them froze the window for
     * some 20 s; what sets them apart reads each record again, and each run's kept graph.
     */
    public Runnable readKept(Consumer<Kept> then) {
        var read = keptLater();
        return later(() -> {
            List<RunHistory.Run> runs = readOrNone(read);
            return new Kept(runs, RunDifferences.of(runs));
        }, then);
    }

    /**
     * {@code work} done with {@link #kept()}, read off the window's thread on the one reader of kept runs (as {@link
     * #readKept}); completes there, callers go on on the window's thread themselves. Opening a project (its newest run's
     * curves) and inspecting a reopened lesson (its newest model) had each read the runs on an executor of their own.
     */
    public <T> java.util.concurrent.CompletableFuture<T> keptThen(java.util.function.Function<List<RunHistory.Run>, T> work) {
        var read = keptLater();
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> work.apply(readOrNone(read)), reading);
    }

    private static List<RunHistory.Run> readOrNone(java.util.concurrent.Callable<List<RunHistory.Run>> read) {
        try {
            return read.call();
        } catch (Exception e) {
            return List.of(); // unreadable folders list no runs, as kept() says
        }
    }

    /** What sets each of {@code runs} apart ({@link RunDifferences}), worked out off the window's thread, as {@link #readKept}. */
    public Runnable apartLater(List<RunHistory.Run> runs, Consumer<java.util.Map<Path, String>> then) {
        List<RunHistory.Run> copy = List.copyOf(runs);
        return later(() -> RunDifferences.of(copy), then);
    }

    private <T> Runnable later(java.util.function.Supplier<T> work, Consumer<T> then) {
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.Future<?> task = reading.submit(() -> {
            T done = work.get();
            javafx.application.Platform.runLater(() -> {
                if (!cancelled.get()) {
                    then.accept(done);
                }
            });
        });
        return () -> { // cancels: what was read is dropped, the reading stops at the next run
            cancelled.set(true);
            task.cancel(true);
        };
    }

    /** How many folders the project's runs folders hold (runs, most of them): what "reading N runs…" says, at once. */
    public int folderCount() {
        int n = 0;
        for (Path f : new LinkedHashSet<>(withOthers(ownFolder.get()))) {
            try (var dirs = java.nio.file.Files.list(f)) {
                n += (int) dirs.filter(java.nio.file.Files::isDirectory).count();
            } catch (IOException | RuntimeException e) {
                // no such folder: no runs in it
            }
        }
        return n;
    }

    /**
     * The model of the newest of {@code kept} that trained ({@link RunHistory#inspectable}; not a copy kept with heads
     * removed or pruned, which has no curves): what the window inspects when it has trained nothing itself, as a
     * lesson trained and reopened to present has.
     */
    public static java.util.Optional<Path> newestModel(List<RunHistory.Run> kept) {
        return kept.stream().filter(RunHistory::hasCurves).map(RunHistory::inspectable)
                .filter(java.nio.file.Files::isRegularFile).findFirst();
    }

    /** Where runs of the files this project was Saved As from stay, or "" ({@link RunsLeftBehind}). */
    public String leftBehind() {
        return leftBehind(file.get());
    }

    /** A run began in {@code dir}. */
    void started(Path dir) {
        folders.add(dir.getParent());
        started.add(dir);
    }

    /** Another folder whose runs are listed when they belong to the project (where unsaved projects' runs go). */
    public void alsoListIn(Path folder) {
        folders.add(folder);
    }

    /** The project's runs, newest first: those in {@code ownFolder} and in the others, by its name and file. */
    List<RunHistory.Run> of(Path ownFolder, String project, Path file) {
        return RunHistory.ofProject(withOthers(ownFolder), project, file);
    }

    /** {@code ownFolder} and the other folders the project's runs are in (a copy). */
    private List<Path> withOthers(Path ownFolder) {
        List<Path> all = new ArrayList<>();
        all.add(ownFolder);
        all.addAll(folders);
        return all;
    }

    /**
     * The project was saved as {@code file} from {@code before}: first saved (null before), the runs it started without
     * a file are recorded as that file's; saved as another file, the earlier one is remembered (its runs stay with it).
     */
    void saved(Path before, Path file, Consumer<String> problem) {
        if (before == null) {
            firstSaved(file, problem);
        } else if (!before.toAbsolutePath().equals(file.toAbsolutePath())) {
            savedFrom.put(file.toAbsolutePath(), before.toAbsolutePath());
        }
    }

    /** What {@link RunsLeftBehind} says of the nearest file {@code file} was saved from that kept runs, or "". */
    String leftBehind(Path file) {
        Set<Path> seen = new LinkedHashSet<>();
        for (Path f = file == null ? null : savedFrom.get(file.toAbsolutePath()); f != null && seen.add(f); f = savedFrom.get(f)) {
            if (!f.equals(file.toAbsolutePath())) {
                String s = RunsLeftBehind.sentence(f, folders);
                if (!s.isEmpty()) {
                    return s;
                }
            }
        }
        return "";
    }

    /**
     * The runs this window started, and the models kept from them (heads removed, slimmed: beside their source, naming
     * it in {@code keptFrom}), become the file's. A kept model had stayed a run of no file, gone from Runs… at the first
     * Save while the run it came from was listed.
     */
    private void firstSaved(Path file, Consumer<String> problem) {
        for (Path dir : withKeptCopies(started)) {
            try {
                RunHistory.adopt(dir, file);
            } catch (IOException e) {
                problem.accept("Could not record " + dir.getFileName() + " as a run of " + dev.deepwire.limits.ShownName.line(file) + ": "
                        + e.getMessage());
            }
        }
    }

    /** {@code runs}, the models kept from them, the models kept from those, and so on. */
    private static List<Path> withKeptCopies(List<Path> runs) {
        List<Path> all = new ArrayList<>(runs);
        for (List<Path> more = keptFrom(all); !more.isEmpty(); more = keptFrom(all)) {
            all.addAll(more);
        }
        return all;
    }

    /** The runs beside the ones in {@code runs} kept from one of them, not among {@code runs}. */
    private static List<Path> keptFrom(List<Path> runs) {
        Set<String> names = new java.util.HashSet<>();
        runs.forEach(d -> names.add(d.getFileName().toString()));
        List<Path> kept = new ArrayList<>();
        for (Path folder : runs.stream().map(Path::getParent).distinct().toList()) {
            for (RunHistory.Run r : RunHistory.list(folder)) {
                try {
                    String from = RunHistory.record(r.dir()).path(dev.deepwire.training.RunRecord.KEPT_FROM).path("run")
                            .asText("");
                    if (names.contains(from) && !runs.contains(r.dir()) && !kept.contains(r.dir())) {
                        kept.add(r.dir());
                    }
                } catch (IOException e) {
                    // listed a moment ago, unreadable now: left as it is
                }
            }
        }
        return kept;
    }
}
