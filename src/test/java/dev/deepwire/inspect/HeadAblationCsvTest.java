package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The ablation table's CSV (deepwire ablate --csv) escapes its block names as every DeepWire CSV does (io.CsvText):
 * it had its own escaping, which left a line break in a block's label to split a row in two and a label such as
 * "=HYPERLINK(…)" to run as a formula in a spreadsheet.
 */
class HeadAblationCsvTest {
    @Test
    void blockNamesWithLineBreaksOrFormulasStayOneCellOfText() throws Exception {
        var table = new HeadAblation.Table(0.9, Ablation.ZERO, List.of(
                new HeadAblation.Row("two\nlines", 0, 0.5, 0.4), new HeadAblation.Row("=HYPERLINK(\"x\")", 1, 0.8, 0.1)));
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(table.csv())).getRecords();
        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(5));
        assertThat(rows.get(2).get(0)).isEqualTo("two\nlines");
        assertThat(rows.get(3).get(0)).isEqualTo("'=HYPERLINK(\"x\")");
    }
}
