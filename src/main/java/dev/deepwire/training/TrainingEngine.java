package dev.deepwire.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.layers.LeanUpdaterBlock;
import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.limits.FileProblems;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.backend.BackendInfo;
import dev.deepwire.training.backend.ThreadSettings;
import dev.deepwire.training.eval.ModelScore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a compiled network on one background thread (from the {@link Executor} handed in, so tests
 * can run it synchronously) over batches prepared ahead of each epoch. The same seed gives the same
 * run. Evaluates on validation data each epoch, writes checkpoints, stops cleanly on NaN/Inf loss.
 */
public final class TrainingEngine {
    private static final int EVAL_BATCH = 500;
    /** Steps whose update is checked for NaN (one pass over it): overflowing starting values show at once. */
    private static final int GRADIENT_WATCH_STEPS = 20;
    private final Executor executor;

    public TrainingEngine(Executor executor) {
        this.executor = executor;
    }

    public TrainingRun start(CompiledNetwork network, DatasetSplits data, TrainingSettings settings,
                             RunOptions options, TrainingListener listener) {
        TrainingRun run = new TrainingRun();
        executor.execute(() -> {
            try {
                train(run, network, data, settings, options, listener);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(run, listener, 0, "training was interrupted");
            } catch (OutOfMemoryError e) {
                fail(run, listener, 0, "out of memory while training" + (e.getMessage() == null ? ""
                        : " (" + FileProblems.plain(e.getMessage()) + ")") + "; use a smaller batch size or smaller blocks");
            } catch (UncheckedIOException e) {
                // A file of the run (metrics.csv, a checkpoint) could not be written: a disk full, a folder gone.
                fail(run, listener, 0, "training stopped: " + (e.getCause() instanceof WriteFailure w ? w.getMessage()
                        : "cannot write the run's files: " + WriteFailure.reason(e.getCause())));
            } catch (StackOverflowError e) {
                fail(run, listener, 0, "ran out of stack space while training (the network is chained too deeply); "
                        + "use fewer blocks in a row");
            } catch (RuntimeException e) {
                fail(run, listener, 0, "training stopped by an error inside DL4J or a listener: "
                        + (e.getMessage() == null ? e.toString() : FileProblems.plain(e.getMessage()))
                        + lastCheckpoint(options).map(c -> "; the last good checkpoint is " + c).orElse(""));
            }
        });
        return run;
    }

    private void train(TrainingRun run, CompiledNetwork network, DatasetSplits data, TrainingSettings settings,
                       RunOptions options, TrainingListener listener) throws InterruptedException {
        // OpenMP keeps its thread count per thread, and OpenBLAS follows the calling thread's: applied elsewhere
        // (the UI), this thread would multiply on two threads and wake a sleeping worker per product.
        ThreadSettings.reapply();
        data = data.resplit(settings.validationSplit(), settings.seed());
        if (data.validation() == null || data.validation().size() == 0) {
            fail(run, listener, 0, "the dataset has no validation examples, which training needs to measure progress; "
                    + "mark some as validation or set a validation split");
            return;
        }
        Selection selection = new Selection(settings.selectOn(), data);
        if (selection.problem() != null) {
            fail(run, listener, 0, selection.problem());
            return;
        }
        // A batch larger than the data trains (and is estimated) at the data's size: one batch of every example.
        var memory = MemoryEstimate.of(network, Math.min(settings.batchSize(), Math.max(1, data.train().size())))
                .problem(MemoryEstimate.available());
        if (memory.isPresent()) {
            fail(run, listener, 0, memory.get());
            return;
        }
        Nd4j.getRandom().setSeed(settings.seed());
        ComputationGraph model = network.instantiate();
        List<String> order = new ArrayList<>(network.vertices().keySet());
        order.removeIf(id -> network.inputs().stream().anyMatch(i -> i.nodeId().equals(id)));
        NonFiniteStep nonFinite = new NonFiniteStep(order);
        HealthMonitor health = options.health().create(order,
                new ObservationPacer(options.healthEvery(), options.healthBudget()));
        if (health == null) {
            model.setListeners(nonFinite);
        } else {
            model.setListeners(nonFinite, health);
        }
        LeanUpdaterBlock.install(model);
        run.setModel(model);
        Random shuffle = new Random(settings.seed());
        List<MultiDataSet> validation = data.validation().batches(EVAL_BATCH, null);
        int stepsPerEpoch = (data.train().size() + settings.batchSize() - 1) / settings.batchSize();
        listener.onEvent(new TrainingEvent.RunStarted(options.projectName(), settings.epochs(), stepsPerEpoch,
                model.params().length(), data.train().size(), data.validation().size(), BackendInfo.describe()));
        run.setState(RunState.RUNNING);
        listener.onEvent(new TrainingEvent.StateChanged(RunState.RUNNING));

        long step = 0;
        double lastAccuracy = Double.NaN;
        double lastCost = Double.NaN; // the selection cost of the model as the last epoch left it
        double bestLoss = Double.POSITIVE_INFINITY;
        // The best model so far (by the selection figure), for inspection after the run: kept, written as it ends.
        BestModel best = new BestModel(options.checkpointDir() == null ? null : options.checkpointDir().resolve("best.zip"),
                selection.restoresBest());
        int sinceBest = 0;
        DivergenceWatch divergence = new DivergenceWatch();
        NativeGarbage garbage = new NativeGarbage();
        int epoch = 0;
        String reason = settings.epochs() == 1 ? "the 1 epoch done" : "all " + settings.epochs() + " epochs done";
        outer:
        for (epoch = 1; epoch <= settings.epochs(); epoch++) {
            List<MultiDataSet> batches = data.trainFor(epoch, network.outputs().get(0).settings())
                    .batches(settings.batchSize(), shuffle);
            double lossSum = 0;
            int lossCount = 0;
            for (MultiDataSet batch : batches) {
                run.waitWhilePaused(listener);
                if (run.stopRequested()) {
                    ModelScore eval = evaluateEpoch(model, network, validation, listener, epoch, step, lossSum, lossCount);
                    lastAccuracy = eval.accuracy();
                    best.offer(model, selection.cost(model, eval), eval.accuracy(), epoch, step);
                    int kept = 0;
        if (restore(selection, best, model)) {
            kept = best.epoch();
                        lastAccuracy = best.accuracy(); // the figure of the model the run ends with
                    }
                    garbage.runEnded();
                    end(run, model, best, step, options, listener, RunState.STOPPED,
                            new TrainingEvent.RunStopped(step, epoch, lastAccuracy));
                    return;
                }
                long t0 = System.nanoTime();
                nonFinite.beforeStep();
                if (health != null) {
                    health.beforeStep(step + 1);
                }
                model.fit(batch);
                double loss = model.score();
                double seconds = (System.nanoTime() - t0) / 1e9;
                step++;
                String output = network.outputs().get(0).nodeId();
                String problem = null;
                String blame = null;
                if (!Double.isFinite(loss)) {
                    blame = nonFinite.locate(model, batch);
                    problem = FailureMessages.nonFiniteLoss(loss, step, epoch, blame, output, settings.learningRate());
                } else if (step <= GRADIENT_WATCH_STEPS && Math.abs(loss) < 1e4 && !finite(model.getGradientsViewArray())) {
                    blame = firstNonFiniteWeights(model, network, order);
                    problem = FailureMessages.gradientOverflow(step, loss, blame);
                } else {
                    String rose = divergence.offer(loss);
                    problem = rose == null ? null : FailureMessages.diverged(rose, step, epoch, settings.learningRate());
                }
                if (problem != null) {
                    end(run, model, best, step, options, listener, RunState.FAILED,
                            new TrainingEvent.RunFailed(step, problem, blame != null ? blame : output));
                    return;
                }
                lossSum += loss;
                lossCount++;
                listener.onEvent(new TrainingEvent.StepCompleted(step, epoch, loss,
                        batch.getFeatures(0).size(0) / Math.max(seconds, 1e-9)));
                options.stepHook().afterStep(model, step, false);
                if (step == 1) {
                    learningRate(model, step, listener);
                }
                List<NodeHealth> measured = health == null ? List.of() : health.takeMeasurements();
                if (!measured.isEmpty()) {
                    listener.onEvent(new TrainingEvent.HealthMeasured(step, measured));
                }
                if (options.maxSteps() > 0 && step >= options.maxSteps()) {
                    reason = "step limit " + options.maxSteps() + " reached";
                    ModelScore eval = evaluateEpoch(model, network, validation, listener, epoch, step, lossSum, lossCount);
                    lastAccuracy = eval.accuracy();
                    lastCost = selection.cost(model, eval);
                    best.offer(model, lastCost, eval.accuracy(), epoch, step);
                    break outer;
                }
                Dataset.release(batch); // its native memory now, not whenever a collection finds it
                garbage.afterStep(step);
            }
            learningRate(model, step, listener);
            ModelScore eval = evaluateEpoch(model, network, validation, listener, epoch, step, lossSum, lossCount);
            lastAccuracy = eval.accuracy();
            double cost = selection.cost(model, eval);
            lastCost = cost;
            if (selection.reportsOwnFigure()) {
                listener.onEvent(new TrainingEvent.SelectionMeasured(epoch, step, selection.name(), selection.figure(cost)));
            }
            best.offer(model, cost, eval.accuracy(), epoch, step);
            if (settings.checkpointEvery() > 0 && options.checkpointDir() != null && epoch % settings.checkpointEvery() == 0) {
                Path file = options.checkpointDir().resolve("checkpoint-epoch-" + epoch + ".zip");
                save(model, file);
                listener.onEvent(new TrainingEvent.CheckpointSaved(epoch, step, file));
            }
            if (settings.earlyStoppingPatience() > 0) {
                if (cost < bestLoss) {
                    bestLoss = cost;
                    sinceBest = 0;
                } else if (++sinceBest >= settings.earlyStoppingPatience()) {
                    reason = "early stopping: " + selection.name() + " did not improve for " + sinceBest
                            + (sinceBest == 1 ? " epoch" : " epochs");
                    break;
                }
            }
        }
        int kept = 0;
        if (restore(selection, best, model)) {
            kept = best.epoch();
            // said as what was kept and why ("the model is epoch 20's, best by validation filtered MRR" read as a riddle)
            reason += "; the model kept is the one after epoch " + best.epoch() + ", which had the best " + selection.name();
            // its accuracy, not the last epoch's: "the model kept is the one after epoch 2 …: validation accuracy 3.9 %"
            // was epoch 3's, while the model kept (and saved) scores 6.9 %
            lastAccuracy = best.accuracy();
        }
        garbage.runEnded();
        end(run, model, best, step, options, listener, RunState.FINISHED,
                new TrainingEvent.RunFinished(step, Math.min(epoch, settings.epochs()), lastAccuracy, reason, kept,
                        selection.reportsOwnFigure() ? selection.figure(kept > 0 ? best.cost() : lastCost) : Double.NaN));
    }

    /**
     * The one way a run that trained ends: its best model written, the step hook told this was the last step (not
     * after a failure: the model is not one to look at), then the event and the run's final state.
     */
    private static void end(TrainingRun run, ComputationGraph model, BestModel best, long step, RunOptions options,
                            TrainingListener listener, RunState state, TrainingEvent event) {
        best.write(model, listener);
        if (state != RunState.FAILED) {
            options.stepHook().afterStep(model, step, true);
        }
        listener.onEvent(event);
        run.end(state, event);
    }

    /** Ends the run with the selected epoch's model, where the setting asks for it; whether it did. */
    private static boolean restore(Selection selection, BestModel best, ComputationGraph model) {
        return selection.restoresBest() && best.restore(model);
    }

    /** Reports the learning rate of the first layer that has parameters (all share the network's optimizer). */
    private static void learningRate(ComputationGraph model, long step, TrainingListener listener) {
        for (Layer l : model.getLayers()) {
            if (l.numParams() > 0) {
                Double lr = model.getLearningRate(l.conf().getLayer().getLayerName());
                if (lr != null) {
                    listener.onEvent(new TrainingEvent.LearningRate(step, lr));
                }
                return;
            }
        }
    }

    private static ModelScore evaluateEpoch(ComputationGraph model, CompiledNetwork network, List<MultiDataSet> validation,
                                            TrainingListener listener, int epoch, long step, double lossSum, int lossCount) {
        ModelScore eval = ModelScore.of(model, validation, network.outputs().get(0).blockType());
        listener.onEvent(new TrainingEvent.EpochCompleted(epoch, step, lossCount == 0 ? Double.NaN : lossSum / lossCount,
                eval.loss(), eval.accuracy()));
        return eval;
    }

    /**
     * Writes a model zip (with updater state) atomically, through {@link AtomicFiles}: a crash leaves the old file or
     * the new one whole.
     *
     * @throws java.io.UncheckedIOException with a {@link WriteFailure} that gives the file and the real reason
     */
    public static void save(ComputationGraph model, Path file) {
        try {
            AtomicFiles.write(file, out -> ModelSerializer.writeModel(model, out, true));
        } catch (IOException e) {
            WriteFailure failure = WriteFailure.of(file, e);
            throw new UncheckedIOException(failure.getMessage(), failure);
        }
    }

    /** The first block (in the network's order) whose weights are no longer finite, or null. */
    private static String firstNonFiniteWeights(ComputationGraph model, CompiledNetwork network, List<String> order) {
        for (String node : order) {
            for (String vertex : network.vertices().getOrDefault(node, List.of())) {
                var v = model.getVertex(vertex);
                if (v != null && v.numParams() > 0 && !finite(v.params())) {
                    return node;
                }
            }
        }
        return null;
    }

    private static boolean finite(INDArray values) {
        return values == null || values.isEmpty() || Double.isFinite(values.sumNumber().doubleValue());
    }

    private static Optional<Path> lastCheckpoint(RunOptions options) {
        if (options.checkpointDir() == null || !Files.isDirectory(options.checkpointDir())) {
            return Optional.empty();
        }
        try (var files = Files.list(options.checkpointDir())) {
            return files.filter(f -> f.getFileName().toString().startsWith("checkpoint-"))
                    .max(Comparator.comparingLong(f -> f.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void fail(TrainingRun run, TrainingListener listener, long step, String message) {
        TrainingEvent.RunFailed failed = new TrainingEvent.RunFailed(step, message);
        try {
            listener.onEvent(failed);
        } finally {
            run.end(RunState.FAILED, failed);
        }
    }
}
