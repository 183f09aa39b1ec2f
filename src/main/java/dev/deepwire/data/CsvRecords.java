package dev.deepwire.data;

import dev.deepwire.limits.Limits;
import dev.deepwire.limits.LineReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV file as spreadsheets write them (RFC 4180), parsed by Apache Commons CSV: a cell that starts
 * with a quote runs to its closing quote, commas and line breaks inside it included, and {@code ""} inside it is one
 * quote; spaces around a cell are not part of it. The file's lines come through a {@link LineReader}, so a line longer
 * than {@link Limits#LINE_CHARS} is refused with its number before it is held, and a record (a quoted cell over
 * line breaks) longer than that is refused at the line it starts on — a quote never closed would otherwise swallow
 * the rest of the file. Each fault is a {@link DataException} naming the file, the line, the column and the fix.
 */
final class CsvRecords {
    /** RFC 4180, blank lines kept as records (the header is line 1 however many blank lines follow). */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true).setTrailingData(false).setLenientEof(false).get();
    /** Reads a record's kept text to the end, a quote left open included: to say which column went wrong. */
    private static final CSVFormat LENIENT = FORMAT.builder().setLenientEof(true).setTrailingData(true).get();

    private final String name;
    private final Lines lines;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private int firstLine;

    CsvRecords(LineReader in, String name) throws IOException {
        this.name = name;
        this.lines = new Lines(in);
        this.parser = CSVParser.builder().setReader(lines).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    /** The line the record last returned starts on, from 1. */
    int lineNumber() {
        return firstLine;
    }

    /** The next record's cells (quotes and surrounding spaces taken off), an empty list for a blank line, or null at the end. */
    List<String> next() throws IOException, DataException {
        int starts = Math.toIntExact(parser.getCurrentLineNumber()) + 1;
        lines.recordStartsAt(starts);
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw problem(e.getCause(), starts);
        } catch (IllegalStateException e) {
            throw problem(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e), starts);
        }
        firstLine = starts;
        List<String> cells = new ArrayList<>(record.toList());
        if (cells.size() == 1 && cells.get(0).isBlank()) {
            cells.clear();
        }
        return cells;
    }

    /** What the parser stopped at, in the file's words: the line the record starts on, its column and the fix. */
    private IOException problem(IOException cause, int line) throws DataException {
        if (cause instanceof RecordTooLong) {
            throw new DataException(name + " line " + line + ", column " + openColumn() + ": a quoted cell runs over "
                    + Limits.LINE_CHARS + " characters; is a closing \" missing?");
        }
        if (cause == null || cause instanceof dev.deepwire.limits.LimitException
                || cause instanceof java.nio.charset.CharacterCodingException) {
            return cause == null ? new IOException("the CSV reader stopped") : cause;
        }
        String text = String.valueOf(cause.getMessage());
        if (text.contains("EOF reached before encapsulated token finished")) {
            throw new DataException(name + " line " + line + ", column " + openColumn()
                    + ": a quote opened here is never closed; close it with \" or remove it");
        }
        if (text.contains("Invalid character between encapsulated token and delimiter")) {
            throw new DataException(name + " line " + line + ": a quoted cell is followed by more text before its comma "
                    + "(such as \"1\"2); put the whole cell in quotes, or remove the quotes");
        }
        return cause;
    }

    /** The column of the record being read whose quote is still open: its cells so far, read leniently. */
    private int openColumn() {
        try (CSVParser again = CSVParser.builder().setReader(new StringReader(lines.kept())).setFormat(LENIENT).get()) {
            Iterator<CSVRecord> it = again.iterator();
            return it.hasNext() ? it.next().size() : 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /** A record ran past the limit for one line: a quote never closed, most likely. */
    private static final class RecordTooLong extends IOException {
        RecordTooLong() {
            super("a record runs over " + Limits.LINE_CHARS + " characters");
        }
    }

    /**
     * The file's lines as one text (each ended by {@code \n}) for the parser, keeping the lines of the record being
     * read (from the line it starts on) to name its column when it goes wrong, and refusing a record longer than a
     * line may be. The parser reads ahead by at most its buffer, so the lines kept are the record's and a few more.
     */
    private static final class Lines extends Reader {
        private static final int READ_AHEAD = 1 << 16;
        private final LineReader in;
        private final Deque<String> kept = new ArrayDeque<>();
        private int firstKept = 1;
        private long keptChars;
        private String line = "";
        private int at;
        private boolean ended;

        Lines(LineReader in) {
            this.in = in;
        }

        void recordStartsAt(int lineNo) {
            while (firstKept < lineNo && !kept.isEmpty()) {
                keptChars -= kept.removeFirst().length();
                firstKept++;
            }
        }

        String kept() {
            return String.join("", kept);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (at >= line.length()) {
                if (ended) {
                    return -1;
                }
                String next = in.readLine();
                if (next == null) {
                    ended = true;
                    return -1;
                }
                if (kept.isEmpty()) {
                    firstKept = in.lineNumber();
                }
                line = next + "\n";
                at = 0;
                kept.addLast(line);
                keptChars += line.length();
                if (keptChars > Limits.LINE_CHARS + READ_AHEAD) {
                    throw new RecordTooLong();
                }
            }
            int n = Math.min(len, line.length() - at);
            line.getChars(at, at + n, buf, off);
            at += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
