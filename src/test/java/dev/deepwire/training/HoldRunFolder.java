package dev.deepwire.training;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stands in for a live run in another process ({@link RunFoldersTest}): claims the folder in {@code args[0]} as
 * {@code deepwire train --out} does, writes its metrics.csv, says "held" and keeps the folder until killed or its
 * standard input ends.
 */
public final class HoldRunFolder {
    private HoldRunFolder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (RunFolderLock held = RunFolders.claim(dir, false)) {
            Files.writeString(dir.resolve("metrics.csv"), "step,epoch,train_loss,val_loss,val_accuracy\n");
            System.out.println("held");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold until the test ends us
            }
        }
    }
}
