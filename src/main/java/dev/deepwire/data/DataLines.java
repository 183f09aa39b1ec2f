package dev.deepwire.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Line-by-line reading of the data files, with the file's name and line number in every refusal. */
final class DataLines {
    private static final List<String> SPLITS = List.of("train", "validation", "test");

    /** What to do with one line; throws to refuse the file. */
    @FunctionalInterface
    interface Handler {
        void line(int lineNo, String line) throws DataException;
    }

    private DataLines() {
    }

    /** Reads a UTF-8 text file (gzip-compressed when its name ends in {@code .gz}); blank lines and {@code #} comments are skipped. */
    static void read(Path file, Handler handler) throws DataException {
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader in = new BufferedReader(new InputStreamReader(
                     file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    handler.line(lineNo, line);
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file + " does not exist; check dataset.file (relative to the project's folder)");
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A split column's value, checked: {@code train}, {@code validation} or {@code test}. */
    static String split(String value, String file, int lineNo) throws DataException {
        String s = value.strip();
        if (!SPLITS.contains(s)) {
            throw new DataException(file + " line " + lineNo + ": split '" + s + "' is not train, validation or test");
        }
        return s;
    }
}
