package dev.deepwire.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child process for {@link AtomicSaveKillTest}: saves two versions of a file in turn, forever, printing
 * "saving N" before each save so the parent can kill it in the middle of one.
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        byte[][] versions = {Files.readAllBytes(Path.of(args[1])), Files.readAllBytes(Path.of(args[2]))};
        for (int n = 0; ; n++) {
            System.out.println("saving " + n);
            System.out.flush();
            AtomicFiles.write(target, versions[n % 2]);
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
