package dev.deepwire.spark;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.limits.FileProblems;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.DistributedTraining;
import dev.deepwire.training.RunOptions;
import dev.deepwire.training.RunState;
import dev.deepwire.training.TrainingEngine;
import dev.deepwire.training.TrainingEvent;
import dev.deepwire.training.TrainingListener;
import dev.deepwire.training.TrainingRun;
import dev.deepwire.training.eval.ModelScore;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Data-parallel training of a compiled network with dl4j-spark ({@code deepwire train FILE --spark MASTER}): each
 * epoch's batches become an RDD split among the workers and {@link SparkComputationGraph} fits it with parameter
 * averaging or gradient sharing; between epochs the driver measures validation on its own copy of the network, so
 * the events are those of {@link dev.deepwire.training.TrainingEngine}: one step event per epoch (Spark reports no
 * finer steps to the driver; its step count is the batches fitted so far), an epoch event with validation,
 * checkpoints as the settings ask, the end. It trains every epoch and keeps the last epoch's model: early stopping
 * and selecting the best epoch ({@code earlyStoppingPatience}, {@code selectOn}) are the single-process trainer's.
 */
public final class SparkTraining implements DistributedTraining {
    private static final int EVAL_BATCH = 500;

    @Override
    public TrainingRun train(CompiledNetwork network, DatasetSplits data, TrainingSettings settings, RunOptions options,
                             Request request, TrainingListener listener) {
        ComputationGraph[] model = new ComputationGraph[1];
        long[] step = new long[1];
        TrainingEvent end;
        try {
            end = fit(network, data, settings, options, request, listener, model, step);
        } catch (Exception e) { // Spark throws its checked SparkException undeclared (Scala)
            end = new TrainingEvent.RunFailed(step[0], "Spark training stopped: " + FileProblems.plain(
                    SparkContexts.reason(e)));
        }
        listener.onEvent(end);
        return DistributedTraining.ended(model[0], end);
    }

    private static TrainingEvent fit(CompiledNetwork network, DatasetSplits data, TrainingSettings settings,
                                     RunOptions options, Request request, TrainingListener listener,
                                     ComputationGraph[] model, long[] step) {
        data = data.resplit(settings.validationSplit(), settings.seed());
        if (data.validation() == null || data.validation().size() == 0) {
            return new TrainingEvent.RunFailed(0, "the dataset has no validation examples, which training needs to "
                    + "measure progress; mark some as validation or set a validation split");
        }
        Nd4j.getRandom().setSeed(settings.seed());
        model[0] = network.instantiate();
        List<MultiDataSet> validation = data.validation().batches(EVAL_BATCH, null);
        String outputType = network.outputs().get(0).blockType();
        int stepsPerEpoch = (data.train().size() + settings.batchSize() - 1) / settings.batchSize();
        try (JavaSparkContext spark = SparkContexts.open(request.master(), "DeepWire train " + options.projectName())) {
            int workers = request.workers() > 0 ? request.workers() : spark.defaultParallelism();
            SparkComputationGraph net = new SparkComputationGraph(spark, model[0],
                    TrainingMasters.of(request.mode(), settings, workers, spark));
            listener.onEvent(new TrainingEvent.RunStarted(options.projectName(), settings.epochs(), stepsPerEpoch,
                    model[0].params().length(), data.train().size(), data.validation().size(),
                    "Spark " + request.master() + ", " + TrainingMasters.describe(request.mode()) + ", " + workers
                            + (workers == 1 ? " worker" : " workers")));
            listener.onEvent(new TrainingEvent.StateChanged(RunState.RUNNING));
            Random shuffle = new Random(settings.seed());
            double accuracy = Double.NaN;
            String reason = settings.epochs() == 1 ? "the 1 epoch done" : "all " + settings.epochs() + " epochs done";
            int epoch;
            for (epoch = 1; epoch <= settings.epochs(); epoch++) {
                List<MultiDataSet> batches = data.trainFor(epoch, network.outputs().get(0).settings())
                        .batches(settings.batchSize(), shuffle);
                boolean last = false;
                if (options.maxSteps() > 0 && step[0] + batches.size() >= options.maxSteps()) {
                    batches = batches.subList(0, (int) (options.maxSteps() - step[0]));
                    reason = "step limit " + options.maxSteps() + " reached";
                    last = true;
                }
                long t0 = System.nanoTime();
                net.fitMultiDataSet(spark.parallelize(batches, Math.min(workers, batches.size())));
                double seconds = Math.max((System.nanoTime() - t0) / 1e9, 1e-9);
                model[0] = net.getNetwork();
                step[0] += batches.size();
                // Gradient sharing leaves the score at 0.0 (docs/decisions, Spark traps): no training loss then.
                double trainLoss = "sharing".equals(request.mode()) ? Double.NaN : net.getScore();
                if (!Double.isNaN(trainLoss)) {
                    long examples = batches.stream().mapToLong(b -> b.getFeatures(0).size(0)).sum();
                    listener.onEvent(new TrainingEvent.StepCompleted(step[0], epoch, trainLoss, examples / seconds));
                }
                ModelScore eval = ModelScore.of(model[0], validation, outputType);
                listener.onEvent(new TrainingEvent.EpochCompleted(epoch, step[0], trainLoss, eval.loss(), eval.accuracy()));
                if (!Double.isFinite(eval.loss())) {
                    return new TrainingEvent.RunFailed(step[0], "the validation loss is " + eval.loss() + " after epoch "
                            + epoch + " on Spark: the training diverged; lower training.learningRate (now "
                            + settings.learningRate() + ")", network.outputs().get(0).nodeId());
                }
                accuracy = eval.accuracy();
                if (settings.checkpointEvery() > 0 && options.checkpointDir() != null && epoch % settings.checkpointEvery() == 0) {
                    Path file = options.checkpointDir().resolve("checkpoint-epoch-" + epoch + ".zip");
                    TrainingEngine.save(model[0], file);
                    listener.onEvent(new TrainingEvent.CheckpointSaved(epoch, step[0], file));
                }
                if (last) {
                    break;
                }
            }
            return new TrainingEvent.RunFinished(step[0], Math.min(epoch, settings.epochs()), accuracy, reason);
        }
    }
}
