package dev.deepwire.ui.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.MetricsCsv;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.RunFolderLock;
import dev.deepwire.training.RunFiles;
import dev.deepwire.training.RunFolders;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.training.TrainingListener;
import dev.deepwire.training.eval.TestReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The files of one workbench run: its folder ({@code runs/<project>-<time>}), {@code metrics.csv} written as events
 * arrive, {@code run.json} naming the project (name and file) when it ends, and its model; also scores the finished
 * model on the test split. The view model only decides what the dock shows.
 */
final class RunRecorder {
    private final RunFolderLock held;
    private final Path dir;
    private final MetricsCsv csv;
    private final String project;
    private final Supplier<Path> projectFile;
    private final Path startedAs;
    private final TrainingSettings settings;
    private final AtomicReference<String> failure = new AtomicReference<>();

    private RunRecorder(RunFolderLock held, String project, Supplier<Path> projectFile, TrainingSettings settings)
            throws IOException {
        this.held = held;
        this.dir = held.dir();
        this.project = project;
        this.projectFile = projectFile;
        this.startedAs = projectFile.get();
        this.settings = settings;
        try {
            this.csv = new MetricsCsv(dir.resolve("metrics.csv"), 10);
        } catch (IOException | RuntimeException e) {
            held.close();
            throw e;
        }
    }

    /**
     * Creates a new run folder for a project (two runs in one second keep apart) and opens its metrics file;
     * {@code projectFile} is asked again as the run ends (the project may have been saved under a new file meanwhile).
     * The folder is held for the run ({@link RunFolderLock}) until {@link #finish} has saved its model, so a
     * {@code deepwire train --overwrite} or a sweep never takes it over meanwhile.
     */
    static RunRecorder create(Path runsFolder, String project, Supplier<Path> projectFile, TrainingSettings settings)
            throws IOException {
        // one folder per run, created here, with a safe name from the project's
        return new RunRecorder(RunFolders.createNewHeld(runsFolder, project), project, projectFile, settings);
    }

    Path dir() {
        return dir;
    }

    /** Called on the training thread for every event, so the file keeps up even when the window is busy. */
    void onEvent(TrainingEvent event) {
        csv.onEvent(event);
    }

    /**
     * Records each event (on the training thread), then passes it to {@code next}; the first time metrics.csv cannot
     * be written (a full disk), {@code failed} is told why, once.
     */
    TrainingListener recording(Consumer<TrainingEvent> next, Consumer<String> failed) {
        return event -> {
            try {
                onEvent(event);
            } catch (UncheckedIOException e) {
                if (failure.compareAndSet(null, e.getMessage())) {
                    failed.accept(e.getMessage());
                }
            }
            next.accept(event);
        };
    }

    /** Why metrics.csv could not be written, or null while it could. */
    String failure() {
        return failure.get();
    }

    /**
     * Writes {@code run.json}: which project ran (its name and file), with which settings, and how it ended;
     * {@code problem} is told when it cannot be written.
     */
    void record(Consumer<String> problem, String outcome, long steps, double accuracy) {
        try {
            RunHistory.record(dir, project, projectFile.get(), startedAs, settings, outcome, steps, accuracy);
        } catch (IOException e) {
            problem.accept("Could not record the run in " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Closes the metrics file and saves the model (unless the run saved one); says where the model went when
     * model.zip could not be written, and what failed.
     */
    void finish(RunControl run, Executor background, Consumer<String> problem) {
        background.execute(() -> {
            try {
                csv.close();
                run.savedModel().filter(m -> !m.getFileName().toString().equals("model.zip")
                                && !m.getFileName().toString().startsWith("."))
                        .ifPresent(m -> problem.accept("model.zip could not be written; the model was saved to " + m));
                if (run.model() != null && run.savedModel().isEmpty()) {
                    RunFiles.SavedModel saved = RunFiles.saveModel(run.model(), dir);
                    if (saved.problem() != null) {
                        problem.accept("model.zip could not be written (" + saved.problem() + "); the model was saved to "
                                + saved.file());
                    }
                }
            } catch (IOException | RuntimeException e) {
                problem.accept("could not save the run: " + e.getMessage());
            } finally {
                release();
            }
        });
    }

    /** Lets the run folder go: the run has ended and its files are written. */
    void release() {
        try {
            held.close();
        } catch (IOException e) {
            // the lock is released with its channel however the close went
        }
    }

    /** Scores a finished model on the test split in the background (ranking can take seconds); the whole report. */
    static void scoreTest(RunControl run, CompiledNetwork network, DatasetSplits data,
                          Executor background, Consumer<String> result) {
        background.execute(() -> {
            String text;
            try {
                List<String> lines = TestReport.lines(run.model(), network, data);
                text = String.join("\n", lines); // the panel shows the first lines, its tooltip all
            } catch (RuntimeException e) {
                text = "Cannot score the test split: " + e.getMessage();
            }
            result.accept(text);
        });
    }
}
