package dev.deepwire.training.backend;

import dev.deepwire.training.backend.NativeTuning;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Tests load ND4J as the application does: after {@link NativeTuning#prepare()}. */
public final class NativeTuningSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeTuning.prepare();
    }
}
