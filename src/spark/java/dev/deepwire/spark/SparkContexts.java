package dev.deepwire.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Opens the one Spark context a DeepWire job uses, on the master the user named. What {@code spark-submit} set
 * ({@code spark.*} system properties) is kept; DeepWire adds only what its jobs need: one native thread per task
 * (each task trains on one thread), Aeron's time-out for gradient sharing on the executors, no web UI unless asked,
 * and — on a cluster, when not submitted with spark-submit — this job jar, so that executors load DeepWire's classes
 * (its hand-written layers included).
 */
final class SparkContexts {
    /** Gradient sharing's Aeron publication fails at start with its default time-out (docs/decisions, Spark traps). */
    static final String AERON_TIMEOUT = "-Daeron.publication.unblock.timeout=40000000000";

    private SparkContexts() {
    }

    static JavaSparkContext open(String master, String appName) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName(appName)
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1")
                .setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        String executorJava = conf.get("spark.executor.extraJavaOptions", "");
        if (!executorJava.contains("aeron.publication.unblock.timeout")) {
            conf.set("spark.executor.extraJavaOptions", (executorJava + " " + AERON_TIMEOUT).trim());
        }
        if (System.getProperty("aeron.publication.unblock.timeout") == null) {
            System.setProperty("aeron.publication.unblock.timeout", "40000000000");
        }
        if (!master.startsWith("local") && !conf.contains("spark.jars")) {
            jobJar().ifPresent(jar -> conf.setJars(new String[] {jar.toString()}));
        }
        return new JavaSparkContext(conf);
    }

    /** The jar this class was loaded from, when it was loaded from one (the job jar), else empty (classes folder). */
    static Optional<Path> jobJar() {
        try {
            var source = SparkContexts.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The first line of a Spark failure, without Spark's own prefix: what a run's reason shows. */
    static String reason(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && (t instanceof java.util.concurrent.ExecutionException
                || t.getClass().getName().startsWith("java.util.concurrent"))) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        String first = message.lines().findFirst().orElse(message).strip();
        return first.length() > 400 ? first.substring(0, 400) + "…" : first;
    }
}
