package dev.deepwire.training.backend;

import dev.deepwire.limits.TrainingMemory;

import dev.deepwire.compiler.layers.VectorKernels;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Java settings a training JVM runs with, so its resident memory stays flat however long it trains. An
 * ND4J array's native memory is freed when a collection finds its small Java object; with the default
 * collector (G1) and a quarter of the machine as heap, the heap's young generation grows to hundreds of
 * megabytes of touched pages and the native memory behind unreachable arrays waits for it
 * (digits-caption, 20 epochs: 0.8–1.4 GB). The serial collector keeps the heap as small as the live data
 * needs and collects it often; with the loop's {@code NativeGarbage} the same run peaks at 0.44 GB and stays
 * there (docs/performance.md, "Memory"). Used by the workbench's training process and by
 * {@code deepwire train}, which starts itself again with these settings.
 *
 * <p>Its environment fixes glibc malloc's mmap threshold ({@value #MMAP_THRESHOLD} bytes, glibc's own starting
 * value). Left dynamic, glibc raises the threshold to the size of the first large block freed (up to 32 MB), and
 * from then on ND4J's large arrays — a 1-N scorer's [batch, entities] scores, megabytes each — come from malloc's
 * arenas, fragment them among small long-lived blocks and are never given back: wordnet-links-distmult's
 * resident memory grew 100 MB in 15 epochs with every freed array collected. With the threshold fixed, a large
 * array is mapped on its own and returned to the system when freed. The heap starts at a fixed size
 * ({@link #INITIAL_HEAP}) rather than a share of the machine's memory (docs/decisions/0013).
 */
public final class TrainingJvm {
    /** Set in a JVM started with these settings (so it does not start itself again). */
    public static final String ENV_BOUNDED = "DEEPWIRE_TRAINING_JVM";
    /** System property naming the training JVM's largest heap, e.g. {@code 2g}; default {@value #DEFAULT_HEAP}. */
    public static final String HEAP_PROPERTY = TrainingMemory.HEAP_PROPERTY;
    static final String DEFAULT_HEAP = TrainingMemory.DEFAULT_HEAP;
    /**
     * The heap a training JVM starts with (or its largest, if smaller), the same on every machine: left to the JVM
     * it is 1/64 of the machine's memory (384 MB on this 24 GB build machine, 1 GB on a 64 GB one, 128 MB on 8 GB).
     * A smaller start grows in steps over a run and its pages stay touched (marker, 2 → 10 epochs: 401 → 457 MB
     * from 64 MB); the old generation's growth within it is held by the loop's {@code NativeGarbage}.
     */
    static final long INITIAL_HEAP = 384L << 20;
    /**
     * Eden twice each survivor space (the serial collector's default is eight times). Every ND4J buffer comes with a
     * handful of small Java objects (its deallocator, an id string, a map entry) that live until a collection after the
     * buffer is dropped; with the default survivors they overflowed at every young collection (13 MB full, 17 MB
     * promoted), the old generation grew and the loop's {@code NativeGarbage} asked for a full collection about twice
     * an epoch. With larger survivors they die there: marker, 5 epochs, collections 1.4 → 0.9–1.0 s, peak resident
     * memory 526–532 → 454–485 MB (docs/decisions/0013).
     */
    static final int SURVIVOR_RATIO = TrainingMemory.SURVIVOR_RATIO;
    /** glibc malloc's setting for the smallest block given its own mapping (and no longer raised as blocks are freed). */
    static final String MMAP_THRESHOLD_ENV = "MALLOC_MMAP_THRESHOLD_";
    static final String MMAP_THRESHOLD = "131072";
    /**
     * The incubating module whose vector instructions the hand-written kernels use where it is resolved (the 1-N loss:
     * 1.4 → 0.4 ms of wordnet-links-distmult's step; ADR 0011, decision 15); added when this Java runtime has it.
     */
    static final String VECTOR_MODULE = VectorKernels.MODULE;
    static final String STARTUP_NOTICE = "WARNING: Using incubator modules: " + VECTOR_MODULE;
    /**
     * The JIT's counts before it compiles a method of the hand-written layers, as a share of its usual ones. Their
     * vector kernels run far slower before C2 compiles them (C1 and the interpreter execute the vector API's operations
     * in plain Java, one boxed vector at a time), and the small ones — a batch of 128 rows of 64 — reach C2's usual
     * counts only after some hundred steps: over the first 120 steps the training thread's CPU time fell by 12–19 % for
     * wordnet-links-distmult, -mlp-1n and digits-caption (ADR 0011, decision 31).
     */
    static final String KERNEL_COMPILE_SCALING = "0.05";
    /** The compiler commands for {@link #KERNEL_COMPILE_SCALING}; "quiet" first, or the JVM prints each one on its output. */
    static final List<String> KERNEL_COMPILATION = List.of("-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling," + VectorKernels.class.getPackageName() + ".*::*,"
                    + KERNEL_COMPILE_SCALING);
    /**
     * System property naming, in bytes, the resident memory a training JVM keeps under: four times its largest heap, the
     * ceiling JavaCPP keeps by default. The training loop checks it once a step ({@code ResidentCeiling}); JavaCPP's own
     * check at every native allocation is turned off ({@value #JAVACPP_CEILING}=0): 2–8 % of the samples' steps.
     */
    public static final String CEILING_PROPERTY = "deepwire.residentCeiling";
    static final String JAVACPP_CEILING = "org.bytedeco.javacpp.maxPhysicalBytes";

    private TrainingJvm() {
    }

    /** The options to start a training JVM with (before the class path). */
    public static List<String> options() {
        String heap = TrainingMemory.heap();
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:SurvivorRatio=" + SURVIVOR_RATIO,
                "-Xms" + Math.min(TrainingMemory.bytes(heap), INITIAL_HEAP), "-Xmx" + heap, "-D" + HEAP_PROPERTY + "=" + heap,
                "-D" + JAVACPP_CEILING + "=0", "-D" + CEILING_PROPERTY + "=" + 4 * TrainingMemory.bytes(heap),
                // the same home as the JVM that starts it (-Duser.home on the command line): its JavaCPP cache, its
                // settings, never the real home of a user who kept DeepWire away from it
                "-Duser.home=" + System.getProperty("user.home")));
        if (ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent()) {
            options.add("--add-modules=" + VECTOR_MODULE);
            if (!System.getProperty("java.vm.name", "").contains("OpenJ9")) {
                options.addAll(KERNEL_COMPILATION); // HotSpot's compiler commands
            }
        }
        return List.copyOf(options);
    }

    /**
     * Whether a line of a training JVM's error output is the notice Java prints at start-up because
     * {@link #VECTOR_MODULE} is resolved (no option turns it off); those who pass the process's errors on leave it out.
     */
    public static boolean isStartupNotice(String line) {
        return line.equals(STARTUP_NOTICE);
    }

    /**
     * Copies a training JVM's error output to {@code to} as it comes, less its start-up notice (its first line, if it
     * is that notice: bytes are held back only while they could still be it), on a thread of its own; join the thread to
     * have it all.
     */
    public static Thread passOnErrors(InputStream errors, PrintStream to) {
        Thread t = new Thread(() -> {
            try (InputStream in = errors) {
                byte[] notice = (STARTUP_NOTICE + "\n").getBytes(StandardCharsets.UTF_8);
                int matched = 0;
                int b = 0;
                while (matched < notice.length && (b = in.read()) != -1) {
                    if (b != notice[matched]) {
                        to.write(notice, 0, matched); // not the notice: what was held back, then this byte
                        to.write(b);
                        to.flush();
                        break;
                    }
                    matched++;
                }
                if (b == -1 && matched < notice.length) {
                    to.write(notice, 0, matched);
                }
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
                to.flush();
            } catch (IOException e) {
                // the process is gone
            }
        }, "deepwire-training-errors");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * A process builder for a training JVM's {@code command} (made with {@link #options}), with the training JVM's
     * environment: this JVM's, plus malloc's fixed mmap threshold unless the user set one.
     */
    public static ProcessBuilder process(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        addEnvironment(pb.environment());
        return pb;
    }

    /** Adds the training JVM's settings to {@code environment}, leaving any the user set alone. */
    static void addEnvironment(Map<String, String> environment) {
        environment.putIfAbsent(MMAP_THRESHOLD_ENV, MMAP_THRESHOLD);
    }

    /** Whether this JVM already runs with the serial collector (started with {@link #options}, or by the user). */
    public static boolean isBounded() {
        if (System.getenv(ENV_BOUNDED) != null) {
            return true;
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().equals("Copy") || gc.getName().equals("MarkSweepCompact")) {
                return true;
            }
        }
        return false;
    }
}
