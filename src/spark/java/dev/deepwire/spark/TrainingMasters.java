package dev.deepwire.spark;

import dev.deepwire.model.TrainingSettings;
import java.io.IOException;
import java.net.DatagramSocket;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.ThresholdAlgorithm;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.AdaptiveThresholdAlgorithm;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.FixedThresholdAlgorithm;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.impl.repartitioner.NoOpRepartitioner;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;

/**
 * dl4j-spark's two ways to train one network on several workers, set up for DeepWire's batches (each RDD element is
 * one batch of {@code settings.batchSize()} examples, and a worker fits it as it is).
 */
final class TrainingMasters {
    /** Batches each worker fits between two averagings: the usual compromise between traffic and drift. */
    static final int AVERAGING_FREQUENCY = 5;

    private TrainingMasters() {
    }

    static TrainingMaster<?, ?> of(String mode, TrainingSettings settings, int workers, JavaSparkContext spark) {
        int batch = settings.batchSize();
        if ("sharing".equals(mode)) {
            return new SharedTrainingMaster.Builder(voidConfiguration(spark), batch)
                    .batchSizePerWorker(batch)
                    .workersPerNode(1)
                    .thresholdAlgorithm(thresholdAlgorithm())
                    .rddTrainingApproach(RDDTrainingApproach.Direct)
                    .repartitionData(Repartition.Never)
                    // keep the RDD's partitions (one per worker): the default makes one per batch, and with many
                    // tasks feeding one JVM's shared trainer a fit sometimes never ended (docs/decisions, Spark traps)
                    .repartitioner(new NoOpRepartitioner())
                    .workerPrefetchNumBatches(0)
                    .rngSeed(settings.seed())
                    .collectTrainingStats(false)
                    .build();
        }
        return new ParameterAveragingTrainingMaster.Builder(workers, batch)
                .batchSizePerWorker(batch)
                .averagingFrequency(AVERAGING_FREQUENCY)
                .workerPrefetchNumBatches(0)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .repartionData(Repartition.Never)
                .saveUpdater(true)
                .rngSeed(settings.seed())
                .collectTrainingStats(false)
                .build();
    }

    /**
     * Gradient sharing's starting threshold (updates smaller than it wait in the residual until they add up to it);
     * {@code -Ddeepwire.spark.threshold} to change it.
     */
    static ThresholdAlgorithm thresholdAlgorithm() {
        return "adaptive".equals(System.getProperty("deepwire.spark.thresholdAlgorithm"))
                ? new AdaptiveThresholdAlgorithm(threshold()) : new FixedThresholdAlgorithm(threshold());
    }

    static double threshold() {
        try {
            return Double.parseDouble(System.getProperty("deepwire.spark.threshold", "1e-3"));
        } catch (NumberFormatException e) {
            return 1e-3;
        }
    }

    /** Words for the run's start line. */
    static String describe(String mode) {
        return "sharing".equals(mode) ? "gradient sharing" : "parameter averaging";
    }

    /**
     * Where gradient sharing's nodes meet: the driver's address and a network mask that covers it (a /24, or
     * {@code -Ddeepwire.spark.networkMask}), on a free UDP port ({@code -Ddeepwire.spark.port} to fix one).
     */
    private static VoidConfiguration voidConfiguration(JavaSparkContext spark) {
        String master = spark.master();
        boolean local = master.startsWith("local") || master.contains("://127.") || master.contains("://localhost");
        String host = local ? "127.0.0.1" : spark.getConf().get("spark.driver.host", "127.0.0.1");
        String mask = System.getProperty("deepwire.spark.networkMask",
                local ? "127.0.0.0/8" : host.substring(0, host.lastIndexOf('.') + 1) + "0/24");
        return VoidConfiguration.builder()
                .unicastPort(Integer.getInteger("deepwire.spark.port", freeUdpPort()))
                .controllerAddress(host)
                .networkMask(mask)
                .build();
    }

    private static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            return 40123;
        }
    }
}
