package dev.deepwire.cli;

import dev.deepwire.io.ProjectFolders;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.DistributedTraining;
import dev.deepwire.training.MetricsCsv;
import dev.deepwire.training.RunFolderLock;
import dev.deepwire.training.RunFiles;
import dev.deepwire.training.RunFolders;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.TrainingEngine;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.training.TrainingListener;
import dev.deepwire.training.TrainingRun;
import dev.deepwire.training.eval.TestReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deepwire train FILE}: trains headless, writes metrics.csv and model.zip, prints the result. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a project on the CPU (or the GPU backend chosen at launch).",
                "Writes DIR/metrics.csv (step,epoch,train_loss,val_loss,val_accuracy,val_mrr) and",
                "DIR/model.zip, and prints the final validation accuracy (and the validation filtered MRR",
                "where the run selects on it). Exit code 0 on success, 1 if the project is invalid or",
                "training fails (e.g. the loss diverges), 2 for bad arguments or files."})
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .dwproj project file")
    Path file;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs to train (default: the project's)")
    Integer epochs;

    @Option(names = "--max-steps", paramLabel = "N", description = "stop after N steps (default: no limit)")
    long maxSteps;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default: the project's)")
    Long seed;

    @Option(names = "--batch-size", paramLabel = "B", description = "examples per step (default: the project's)")
    Integer batchSize;

    @Option(names = "--validation-split", paramLabel = "F",
            description = "hold out this fraction of the training examples for validation instead of the dataset's own "
                    + "(default: the project's; 0 = the dataset's)")
    Double validationSplit;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output folder (default: a new runs/<project>-<time> beside the project file); "
                    + "one that holds an earlier run is refused unless --overwrite")
    Path out;

    @Option(names = "--overwrite",
            description = "let --out replace the run already in that folder (its metrics, model and checkpoints)")
    boolean overwrite;

    @Option(names = "--log-every", paramLabel = "N", defaultValue = "50",
            description = "write a training-loss row to metrics.csv every N steps, 1 or more (default: ${DEFAULT-VALUE})")
    int logEvery;

    @picocli.CommandLine.Mixin
    RunOptionsMixin options;

    @picocli.CommandLine.Mixin
    SparkOptions spark;

    @picocli.CommandLine.Mixin
    DataAccessOption dataAccess;

    @Override
    public Integer call() throws CliException {
        options.check();
        if (logEvery < 1) {
            throw new CliException(ExitCodes.BAD_INPUT, "--log-every must be 1 or more (steps between training-loss "
                    + "rows); got " + logEvery);
        }
        DistributedTraining distributed = spark.check();
        ProjectSession session = ProjectSession.open(file);
        dataAccess.check(session);
        TrainingSettings settings = session.project.training();
        if (epochs != null) {
            settings = settings.withEpochs(epochs);
        }
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        if (batchSize != null) {
            settings = settings.withBatchSize(batchSize);
        }
        if (validationSplit != null) {
            settings = settings.withValidationSplit(validationSplit);
        }
        if (!settings.validate().isEmpty()) {
            throw new CliException(ExitCodes.BAD_INPUT, String.join("; ", settings.validate()));
        }
        if (maxSteps < 0) {
            throw new CliException(ExitCodes.BAD_INPUT, "--max-steps must be 0 (no limit) or more; got " + maxSteps);
        }
        session.project.setTraining(settings);
        LoadedProject prepared = LoadedProject.load(session);
        options.applyThreads(prepared.network().totalParams());
        try (RunFolderLock held = runFolder(session)) { // held while the run writes: no other run takes it over
            return train(held.dir(), prepared, settings, distributed, session);
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage()); // the lock file could not be removed
        }
    }

    private int train(Path dir, LoadedProject prepared, TrainingSettings settings, DistributedTraining distributed,
                      ProjectSession session) throws CliException {
        PrintStream console = Console.out();
        prepared.printWarnings(console); // as validate says them: an unused branch is not trained
        // the run folder keeps what it trains (the settings given here in it), as the window's runs do
        String unkept = RunFiles.keepProject(session.project, dir);
        if (unkept != null) {
            Console.err().println("deepwire: the run's copy of its project was not kept: " + unkept);
        }
        long start = System.nanoTime();
        TrainingRun run = null;
        String metricsProblem = null;
        try (MetricsCsv metrics = new MetricsCsv(dir.resolve("metrics.csv"), logEvery)) {
            Progress progress = new Progress(console, Console.rawOut(), start);
            // No block health: nothing here shows it (it cost digits-caption 1.6 % of its training time).
            RunOptions runOptions = new RunOptions(maxSteps, settings.checkpointEvery() > 0 ? dir : null,
                    session.project.name(), 0);
            TrainingListener listener = event -> {
                metrics.onEvent(event);
                progress.onEvent(event);
            };
            run = distributed != null
                    ? distributed.train(prepared.network(), prepared.data(), settings, runOptions, spark.request(), listener)
                    : new TrainingEngine(Runnable::run).start(prepared.network(), prepared.data(), settings, runOptions, listener);
        } catch (IOException e) {
            if (run == null) {
                throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
            }
            metricsProblem = e.getMessage(); // the last rows could not be flushed: the model is still saved below
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (run.outcome() instanceof TrainingEvent.RunFailed failed) {
            String unrecorded = record(dir, session, settings, "failed: " + failed.message(), failed.step(), Double.NaN,
                    Double.NaN);
            if (unrecorded != null) {
                Console.err().println("deepwire: " + unrecorded); // said; the failed training is what the exit code tells
            }
            throw new CliException(ExitCodes.INVALID, "training failed: " + failed.message()
                    + " (metrics so far in " + dir.resolve("metrics.csv") + ")");
        }
        boolean metricsGone = metricsProblem == null && !Files.isRegularFile(dir.resolve("metrics.csv"));
        RunFiles.SavedModel saved;
        try {
            saved = RunFiles.saveModel(run.model(), dir);
        } catch (WriteFailure e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
        double accuracy = run.outcome() instanceof TrainingEvent.RunFinished f ? f.validationAccuracy() : Double.NaN;
        console.printf(Locale.ROOT, "final validation accuracy: %.4f (%s, %.1f s)%n", accuracy,
                run.outcome() instanceof TrainingEvent.RunFinished f ? f.reason() : "stopped", seconds);
        // the figure a knowledge graph's run kept its model by (its accuracy is hits@1)
        double mrr = run.outcome() instanceof TrainingEvent.RunFinished f ? f.validationMrr() : Double.NaN;
        if (!Double.isNaN(mrr)) {
            console.printf(Locale.ROOT, "final validation filtered MRR: %.4f%n", mrr);
        }
        // the workbench's Runs… lists, compares and evaluates it as one of the project's runs
        String unrecorded = record(dir, session, settings, run.outcome() instanceof TrainingEvent.RunFinished f
                ? "finished: " + f.reason() : "stopped", run.outcome() instanceof TrainingEvent.RunFinished f ? f.steps()
                : run.outcome() instanceof TrainingEvent.RunStopped st ? st.steps() : 0, accuracy, mrr);
        if (unrecorded != null && (saved.problem() != null || metricsGone || metricsProblem != null)) {
            Console.err().println("deepwire: " + unrecorded); // said before the problem the exit below names
        }
        TestReport.lines(run.model(), prepared.network(), prepared.data()).forEach(console::println);
        console.println("wrote " + (metricsGone ? "" : TerminalSafeStream.path(dir.resolve("metrics.csv")) + " and ")
                + TerminalSafeStream.path(saved.file()));
        if (saved.problem() != null) {
            throw new CliException(ExitCodes.BAD_INPUT, "cannot write " + dir.resolve("model.zip") + ": "
                    + saved.problem() + "; the trained model was saved to " + saved.file() + " instead");
        }
        if (metricsGone) {
            throw new CliException(ExitCodes.BAD_INPUT, dir.resolve("metrics.csv") + " was deleted or moved while the run "
                    + "wrote it, so this run's metrics are lost (the model is in " + TerminalSafeStream.path(saved.file()) + ")");
        }
        if (metricsProblem != null) {
            throw new CliException(ExitCodes.BAD_INPUT, metricsProblem + " (its last rows are missing; the model is in "
                    + saved.file() + ")");
        }
        if (unrecorded != null) { // as for metrics.csv: a run whose record is missing is not a clean success
            throw new CliException(ExitCodes.BAD_INPUT, unrecorded + "; the model is in "
                    + TerminalSafeStream.path(saved.file()));
        }
        return ExitCodes.OK;
    }

    /**
     * Writes the run's run.json, or says why it could not: null when written. A run whose record cannot be written still
     * has its model and metrics, but is not listed in the workbench's Runs…, so the command does not end as a clean
     * success (exit 2, as for a metrics.csv that could not be written).
     */
    private static String record(Path dir, ProjectSession session, TrainingSettings settings, String outcome, long steps,
                                 double accuracy, double mrr) {
        try {
            dev.deepwire.training.RunRecord.write(dir, session.project.name(), session.file, null, settings, outcome, steps,
                    accuracy, mrr);
            return null;
        } catch (IOException e) {
            return "cannot write " + dir.resolve("run.json") + ": " + WriteFailure.reason(e)
                    + " (the run is not listed in the workbench's Runs…)";
        }
    }

    /**
     * The run's folder, held for the run: --out made ready (refused if a live run holds it, or if it holds a run,
     * unless --overwrite), or a new default one.
     */
    private RunFolderLock runFolder(ProjectSession session) throws CliException {
        try {
            if (out == null) {
                return RunFolders.createNewHeld(ProjectFolders.runs(session.file), session.project.name());
            }
            OutputPaths.requireFolder(out, "--out");
            for (var input : session.inputFiles().entrySet()) {
                Path in = input.getKey();
                if (RunFiles.isRunFile(in.getFileName().toString()) && in.toAbsolutePath().getParent() != null
                        && OutputPaths.sameFile(in.toAbsolutePath().getParent(), out)) {
                    throw new CliException(ExitCodes.BAD_INPUT, "--out " + out + " holds " + input.getValue() + " "
                            + in.getFileName() + ", which a run writes over; choose another --out folder");
                }
            }
            return RunFolders.claimNamed(out, overwrite);
        } catch (RunFolderLock.InUse e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--out " + e.what()
                    + "; choose another --out folder, or stop that run first");
        } catch (RunFolders.Taken e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage()
                    + "; choose a new --out folder, or add --overwrite to replace that run");
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    /** Prints the run's start, an epoch line each epoch, and a rolling step line on terminals. */
    private static final class Progress {
        private final PrintStream out;
        private final PrintStream raw;
        private final long start;
        private final boolean terminal = System.console() != null;
        private int stepsPerEpoch;

        Progress(PrintStream out, PrintStream raw, long start) {
            this.out = out;
            this.raw = raw;
            this.start = start;
        }

        void onEvent(TrainingEvent event) {
            if (event instanceof TrainingEvent.RunStarted s) {
                stepsPerEpoch = s.stepsPerEpoch();
                out.printf(Locale.ROOT, "training %s: %,d parameters, %,d training / %,d validation examples, "
                                + "%d %s of %d steps on %s%n", TerminalSafeStream.oneLine(s.projectName()), s.params(), s.trainExamples(),
                        s.validationExamples(), s.epochs(), s.epochs() == 1 ? "epoch" : "epochs", s.stepsPerEpoch(), s.backend());
            } else if (event instanceof TrainingEvent.StepCompleted s && terminal && s.step() % 10 == 0) {
                raw.print('\r'); // the terminal's own carriage return: the step line rewrites itself
                out.printf(Locale.ROOT, "epoch %d step %d/%d loss %.4f %.0f samples/s   ", s.epoch(),
                        (s.step() - 1) % Math.max(1, stepsPerEpoch) + 1, stepsPerEpoch, s.loss(), s.samplesPerSecond());
            } else if (event instanceof TrainingEvent.EpochCompleted e) {
                if (terminal) {
                    raw.print('\r');
                }
                out.printf(Locale.ROOT,
                        "epoch %d (step %d): train loss %s, validation loss %.4f, validation accuracy %.4f, %.1f s%n",
                        e.epoch(), e.step(), // none measured (gradient sharing on Spark): not a NaN that looks diverged
                        Double.isNaN(e.trainLoss()) ? "not measured" : String.format(Locale.ROOT, "%.4f", e.trainLoss()),
                        e.validationLoss(), e.validationAccuracy(), (System.nanoTime() - start) / 1e9);
            } else if (event instanceof TrainingEvent.SelectionMeasured m) {
                out.printf(Locale.ROOT, "epoch %d: %s %.4f%n", m.epoch(), m.figure(), m.value());
            }
        }
    }
}
