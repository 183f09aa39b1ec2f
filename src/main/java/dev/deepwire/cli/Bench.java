package dev.deepwire.cli;

import dev.deepwire.compiler.layers.LeanUpdaterBlock;
import dev.deepwire.training.ResidentCeiling;
import dev.deepwire.training.backend.NativeTuning;
import dev.deepwire.training.backend.ThreadSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Times training steps on prepared batches, as {@code shared/bench/torch_reference.py} does. */
final class Bench {
    private Bench() {
    }

    /** A benchmark's result, printed in torch_reference.py's form. */
    record Result(String name, double msPerStep, double samplesPerSecond, long params, int threads, String blas) {
        /** As the reference prints it, ending with the thread count and OpenBLAS's kernels in use. */
        String line() {
            return String.format(Locale.ROOT, "%s ms_per_step=%.3f samples_per_s=%.0f params=%d threads=%d blas=%s",
                    TerminalSafeStream.oneLine(name), msPerStep, samplesPerSecond, params, threads, blas);
        }
    }

    /**
     * OpenBLAS's kernels in this process (what torch_reference.py prints as blas=): those DeepWire chose from the
     * CPU's flags before the library loaded (NativeTuning), the user's OPENBLAS_CORETYPE, or "auto" (OpenBLAS's own
     * choice; the binding ND4J ships cannot ask which).
     */
    static String blasCore() {
        String chosen = NativeTuning.applied().get("OPENBLAS_CORETYPE");
        return chosen != null ? chosen : System.getenv().getOrDefault("OPENBLAS_CORETYPE", "auto");
    }

    static void applyThreads(int threads, long params) throws CliException {
        try {
            ThreadSettings.apply(threads, params);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--threads: " + e.getMessage());
        }
    }

    static Result run(LoadedProject prepared, int steps, int warmup) {
        Nd4j.getRandom().setSeed(prepared.session().project.training().seed());
        ComputationGraph net = prepared.network().instantiate();
        LeanUpdaterBlock.install(net); // as a training run does
        int batch = prepared.session().project.training().batchSize();
        // 16 batches prepared ahead, like the PyTorch reference.
        List<MultiDataSet> batches = prepared.data().train().batches(batch, new Random(0));
        batches = new ArrayList<>(batches.subList(0, Math.min(16, batches.size())));
        List<Double> times = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        List<Double> cpuTimes = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        // the training loop keeps the process's memory ceiling after each step (JavaCPP's check at every allocation
        // is off in the training JVM); timed with the step, as the loop's cost
        ResidentCeiling ceiling = ResidentCeiling.ofThisProcess();
        StringBuilder uptimes = new StringBuilder("uptime_s_at_step");
        for (int i = 0; i < warmup + steps; i++) {
            if (i == 0 || i == warmup) {
                // where the untimed and the timed steps begin in the JVM's clock (that of its compiler's log)
                uptimes.append(String.format(Locale.ROOT, " %d:%.3f", i,
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3));
            }
            MultiDataSet b = batches.get(i % batches.size());
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            net.fit(b);
            ceiling.check();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            all.add((t1 - t0) / 1e6);
            if (i >= warmup) {
                times.add((t1 - t0) / 1e6);
                cpuTimes.add((c1 - c0) / 1e6);
            }
        }
        double median = median(times);
        if (Boolean.getBoolean("deepwire.bench.eachStep")) {
            // For studying warm-up: every step's time, untimed ones included, in order.
            StringBuilder each = new StringBuilder("step_ms");
            all.forEach(ms -> each.append(String.format(Locale.ROOT, " %.3f", ms)));
            System.err.println(each);
            System.err.println(uptimes.append(String.format(Locale.ROOT, " %d:%.3f", warmup + steps,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3)));
        }
        if (Boolean.getBoolean("deepwire.bench.cpu")) {
            // For comparing changes on a busy machine: the training thread's own CPU time is less disturbed by
            // other processes than the wall clock (it leaves out the collector's threads).
            System.err.printf(Locale.ROOT, "cpu_ms_per_step=%.3f%n", median(cpuTimes));
        }
        return new Result(prepared.session().project.name(), median, batch * 1000 / median, net.params().length(),
                Math.max(1, ThreadSettings.applied()), blasCore());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
