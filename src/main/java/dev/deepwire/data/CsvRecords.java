package dev.deepwire.data;

import dev.deepwire.limits.Limits;
import dev.deepwire.limits.LineReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV file as spreadsheets write them (RFC 4180): a cell that starts with a quote runs to its closing
 * quote, commas and line breaks inside it included, and {@code ""} inside it is one quote. A header cell such as
 * {@code "height, cm"} had been split in two at its comma, and a file whose header broke a name over two lines was
 * refused at its second half, each named as a fault of the file. A quote that is never closed is refused at the line
 * that opened it, before it swallows the rest of the file.
 */
final class CsvRecords {
    private final LineReader in;
    private final String name;
    private int firstLine;

    CsvRecords(LineReader in, String name) {
        this.in = in;
        this.name = name;
    }

    /** The line the record last returned starts on, from 1. */
    int lineNumber() {
        return firstLine;
    }

    /** The next record's cells (quotes taken off, spaces kept), an empty list for a blank line, or null at the end. */
    List<String> next() throws IOException, DataException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        firstLine = in.lineNumber();
        List<String> cells = new ArrayList<>();
        if (line.isBlank()) {
            return cells;
        }
        StringBuilder cell = new StringBuilder();
        int chars = line.length();
        int i = 0;
        while (true) {
            int start = i;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                // a quoted cell: to its closing quote, over line breaks
                int openedOn = in.lineNumber();
                i++;
                while (true) {
                    if (i >= line.length()) {
                        String more = in.readLine();
                        if (more == null) {
                            throw new DataException(name + " line " + openedOn + ", column " + (cells.size() + 1)
                                    + ": a quote opened here is never closed; close it with \" or remove it");
                        }
                        chars += more.length() + 1;
                        if (chars > Limits.LINE_CHARS) {
                            throw new DataException(name + " line " + openedOn + ", column " + (cells.size() + 1)
                                    + ": a quoted cell runs over " + Limits.LINE_CHARS + " characters; is a closing \" "
                                    + "missing?");
                        }
                        cell.append('\n');
                        line = more;
                        i = 0;
                        continue;
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        cell.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                // after the closing quote: spaces, then the comma or the end; anything else stays in the cell, seen
                int rest = line.indexOf(',', i);
                String tail = line.substring(i, rest < 0 ? line.length() : rest);
                if (!tail.isBlank()) {
                    cell.insert(0, '"').append('"').append(tail);
                }
                i = rest < 0 ? line.length() : rest;
            } else {
                int comma = line.indexOf(',', start);
                i = comma < 0 ? line.length() : comma;
                cell.append(line, start, i);
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (i >= line.length()) {
                return cells;
            }
            i++; // past the comma
        }
    }
}
