package dev.deepwire.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text cells of DeepWire's CSV files: quoted where needed, never run as a formula by a spreadsheet. */
class CsvTextTest {
    @Test
    void aCellThatASpreadsheetWouldRunIsWrittenAsText() {
        assertThat(CsvText.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvText.cell("+cmd")).isEqualTo("'+cmd");
        assertThat(CsvText.cell("@sum")).isEqualTo("'@sum");
        assertThat(CsvText.cell("-1.5")).as("a number stays a number").isEqualTo("-1.5");
        assertThat(CsvText.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvText.cell("german")).isEqualTo("german");
        assertThat(CsvText.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }
}
