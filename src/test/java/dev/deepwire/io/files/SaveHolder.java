package dev.deepwire.io.files;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Another process saving a file (GuardedSaveTest): takes the save's lock, says "holding", writes its content once a
 * line comes on its standard input, then says what became of its save.
 */
public final class SaveHolder {
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        DiskVersion expected = DiskVersion.of(target);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            GuardedSave.write(target, expected, out -> {
                System.out.println("holding");
                System.out.flush();
                in.readLine();
                out.write(args[1].getBytes(StandardCharsets.UTF_8));
            }, GuardedSave.WAIT_MS, () -> { });
            System.out.println("saved");
        } catch (ChangedOnDisk e) {
            System.out.println("refused");
        }
    }
}
