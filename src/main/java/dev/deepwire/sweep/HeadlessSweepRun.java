package dev.deepwire.sweep;

import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.files.FolderTrees;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.MetricsCsv;
import dev.deepwire.training.PreparedRun;
import dev.deepwire.training.RunFiles;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.TrainingEngine;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.training.TrainingRun;
import dev.deepwire.training.backend.ThreadSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains one run of a sweep with DeepWire's own trainer, on one thread, in a scratch folder, and returns its files
 * ({@code metrics.csv}, {@code run.json}, {@code best.zip}, {@code model.zip}). A run that cannot train — its graph
 * does not compile with the swept values, its loss diverges, it runs out of memory — comes back FAILED with the
 * reason and the files it wrote.
 *
 * @param maxSteps  stop after this many steps (0: the project's epochs decide)
 * @param logEvery  a training-loss row in metrics.csv every this many steps
 */
public record HeadlessSweepRun(long maxSteps, int logEvery) implements SweepTaskBody {
    private static final List<String> RETURNED = List.of("metrics.csv", "run.json", "best.zip", "model.zip",
            RunFiles.KEPT_PROJECT);

    @Override
    public SweepOutcome run(SweepTask task) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("deepwire-sweep-run-");
            return train(task, scratch);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return SweepOutcome.failed(task.runName(), "the run could not train: " + e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private SweepOutcome train(SweepTask task, Path scratch) throws IOException {
        Project project;
        try {
            project = new ProjectReader().parse(task.projectJson());
        } catch (ProjectFormatException e) {
            return SweepOutcome.failed(task.runName(), "the run's project cannot be read: " + e.getMessage());
        }
        TrainingSettings settings = project.training();
        Path dataFolder = Path.of(task.projectFile()).toAbsolutePath().getParent();
        PreparedRun prepared = PreparedRun.of(BlockCatalog.standard(), project.graph(), project.dataset(), settings,
                dataFolder);
        Tracker tracker = new Tracker(SweepRunRecord.selectionFor(settings));
        if (!prepared.ok()) {
            return outcome(task, scratch, record(task, project, false, prepared.problem(), tracker));
        }
        RunFiles.keepProject(project, scratch); // the run's folder keeps what it trained (the swept settings in it)
        ThreadSettings.apply(1, prepared.network().totalParams());
        TrainingRun run;
        String metricsProblem = null;
        try (MetricsCsv metrics = new MetricsCsv(scratch.resolve("metrics.csv"), logEvery)) {
            run = new TrainingEngine(Runnable::run).start(prepared.network(), prepared.data(), settings,
                    new RunOptions(maxSteps, scratch, project.name(), 0), event -> {
                        metrics.onEvent(event);
                        tracker.onEvent(event);
                    });
        } catch (IOException e) {
            return outcome(task, scratch, record(task, project, false, "metrics.csv: " + e.getMessage(), tracker));
        }
        boolean finished = run.outcome() instanceof TrainingEvent.RunFinished;
        TrainingEvent end = run.outcome();
        String reason = end instanceof TrainingEvent.RunFinished f ? f.reason()
                : end instanceof TrainingEvent.RunFailed f ? f.message()
                : end instanceof TrainingEvent.RunStopped s ? "stopped after " + s.steps() + " steps"
                : "ended without an outcome";
        if (run.model() != null) {
            RunFiles.SavedModel saved = RunFiles.saveModel(run.model(), scratch);
            if (saved.problem() != null) {
                finished = false;
                reason = "model.zip could not be written: " + saved.problem();
            }
        }
        return outcome(task, scratch, record(task, project, finished, reason, tracker));
    }

    private static SweepRunRecord record(SweepTask task, Project project, boolean finished, String reason, Tracker t) {
        return new SweepRunRecord(project.name(), task.projectFile(), finished, reason, t.steps, t.validationLoss,
                t.validationAccuracy, t.selection, t.best, project.training(), task.settings());
    }

    private static SweepOutcome outcome(SweepTask task, Path scratch, SweepRunRecord record) throws IOException {
        Files.write(scratch.resolve("run.json"), record.toJson());
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : RETURNED) {
            Path f = scratch.resolve(name);
            if (Files.isRegularFile(f)) {
                files.put(name, Files.readAllBytes(f));
            }
        }
        return new SweepOutcome(task.runName(), record.finished(), record.reason(), files);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            FolderTrees.delete(dir);
        } catch (IOException e) {
            // a leftover in the temporary folder: the run's files were already read
        }
    }

    /** The last validation figures, and the best selection figure over the epochs. */
    private static final class Tracker {
        private final String selection;
        private final boolean higher;
        private long steps;
        private double validationLoss = Double.NaN;
        private double validationAccuracy = Double.NaN;
        private double best = Double.NaN;

        Tracker(String selection) {
            this.selection = selection;
            this.higher = SweepRunRecord.higherIsBetter(selection);
        }

        void onEvent(TrainingEvent event) {
            if (event instanceof TrainingEvent.StepCompleted s) {
                steps = s.step();
            } else if (event instanceof TrainingEvent.EpochCompleted e) {
                steps = Math.max(steps, e.step());
                validationLoss = e.validationLoss();
                validationAccuracy = e.validationAccuracy();
                if (selection.equals("validation loss")) {
                    offer(e.validationLoss());
                } else if (selection.equals("validation accuracy")) {
                    offer(e.validationAccuracy());
                }
            } else if (event instanceof TrainingEvent.SelectionMeasured m) {
                offer(m.value());
            } else if (event instanceof TrainingEvent.RunFinished f) {
                steps = f.steps();
            }
        }

        private void offer(double v) {
            if (Double.isFinite(v) && (Double.isNaN(best) || (higher ? v > best : v < best))) {
                best = v;
            }
        }
    }
}
