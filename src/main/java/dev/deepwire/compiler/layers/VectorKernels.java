package dev.deepwire.compiler.layers;

/**
 * Whether the hand-written kernels run their vector versions here: in a JVM started with the incubating
 * {@code jdk.incubator.vector} module (the training JVM is, {@code TrainingJvm}), on the CPU backend. Elsewhere (the
 * window's JVM, a JDK without the module, {@code -Ddeepwire.vectorKernels=false}) they run the plain loops, which the
 * JIT vectorises only where no running sum or maximum is carried (ADR 0011, decision 15). A class of its own so that no
 * class naming the module's types is loaded where the module is absent.
 */
public final class VectorKernels {
    /** The module's name, as {@code --add-modules} takes it (the training JVM names it: {@code TrainingJvm}). */
    public static final String MODULE = "jdk.incubator.vector";
    static final boolean ON = ModuleLayer.boot().findModule(MODULE).isPresent()
            && Boolean.parseBoolean(System.getProperty("deepwire.vectorKernels", "true"));

    private VectorKernels() {
    }
}
