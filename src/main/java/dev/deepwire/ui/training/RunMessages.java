package dev.deepwire.ui.training;

import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEvent;
import java.util.Locale;

/** What the dock says about a run: its status lines and its progress line. */
final class RunMessages {
    private RunMessages() {
    }

    private static final String NO_BLOCKS = "Add blocks from the palette to start";

    private static final String NOT_READY = "Not ready to train ";

    /**
     * The idle dock's line: what Train would train; on an empty canvas, where to begin; with errors on the blocks,
     * that they come first (it had said "Ready to train" over a graph that cannot train); with a training setting typed
     * that cannot be used, that it comes first (it had said "Ready to train" beside the red line naming it).
     */
    static String ready(boolean emptyCanvas, String project, int errors, boolean settingRefused) {
        if (emptyCanvas) {
            return NO_BLOCKS;
        }
        // a new project is not "untitled" to its author ("Ready to train untitled")
        project = dev.deepwire.model.Project.UNTITLED.equals(project) ? "the new project"
                : dev.deepwire.limits.ShownName.line(project);
        if (settingRefused && errors == 0) {
            return NOT_READY + project + ": a training setting below holds a value it cannot use (said in red)";
        }
        return errors > 0 ? NOT_READY + project + ": " + (errors == 1 ? "1 problem" : errors + " problems")
                + " to fix first (see the status bar)" : "Ready to train " + project;
    }

    /** Whether a status line is the idle dock's (which follows the canvas as blocks are added, removed or mended). */
    static boolean isReady(String status) {
        return status.equals(NO_BLOCKS) || status.startsWith("Ready to train") || status.startsWith(NOT_READY);
    }

    static String started(TrainingEvent.RunStarted s) {
        return String.format(Locale.ROOT, "Training %s: %,d parameters on %s",
                dev.deepwire.limits.ShownName.line(s.projectName()), s.params(), s.backend());
    }

    /**
     * Where a run was saved, as its last line says it: from the project's folder ("runs/marker-20261207-091234") when it
     * is in it, else whole. The whole path ("/home/…/lessons/runs/marker-…") had pushed the status bar's counts out at
     * 1024 × 700 and been cut in the dock; Runs… lists the run.
     */
    static String folder(java.nio.file.Path dir, java.nio.file.Path projectFile) {
        java.nio.file.Path shown = dir;
        java.nio.file.Path home = projectFile == null ? null : projectFile.toAbsolutePath().getParent();
        if (home != null && dir.toAbsolutePath().startsWith(home)) {
            shown = home.relativize(dir.toAbsolutePath());
        }
        return dev.deepwire.limits.VisibleText.oneLine(shown.toString());
    }

    static String epoch(TrainingEvent.EpochCompleted ep) {
        return String.format(Locale.ROOT, "Epoch %d: validation accuracy %.1f\u00a0%%, loss %.4f", ep.epoch(),
                100 * ep.validationAccuracy(), ep.validationLoss());
    }

    static String selection(TrainingEvent.SelectionMeasured m) {
        return String.format(Locale.ROOT, "Epoch %d: %s %.3f (the model is chosen on it)", m.epoch(), m.figure(), m.value());
    }

    /**
     * The run's end and the figure of the model it kept: the validation filtered MRR where it was selected on it —
     * a 1-N model's accuracy (hits@1 over every entity) read "0.0 %" beside an MRR that picked the model — otherwise
     * its validation accuracy.
     */
    static String finished(TrainingEvent.RunFinished f) {
        // the figure first: at 1024 px "Finished (all 20 epochs done): validation accuracy …" was cut before the figure
        if (!Double.isNaN(f.validationMrr())) {
            return String.format(Locale.ROOT, "Finished: validation filtered MRR %.3f (%s)", f.validationMrr(), f.reason());
        }
        return String.format(Locale.ROOT, "Finished: validation accuracy %.1f\u00a0%% (%s)", 100 * f.validationAccuracy(), f.reason());
    }

    static String stopped(TrainingEvent.RunStopped s) {
        return String.format(Locale.ROOT, "Stopped at step %,d: validation accuracy %.1f\u00a0%%; the model so far is kept", s.steps(),
                100 * s.validationAccuracy());
    }

    /**
     * "epoch 2/14 · step 1,200/8,400 · ETA 3:10 · 5,000 samples/s · loss 0.1234"; without the time left when
     * {@code etaSeconds} is NaN (the run has ended).
     */
    static String progress(TrainingEvent.StepCompleted s, int epochs, long total, double etaSeconds) {
        return String.format(Locale.ROOT, "epoch %d/%d · step %,d/%,d · %s%,.0f samples/s · loss %.4f", s.epoch(), epochs,
                s.step(), total, Double.isNaN(etaSeconds) ? "" : "ETA " + duration(etaSeconds) + " · ",
                s.samplesPerSecond(), s.loss());
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The dock's one word for where the run is, as a person says it (not the enum's name). */
    static String phase(RunState p) {
        return switch (p) {
            case IDLE -> "Not started"; // "Ready" beside "Not ready to train …" read as a contradiction
            case STARTING -> "Preparing…";
            case RUNNING -> "Training";
            case PAUSED -> "Paused";
            case FINISHED -> "Finished";
            case STOPPED -> "Stopped";
            case FAILED -> "Failed";
        };
    }

    /**
     * The first run of a fresh window waits seconds for its training process to start and load ND4J, then for the
     * process to load the data, and the dock said "Training marker" with no chart point meanwhile: {@code status} says
     * which, until the run's first message replaces it. Nothing here waits for the process; a run that trains in this
     * process (ready at once) keeps {@code training}.
     */
    static void whileTheProcessStarts(dev.deepwire.training.RunControl launched, String training,
                                      javafx.beans.property.StringProperty status,
                                      java.util.function.Consumer<Runnable> uiThread,
                                      java.util.function.Supplier<dev.deepwire.training.RunControl> current) {
        if (launched.processReady().isDone() || !status.get().equals(training)) {
            return;
        }
        String starting = "Starting the training process and loading ND4J\u2026 (a few seconds, the first time)";
        status.set(starting);
        launched.processReady().thenRun(() -> uiThread.accept(() -> {
            if (current.get() == launched && status.get().equals(starting)) {
                status.set(training + ": loading the data and building the network in the training process\u2026");
            }
        }));
    }
}
