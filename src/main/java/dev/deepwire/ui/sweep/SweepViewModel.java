package dev.deepwire.ui.sweep;

import dev.deepwire.io.ProjectFolders;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.sweep.HeadlessSweepRun;
import dev.deepwire.sweep.SweepExecutor;
import dev.deepwire.sweep.SweepExecutors;
import dev.deepwire.sweep.SweepFolder;
import dev.deepwire.sweep.SweepPlan;
import dev.deepwire.sweep.SweepRunRecord;
import dev.deepwire.sweep.SweepRunner;
import dev.deepwire.sweep.SweepSettings;
import dev.deepwire.sweep.SweepSpec;
import dev.deepwire.sweep.SweepSpecException;
import dev.deepwire.sweep.SweepTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Sweep… dialog shows and does: the parameters with their typed values, seeds, runs at once and a step
 * limit (remembered per project file by {@link SweepSpecMemory}, so the dialog opens with the last spec), how many runs that makes or why it
 * cannot start, and while a sweep runs each run's status and figure, the progress, and cancel. A sweep is not an
 * edit of the project: nothing here touches its undo history.
 */
public final class SweepViewModel {
    /** One parameter: its key and its values as typed ("1e-4, 1e-3"). */
    public static final class ParamRow {
        private final StringProperty key = new SimpleStringProperty("");
        private final StringProperty values = new SimpleStringProperty("");

        public StringProperty keyProperty() {
            return key;
        }

        public StringProperty valuesProperty() {
            return values;
        }
    }

    /** One run of the sweep in progress: its name, settings, status and figure. */
    public record RunRow(String name, String label, String settings, StringProperty status, StringProperty figure) {
    }

    private final Supplier<Project> project;
    private final Supplier<Path> projectFile;
    private final Consumer<Runnable> uiThread;
    private final SweepStarter starter;
    private final ObservableList<ParamRow> params = FXCollections.observableArrayList(
            r -> new Observable[] {r.keyProperty(), r.valuesProperty()});
    private final IntegerProperty seeds = new SimpleIntegerProperty(1);
    private final IntegerProperty parallel = new SimpleIntegerProperty(SweepExecutors.defaultParallel());
    private final ObjectProperty<Long> maxSteps = new SimpleObjectProperty<>(0L);
    private final StringProperty plan = new SimpleStringProperty();
    private final BooleanProperty startable = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    /** Why the spec as typed will not be remembered for the project ({@link SweepSpecMemory}); "" while it is. */
    private final StringProperty memoryNote = new SimpleStringProperty("");
    private final StringProperty figure = new SimpleStringProperty("validation loss");
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private volatile SweepStarter.Handle current;
    /** The running sweep's folder, for what closing the window would stop; null when none runs. */
    private volatile SweepFolder runningFolder;
    /** Every setting's name the window has shown, by key: a row whose block was deleted since keeps its name. */
    private final Map<String, String> namesSeen = new java.util.HashMap<>();

    /** Opens the executor for a sweep ({@code parallel} runs at once) and runs it on a thread of its own. */
    public interface SweepStarter {
        /** A sweep started: {@link #cancel} stops it, keeping its finished runs. */
        interface Handle {
            void cancel();
        }

        SweepExecutor open(int parallel) throws SweepSpecException;
    }

    /**
     * @param project     the project in the window (read on the UI thread when a sweep starts)
     * @param projectFile its file, or null while it is not saved
     * @param uiThread    how results get back to the UI thread
     */
    public SweepViewModel(Supplier<Project> project, Supplier<Path> projectFile, Consumer<Runnable> uiThread) {
        this(project, projectFile, uiThread, p -> SweepExecutors.open(null, p));
    }

    /**
     * Why the project's data may not be read by the sweep's runs, or null: the window's consent (asked as Train asks);
     * unless set, data outside the project's folder is refused.
     */
    private java.util.function.BiFunction<dev.deepwire.model.DatasetSpec, Path, String> dataConsent = (spec, folder) -> {
        try {
            return dev.deepwire.data.DataPaths.outside(spec, folder).map(o -> o.message()).orElse(null);
        } catch (dev.deepwire.data.DataException e) {
            return e.getMessage();
        }
    };

    /** Sets who decides whether data outside the project's folder may be read (the window's one consent). */
    public void setDataConsent(java.util.function.BiFunction<dev.deepwire.model.DatasetSpec, Path, String> consent) {
        this.dataConsent = consent;
    }

    public SweepViewModel(Supplier<Project> project, Supplier<Path> projectFile, Consumer<Runnable> uiThread,
                          SweepStarter starter) {
        this.project = project;
        this.projectFile = projectFile;
        this.uiThread = uiThread;
        this.starter = starter;
        params.add(new ParamRow());
        params.addListener((javafx.collections.ListChangeListener<ParamRow>) c -> replan());
        seeds.addListener((o, a, b) -> replan());
        maxSteps.addListener((o, a, b) -> replan());
        running.addListener((o, a, b) -> replan());
        replan();
    }

    public ObservableList<ParamRow> params() {
        return params;
    }

    public IntegerProperty seedsProperty() {
        return seeds;
    }

    public IntegerProperty parallelProperty() {
        return parallel;
    }

    public ObjectProperty<Long> maxStepsProperty() {
        return maxSteps;
    }

    public StringProperty memoryNoteProperty() {
        return memoryNote;
    }

    /** "12 runs (2 × 2 values × 3 seeds)", or why the sweep cannot start. */
    public StringProperty planProperty() {
        return plan;
    }

    public BooleanProperty startableProperty() {
        return startable;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The figure runs are ranked on: the project's selection figure ("validation loss"). */
    public StringProperty figureProperty() {
        return figure;
    }

    public ObservableList<RunRow> runs() {
        return runs;
    }

    /** The keys the project offers (training settings, then each block's parameters), for the key field's list. */
    public List<String> keys() {
        return SweepSettings.keys(project.get(), BlockCatalog.standard());
    }

    /** The names the window shows for the project's settings ("Learning rate", "Tokens · Length"), both ways. */
    SettingNames names() {
        SettingNames names = new SettingNames(project.get(), BlockCatalog.standard(), namesSeen);
        namesSeen.putAll(names.current());
        return names;
    }

    /** The key's value in the project now, as a hint; empty for an unknown key. */
    public String current(String key) {
        return SweepSettings.current(project.get(), BlockCatalog.standard(), key);
    }

    /** Re-checks the spec as typed: the number of runs, or the first problem (nothing runs). */
    public void replan() {
        if (running.get()) {
            startable.set(false);
            return;
        }
        if (status.get() != null && status.get().startsWith("Cannot start the sweep")) {
            status.set(""); // said of the project as it was: it may have been saved elsewhere or mended since
        }
        figure.set(SweepRunRecord.selectionFor(project.get().training()));
        try {
            SweepSpec spec = spec();
            SweepPlan.check(project.get(), spec);
            plan.set(spec.runs() + (spec.runs() == 1 ? " run" : " runs") + describe(spec));
            startable.set(projectFile.get() != null);
            if (projectFile.get() == null) {
                plan.set(plan.get() + " · save the project first: a sweep's runs go into runs/ beside its file");
            }
        } catch (SweepSpecException e) {
            plan.set(names().words(e.getMessage()));
            startable.set(false);
        }
    }

    private static String describe(SweepSpec spec) {
        StringBuilder b = new StringBuilder(" (");
        spec.params().values().forEach(v -> b.append(v.size()).append(" × "));
        return b.append(spec.seeds()).append(spec.seeds() == 1 ? " seed)" : " seeds)").toString();
    }

    /** The spec as typed; rows with no key and no values are left out. */
    SweepSpec spec() throws SweepSpecException {
        SettingNames names = names();
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (ParamRow r : params) {
            String key = r.keyProperty().get() == null ? "" : r.keyProperty().get().strip();
            String values = r.valuesProperty().get() == null ? "" : r.valuesProperty().get();
            if (key.isEmpty() && values.isBlank()) {
                continue;
            }
            if (key.isEmpty()) {
                throw new SweepSpecException("choose a setting for the values " + values.strip());
            }
            if (names.isGone(key)) {
                throw new SweepSpecException(key + ": its block is no longer in the project; choose another setting "
                        + "for these values, or clear the row");
            }
            if (map.containsKey(key)) {
                throw new SweepSpecException(key + " is listed twice; give all its values in one row");
            }
            map.put(key, SweepSpec.values(key, values));
        }
        SweepSpec spec = new SweepSpec(map, seeds.get(), maxSteps.get() == null ? 0 : maxSteps.get());
        spec.check();
        return spec;
    }

    /** Starts the sweep as typed (the project as it is in the window now); false, with the reason, when it cannot. */
    public boolean start() {
        if (running.get() || !startable.get()) {
            return false;
        }
        Path file = projectFile.get();
        Project p = project.get();
        SweepSpec spec;
        List<SweepTask> tasks;
        Path runsDir = SweepRunner.runsDir(file);
        SweepFolder folder;
        SweepExecutor executor;
        SettingNames names = names();
        try {
            spec = spec();
            SweepPlan.check(p, spec); // the project may have changed since the spec was counted: nothing is made then
            String refused = dataConsent.apply(p.dataset(), file.toAbsolutePath().getParent());
            if (refused != null) {
                status.set("Cannot start the sweep: " + refused + "; its runs read the data only when you agree (as Train "
                        + "asks), or copy the file into the project's folder and choose it in Edit \u25b8 Dataset Settings");
                return false;
            }
            Path dir = SweepFolder.createNew(ProjectFolders.sweeps(file), runsDir, p.name());
            tasks = SweepPlan.tasks(p, file, spec, dir.getFileName().toString());
            folder = SweepFolder.create(dir, file, dir.getFileName().toString(), spec, tasks);
            executor = starter.open(Math.max(1, parallel.get()));
        } catch (SweepSpecException | IOException e) {
            status.set("Cannot start the sweep: " + names.words(e.getMessage()));
            return false;
        }
        String figure = SweepRunRecord.selectionFor(p.training());
        String sweepName = folder.name();
        runs.setAll(tasks.stream().map(t -> new RunRow(t.runName(), "#" + t.runName().substring(sweepName.length() + 1),
                names.describe(spec.params().keySet(), t.settings()),
                new SimpleStringProperty("waiting"), new SimpleStringProperty(""))).toList());
        progress.set(0);
        running.set(true);
        runningFolder = folder;
        status.set("Sweep " + folder.name() + ": " + tasks.size() + " runs on " + executor.describe()
                + "; 0 of " + tasks.size() + " done");
        String started = "Sweep " + folder.name() + " on " + executor.describe() + ": ";
        executor.onRunStarted(name -> uiThread.accept(() -> runs.stream().filter(r -> r.name().equals(name))
                .findFirst().ifPresent(r -> r.status().set("running"))));
        SweepRunner runner = new SweepRunner(folder, runsDir);
        Thread thread = new Thread(() -> run(runner, tasks, spec, executor, folder, figure, started, names),
                "deepwire-sweep");
        thread.setDaemon(true);
        current = () -> {
            executor.close();
            thread.interrupt();
        };
        thread.start();
        return true;
    }

    /**
     * What closing the window would stop, in words for its question ("the sweep … (1 of 4 runs done): …"); null when no
     * sweep runs.
     */
    public String whatClosingStops() {
        SweepFolder f = runningFolder;
        if (!running.get() || f == null) {
            return null;
        }
        long done = Math.round(progress.get() * runs.size()); // the runs ended, finished or failed
        return "the sweep " + f.name() + " (" + done + " of " + runs.size() + " runs done): its finished runs are kept, and "
                + "the others can be run later with: " + f.resumeCommand();
    }

    /** Stops the sweep: runs that finished are kept; the others can be resumed with {@code deepwire sweep --resume}. */
    public void cancel() {
        SweepStarter.Handle h = current;
        if (h != null) {
            runningFolder = null; // nothing left for a close to stop
            status.set("Cancelling…");
            h.cancel();
        }
    }

    private void run(SweepRunner runner, List<SweepTask> tasks, SweepSpec spec, SweepExecutor executor,
                     SweepFolder folder, String figure, String started, SettingNames names) {
        int[] done = {0};
        String end;
        try (executor) {
            runner.run(tasks, executor, new HeadlessSweepRun(spec.maxSteps(), 10), e -> uiThread.accept(() -> {
                done[0]++;
                progress.set(done[0] / (double) tasks.size());
                if (current != null) {
                    status.set(started + done[0] + " of " + tasks.size() + " runs done");
                }
                runs.stream().filter(r -> r.name().equals(e.runName())).findFirst().ifPresent(r -> {
                    r.status().set(e.finished() ? "finished" : "FAILED: " + e.reason());
                    r.figure().set(Double.isFinite(e.metric()) ? String.format(Locale.ROOT, "%.4f", e.metric()) : "");
                });
            }));
            end = summary(folder, figure, names);
        } catch (InterruptedException e) {
            end = "Cancelled; the finished runs are kept. Resume with: " + folder.resumeCommand();
        } catch (RuntimeException e) {
            end = "The sweep stopped: " + names.words(String.valueOf(e.getMessage()))
                    + " (its finished runs are kept in " + folder.dir() + ")";
        }
        String message = end;
        current = null;
        uiThread.accept(() -> {
            running.set(false);
            runningFolder = null;
            status.set(message);
            runs.stream().filter(r -> r.status().get().equals("waiting") || r.status().get().equals("running"))
                    .forEach(r -> r.status().set("not run: the sweep was cancelled"));
        });
    }

    private static String summary(SweepFolder folder, String figure, SettingNames names) {
        List<SweepFolder.Entry> all = folder.entries();
        long failed = all.stream().filter(e -> !e.finished()).count();
        List<SweepFolder.Entry> ranked = SweepRunner.ranked(all, SweepRunRecord.higherIsBetter(figure));
        SweepFolder.Entry top = ranked.isEmpty() ? null : ranked.get(0);
        String best = top == null || !top.finished() || !Double.isFinite(top.metric()) ? ""
                : String.format(Locale.ROOT, " · best %s %.4f: #%s (%s)", figure, top.metric(),
                top.runName().substring(folder.name().length() + 1),
                names.describe(folder.spec().params().keySet(), top.settings()));
        return all.size() + " runs: " + (all.size() - failed) + " finished, " + failed + " failed" + best;
    }
}
