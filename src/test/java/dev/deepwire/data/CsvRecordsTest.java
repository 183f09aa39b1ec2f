package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.io.CsvText;
import dev.deepwire.limits.BoundedFiles;
import dev.deepwire.limits.Limits;
import dev.deepwire.limits.LineReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV records read by Apache Commons CSV within DeepWire's limits: what the one CSV writer ({@link CsvText}) writes
 * reads back as it was, and the faults a hand-edited file has are named with the file, line, column and fix.
 */
class CsvRecordsTest {
    @TempDir
    Path dir;

    private List<List<String>> read(String content) throws Exception {
        Path f = Files.writeString(dir.resolve("r.csv"), content);
        List<List<String>> all = new ArrayList<>();
        try (LineReader in = BoundedFiles.lines(BoundedFiles.open(f, Limits.DATA_FILE_BYTES, "data file"), f,
                Limits.LINE_CHARS)) {
            CsvRecords records = new CsvRecords(in, "r.csv");
            for (List<String> r; (r = records.next()) != null; ) {
                all.add(r);
            }
        }
        return all;
    }

    @Test
    void whatTheCsvWriterWritesReadsBackCellForCell() throws Exception {
        List<String> cells = List.of("height, cm", "the \"weight\"", "two\nlines", "plain", "-1.5", "", "cr\r\nlf");
        StringBuilder line = new StringBuilder();
        for (String c : cells) {
            line.append(line.length() == 0 ? "" : ",").append(CsvText.cell(c));
        }
        List<List<String>> back = read(line + "\n1,2,3,4,5,6,7\n");
        // a line break inside a cell is read as \n, however it was written (the lines come through the line reader)
        assertThat(back.get(0)).containsExactly("height, cm", "the \"weight\"", "two\nlines", "plain", "-1.5", "", "cr\nlf");
        assertThat(back.get(1)).hasSize(7);
    }

    @Test
    void spacesAroundACellAndBlankLinesAreAsBefore() throws Exception {
        List<List<String>> back = read("a,b\n\n   \n \"x, y\" , 2 \n");
        assertThat(back).containsExactly(List.of("a", "b"), List.of(), List.of(), List.of("x, y", "2"));
    }

    @Test
    void aQuoteNeverClosedIsNamedAtItsLineAndColumn() {
        assertThatThrownBy(() -> read("a,b,label\n1,2,0\n3,\"4,1\n5,6,0\n"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("r.csv line 3, column 2: a quote opened here is never closed");
    }

    @Test
    void aQuotedCellFollowedByMoreTextIsNamedNotGluedToANumber() {
        // "1"2 had read as 12 had the trailing text been glued on: a number the file never held
        assertThatThrownBy(() -> read("a,label\n\"1\"2,0\n"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("r.csv line 2: a quoted cell is followed by more text")
                .hasMessageContaining("put the whole cell in quotes, or remove the quotes");
    }

    /** A quote left open over many short lines is refused at the limit for one line, not read to the end of the file. */
    @Test
    void aRunawayQuotedCellIsRefusedAtTheLimitForALine() throws Exception {
        StringBuilder b = new StringBuilder("a,label\n1,0\n2,\"3\n");
        String filler = "x".repeat(999) + "\n";
        while (b.length() < Limits.LINE_CHARS + 300_000) {
            b.append(filler);
        }
        assertThatThrownBy(() -> read(b.toString())).isInstanceOf(DataException.class)
                .hasMessageContaining("r.csv line 3, column 2: a quoted cell runs over " + Limits.LINE_CHARS
                        + " characters; is a closing \" missing?");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithItsNumber() {
        String content = "a,label\n" + "1".repeat(Limits.LINE_CHARS + 10) + ",0\n";
        assertThatThrownBy(() -> read(content)).hasMessageContaining("line 2 is longer than " + Limits.LINE_CHARS);
    }
}
