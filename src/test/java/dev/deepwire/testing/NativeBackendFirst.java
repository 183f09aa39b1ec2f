package dev.deepwire.testing;

import dev.deepwire.training.backend.NativeTuning;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads ND4J's native libraries when a test JVM starts, before any test starts JavaFX: JavaCPP's symbol lookup during
 * that load deadlocks against a library JavaFX opens on another thread at the same moment (ADR 0014), as the
 * workbench's launcher avoids by the same order. Registered in META-INF/services, after {@code NativeTuningSession}.
 */
public final class NativeBackendFirst implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeTuning.prepare(); // as the application: OpenBLAS's kernels chosen before the library loads
        Nd4j.getBackend();
    }
}
