package dev.deepwire.training;

import java.nio.file.Path;

/**
 * Stands in for a {@code deepwire train} still running in another process: holds the run folder in {@code args[0]}
 * (an earlier run's files and all) as a live run does, says "held", and keeps it until killed or its input ends.
 */
public final class HoldLiveRunFolder {
    private HoldLiveRunFolder() {
    }

    public static void main(String[] args) throws Exception {
        try (RunFolderLock held = RunFolderLock.on(Path.of(args[0]))) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold until the test ends us
            }
        }
    }
}
