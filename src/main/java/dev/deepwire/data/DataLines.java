package dev.deepwire.data;

import dev.deepwire.limits.BoundedFiles;
import dev.deepwire.limits.FileProblems;
import dev.deepwire.limits.LimitException;
import dev.deepwire.limits.Limits;
import dev.deepwire.limits.LineReader;
import dev.deepwire.model.Decimals;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * Reads a UTF-8 text file (gzip-compressed when its name ends in {@code .gz}) within the limits of
     * {@link Limits}; blank lines and {@code #} comments are skipped, a byte-order mark is dropped.
     */
    static void read(Path file, Handler handler) throws DataException {
        try (LineReader in = BoundedFiles.lines(BoundedFiles.openMaybeGzip(file, Limits.DATA_FILE_BYTES, "data file"),
                file, Limits.LINE_CHARS)) {
            String line;
            int examples = 0;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    if (++examples > Limits.EXAMPLES) {
                        throw new DataException(file + " has more than " + String.format("%,d", Limits.EXAMPLES)
                                + " lines of data (at line " + in.lineNumber() + "), DeepWire's limit; use a sample of it");
                    }
                    handler.line(in.lineNumber(), line);
                }
            }
        } catch (IOException e) {
            throw problem(file, e);
        }
    }

    /** A data file that cannot be read, in plain words: missing, a folder or device, too large, not UTF-8, no access. */
    static DataException problem(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException(file + " does not exist; check dataset.file (relative to the project's folder)");
        }
        if (e instanceof LimitException) {
            return new DataException(e.getMessage());
        }
        if (e instanceof CharacterCodingException) {
            return new DataException(file + " is not UTF-8 text; save it as plain UTF-8 text");
        }
        return new DataException("cannot read " + file + ": " + FileProblems.describe(e));
    }

    /** A split column's value, checked: {@code train}, {@code validation} or {@code test}. */
    static String split(String value, String file, int lineNo) throws DataException {
        String s = value.strip();
        if (!SPLITS.contains(s)) {
            throw new DataException(file + " line " + lineNo + ": split '" + s + "' is not train, validation or test");
        }
        return s;
    }

    /**
     * A cell as a finite decimal number ({@link Decimals}) that fits a float; Java's own forms ({@code 0x1p3},
     * {@code 1f}, {@code NaN}) and values too large for a float are refused.
     */
    static float decimal(String cell) throws NumberFormatException {
        float v = (float) Decimals.parse(cell);
        if (!Float.isFinite(v)) {
            throw new NumberFormatException(cell);
        }
        return v;
    }
}
