package dev.deepwire.training.backend;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/**
 * Chooses the ND4J backend before ND4J loads. ND4J picks its backend once per JVM from the environment
 * ({@code BACKEND_PRIORITY_CPU/GPU}), so a different choice means starting a child JVM with that
 * environment. The CUDA backend is only in builds made with {@code -Pcuda}; choosing it elsewhere says so
 * and stays on the CPU.
 */
public final class BackendChoice {
    public static final String ENV_CHOSEN = "DEEPWIRE_BACKEND";

    public enum Backend { CPU, CUDA }

    private BackendChoice() {
    }

    /**
     * The workbench's preferences, opened only when asked: a command-line run (which never reads them) touched the
     * user's {@code ~/.java} and had Java print "Created user preferences directory" on a fresh machine.
     */
    private static Preferences prefs() {
        return Preferences.userRoot().node("dev/deepwire/backend");
    }

    /** The backend chosen in the workbench's preferences (CPU unless changed). */
    public static Backend preferred() {
        return "cuda".equals(prefs().get("backend", "cpu")) ? Backend.CUDA : Backend.CPU;
    }

    public static void setPreferred(Backend b) {
        prefs().put("backend", b.name().toLowerCase(Locale.ROOT));
    }

    /** Whether this build contains the CUDA backend. */
    public static boolean cudaInBuild() {
        try {
            Class.forName("org.nd4j.linalg.jcublas.JCublasBackend", false, BackendChoice.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The backend this JVM was started for. */
    public static Backend current() {
        return "CUDA".equals(System.getenv(ENV_CHOSEN)) ? Backend.CUDA : Backend.CPU;
    }

    /**
     * Whether {@code wanted} needs a new JVM: CUDA when this JVM was not started for it (and the build has it),
     * or CPU when this JVM was started for CUDA.
     */
    public static boolean needsRelaunch(Backend wanted) {
        if (wanted == current()) {
            return false;
        }
        return wanted == Backend.CPU || cudaInBuild();
    }

    /** A one-line note when CUDA was chosen but cannot be used by this build. */
    public static String note(Backend wanted) {
        return wanted == Backend.CUDA && !cudaInBuild()
                ? "CUDA was chosen but this build has no CUDA backend (build with 'mvn -Pcuda package'); using the CPU" : "";
    }

    /** Starts DeepWire again in a child JVM set up for {@code backend}. */
    public static Process relaunch(Backend backend, String mainClass, String[] args, boolean inheritIo) throws IOException {
        return relaunch(backend, List.of(), mainClass, args, inheritIo);
    }

    /** Starts DeepWire again in a child JVM set up for {@code backend}, with the JVM options {@code jvmOptions}. */
    public static Process relaunch(Backend backend, List<String> jvmOptions, String mainClass, String[] args,
                                   boolean inheritIo) throws IOException {
        return start(backend, jvmOptions, mainClass, args, inheritIo, false);
    }

    /** As {@link #relaunch}; {@code waited} when this process waits for the child, which then ends if this one is gone. */
    private static Process start(Backend backend, List<String> jvmOptions, String mainClass, String[] args,
                                 boolean inheritIo, boolean waited) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = jvmOptions.isEmpty() ? new ProcessBuilder(command) : TrainingJvm.process(command);
        pb.environment().put(ENV_CHOSEN, backend.name());
        if (!jvmOptions.isEmpty()) {
            pb.environment().put(TrainingJvm.ENV_BOUNDED, "1");
        }
        pb.environment().put("BACKEND_PRIORITY_GPU", backend == Backend.CUDA ? "100" : "0");
        pb.environment().put("BACKEND_PRIORITY_CPU", backend == Backend.CUDA ? "0" : "100");
        if (waited) {
            pb.environment().put(ParentWatch.ENV, ParentWatch.thisProcess());
        } else {
            pb.environment().remove(ParentWatch.ENV); // a child that outlives this process on purpose (a restart)
        }
        if (inheritIo && !jvmOptions.isEmpty()) {
            // its errors pass through this process, less the training JVM's start-up notice (runAgain)
            pb.redirectInput(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        } else if (inheritIo) {
            pb.inheritIO();
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        return pb.start();
    }

    /**
     * Runs DeepWire again in a child JVM (as {@link #relaunch} with this process's input and output) until it ends,
     * and returns its exit code. A training JVM (non-empty {@code jvmOptions}, {@link TrainingJvm#options}) takes this
     * JVM's {@code -Ddeepwire.…} settings with it, and its error output is passed on less its start-up notice
     * ({@link TrainingJvm#passOnErrors}); any other child shares this process's error output as it is.
     */
    public static int runAgain(Backend backend, List<String> jvmOptions, String mainClass, String[] args)
            throws IOException, InterruptedException {
        boolean training = !jvmOptions.isEmpty(); // what relaunch also goes by: its errors come through a pipe
        List<String> options = new ArrayList<>(jvmOptions);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (training && arg.startsWith("-Ddeepwire.")
                    && options.stream().noneMatch(o -> o.startsWith(arg.split("=", 2)[0] + "="))) {
                options.add(arg);
            }
        }
        Process child = start(backend, options, mainClass, args, true, true);
        // stopped by a signal (TERM, HUP, Ctrl+C), this process stops its child too; killed outright, the child sees
        // it gone (ParentWatch)
        Thread stopChild = new Thread(() -> {
            child.destroy();
            try {
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, "deepwire-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        Thread errors = training ? TrainingJvm.passOnErrors(child.getErrorStream(), System.err) : null;
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException e) {
            // already shutting down: the hook finds the child ended
        }
        if (errors != null) {
            errors.join();
        }
        return code;
    }

    /** The value of {@code --backend} in the arguments, if any. */
    public static Backend fromArgs(String[] args, Backend fallback) {
        for (int i = 0; i < args.length; i++) {
            String v = args[i].startsWith("--backend=") ? args[i].substring(10)
                    : args[i].equals("--backend") && i + 1 < args.length ? args[i + 1] : null;
            if (v != null) {
                return v.equalsIgnoreCase("cuda") ? Backend.CUDA : Backend.CPU;
            }
        }
        return fallback;
    }
}
