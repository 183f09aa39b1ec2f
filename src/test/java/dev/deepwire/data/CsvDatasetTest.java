package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.model.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad rows name the file, the line (and column) and the fix. */
class CsvDatasetTest {
    @TempDir
    Path dir;

    private Path write(String content) throws Exception {
        return Files.writeString(dir.resolve("data.csv"), content);
    }

    @Test
    void goodFileLoadsFeaturesAndOneHotLabels() throws Exception {
        Dataset d = CsvDataset.read(write("a,b,label\n1,2,0\n3.5,-1,2\n\n0,0,1\n"), -1, 3, true);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.features()[0].getRow(1).toFloatVector()).containsExactly(3.5f, -1f);
        assertThat(d.labels()[0].getRow(1).argMax().getInt(0)).isEqualTo(2);
        Dataset written = CsvDataset.read(write("a,b,label\n+1, 2.5e-1 ,0\n.5,-3.,1\n"), -1, 3, true);
        assertThat(written.features()[0].toFloatMatrix()).as("decimal forms spreadsheets write")
                .isEqualTo(new float[][] {{1f, 0.25f}, {0.5f, -3f}});
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong column count | x,y,label\\n1,2,0\\n1,2\\n | data.csv line 3: expected 3 columns like line 2 but found 2",
            "not a number | x,y,label\\n1,2,0\\n1,abc,1\\n | data.csv line 3, column 2: 'abc' is not a finite decimal number",
            "label out of range | x,y,label\\n1,2,0\\n1,2,7\\n | data.csv line 3, column 3: label 7 is out of range 0..2; fix the row or set dataset.classes to at least 8",
            "negative label | x,y,label\\n1,2,-1\\n | data.csv line 2, column 3: label -1 is out of range 0..2; labels are class numbers from 0: fix the row",
            "label not whole | x,y,label\\n1,2,0.5\\n | data.csv line 2, column 3: label '0.5' is not a whole number",
            "semicolons | x;y;label\\n1;2;0\\n | data.csv line 2: a row needs at least one feature and a label, separated by commas; its cells are separated by semicolons (;): save the file as comma-separated CSV",
            "whole decimal out of range | x,y,label\\n1,2,3.0\\n | data.csv line 2, column 3: label 3 is out of range 0..2",
            "infinite value | x,y,label\\n1,Infinity,0\\n | data.csv line 2, column 2: 'Infinity' is not a finite decimal number",
            "hexadecimal | x,y,label\\n1,0x1p3,0\\n | data.csv line 2, column 2: '0x1p3' is not a finite decimal number",
            "Java type suffix | x,y,label\\n1f,2,0\\n | data.csv line 2, column 1: '1f' is not a finite decimal number",
            "NaN | x,y,label\\n1,NaN,0\\n | data.csv line 2, column 2: 'NaN' is not a finite decimal number",
            "beyond a float | x,y,label\\n1,1e39,0\\n | data.csv line 2, column 2: '1e39' is not a finite decimal number",
            "empty | '' | data.csv has no data rows",
            "header only | x,y,label\\n | data.csv has no data rows below its header",
    })
    void badRowsNameTheFileAndLine(String name, String content, String expected) throws Exception {
        Path f = write(content.replace("\\n", "\n"));
        assertThatThrownBy(() -> CsvDataset.read(f, -1, 3, true)).isInstanceOf(DataException.class).hasMessageContaining(expected);
    }

    @Test
    void aGzipCompressedCsvIsReadAsTheOtherDataFilesAre() throws Exception {
        Path gz = dir.resolve("data.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("a,b,label\n1,2,0\n3.5,-1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Dataset d = CsvDataset.read(gz, -1, 3, true);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.features()[0].getRow(1).toFloatVector()).containsExactly(3.5f, -1f);
    }

    @Test
    void aHeaderThatNamesOtherColumnsThanTheRowsHaveIsRefused() throws Exception {
        assertThatThrownBy(() -> CsvDataset.read(write("a,b,c,d,e,label\n1,2,3,4,0\n"), -1, 2, true))
                .hasMessageContaining("line 1 (its header) names 6 columns but line 2 has 5")
                .hasMessageContaining("dataset.header to false");
        assertThat(CsvDataset.read(write("1,2,0\n3,4,1\n"), -1, 2, false).size()).as("no header: nothing to match").isEqualTo(2);
    }

    /** A CSV that quotes every cell, numbers too (valid CSV, as some exporters write it): read, not refused. */
    @Test
    void quotedNumbersAreReadAndABrokenQuoteIsNamed() throws Exception {
        Dataset d = CsvDataset.read(write("\"a\",\"b\",\"label\"\n\"1.5\",\" 2 \",\"1\"\n3,\"-4\",0\n"), -1, 2, true);
        assertThat(d.features()[0].toFloatMatrix()).isEqualTo(new float[][] {{1.5f, 2f}, {3f, -4f}});
        assertThat(d.labels()[0].getRow(0).argMax().getInt(0)).isEqualTo(1);
        assertThatThrownBy(() -> CsvDataset.read(write("a,label\n\"1.5,0\n"), -1, 2, true))
                .hasMessageContaining("data.csv line 2, column 1: a quote opened here is never closed");
        assertThatThrownBy(() -> CsvDataset.read(write("a,label\n\"1\"\"5\",0\n"), -1, 2, true))
                .hasMessageContaining("line 2, column 1");
    }

    /**
     * Header names as a spreadsheet quotes them — a comma, a doubled quote or a line break inside the quotes — are one
     * column each: "height, cm" had counted as two columns and the file was refused ("names 4 columns but line 2 has
     * 3"), a name broken over two lines was refused at its second half. A quoted comma in a row is one cell, named.
     */
    @Test
    void quotedCommasQuotesAndLineBreaksAreOneCellAsInASpreadsheet() throws Exception {
        Dataset d = CsvDataset.read(write("\"height, cm\",\"the \"\"weight\"\"\nin kg\",label\r\n1,2,0\r\n3,4,1\r\n"),
                -1, 2, true);
        assertThat(d.features()[0].toFloatMatrix()).isEqualTo(new float[][] {{1f, 2f}, {3f, 4f}});
        assertThatThrownBy(() -> CsvDataset.read(write("a,b,label\n1,2,0\n\"1,5\",2,1\n"), -1, 2, true))
                .hasMessageContaining("data.csv line 3, column 1: '1,5' is not a finite decimal number");
        assertThatThrownBy(() -> CsvDataset.read(write("a,\"b\nc\",label\n1,2,0\n3,4\n"), -1, 2, true))
                .as("lines counted as in the file, not as records").hasMessageContaining("data.csv line 4: expected 3 columns like line 3");
    }

    /**
     * Labels written as decimals with a whole value — numpy's savetxt writes '1.000000000000000000e+00', pandas '1.0' —
     * are those classes: they had been refused ("label '1.0' is not a whole number").
     */
    @Test
    void labelsWrittenAsWholeDecimalsAreTheirClass() throws Exception {
        Dataset d = CsvDataset.read(write("x,label\n5.0e-01,1.000000000000000000e+00\n2,0.0\n3,2.0\n"), -1, 3, true);
        assertThat(d.labels()[0].argMax(1).toIntVector()).containsExactly(1, 0, 2);
    }

    @Test
    void aControlCharacterInACellIsNamedNotDroppedUnseen() throws Exception {
        assertThatThrownBy(() -> CsvDataset.read(write("a,label\n1\u0000,0\n"), -1, 2, true))
                .hasMessageContaining("line 2, column 1: '1\\u0000' is not a finite decimal number");
        assertThat(CsvDataset.read(write("a,label\n 1 ,0\n"), -1, 2, true).size()).as("spaces around a number are fine")
                .isEqualTo(1);
    }

    @Test
    void aValidationShareThatLeavesNothingToTrainOnIsNamed() throws Exception {
        StringBuilder b = new StringBuilder("x,label\n");
        for (int i = 0; i < 120; i++) {
            b.append(i).append(',').append(i % 2).append('\n');
        }
        Path f = write(b.toString());
        assertThatThrownBy(() -> CsvDataset.load(new DatasetSpec("csv", Map.of("file", f.getFileName().toString(),
                "classes", 2, "validationFraction", 0.999)), dir))
                .hasMessageContaining("dataset.validationFraction 0.999 holds out all 120 rows")
                .hasMessageContaining("use a smaller share");
    }

    @Test
    void missingFileSaysWhereItLooked() {
        assertThatThrownBy(() -> CsvDataset.load(new DatasetSpec("csv", Map.of("file", "nope.csv", "classes", 2)), dir))
                .hasMessageContaining("nope.csv was not found").hasMessageContaining("check dataset.file");
    }

    @Test
    void splitHoldsOutAValidationFraction() throws Exception {
        StringBuilder b = new StringBuilder("x,label\n");
        for (int i = 0; i < 50; i++) {
            b.append(i).append(',').append(i % 2).append('\n');
        }
        write(b.toString());
        DatasetSplits s = DatasetLoader.load(new DatasetSpec("csv", Map.of("file", "data.csv", "classes", 2,
                "validationFraction", 0.2)), dir);
        assertThat(s.train().size()).isEqualTo(40);
        assertThat(s.validation().size()).isEqualTo(10);
    }
}
