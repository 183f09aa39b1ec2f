package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.model.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset's whole-number settings are read as written or refused with their name: never wrapped round
 * (4294967396 read as 100), cut (200.9 read as 200) or replaced by the default (the text "100").
 */
class DatasetSettingsTest {
    @TempDir
    Path dir;

    private DatasetSplits marker(String name, Object value) throws DataException {
        Map<String, Object> params = new HashMap<>(Map.of("train", 64, "validation", 16));
        params.put(name, value);
        return DatasetLoader.load(new DatasetSpec("marker", params), dir);
    }

    @Test
    void aNumberTooLargeForTheSettingIsRefusedNotWrappedRound() {
        assertThatThrownBy(() -> marker("train", 4_294_967_396L)).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.train").hasMessageContaining("4294967396");
        assertThatThrownBy(() -> marker("length", 4_294_967_320L)).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.length");
    }

    @Test
    void aFractionOrTextIsRefusedNotCutOrIgnored() {
        assertThatThrownBy(() -> marker("validation", 200.9)).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.validation must be a whole number, not 200.9");
        assertThatThrownBy(() -> marker("train", "100")).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.train must be a number, not the text \"100\"");
        assertThatThrownBy(() -> marker("seed", 1e308)).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.seed");
    }

    private DatasetSplits csv(String name, Object value) throws Exception {
        StringBuilder rows = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 40; i++) {
            rows.append(i).append(',').append(i % 7).append(',').append(i % 2).append('\n');
        }
        Files.writeString(dir.resolve("rows.csv"), rows);
        Map<String, Object> params = new HashMap<>(Map.of("file", "rows.csv", "classes", 2));
        params.put(name, value);
        return DatasetLoader.load(new DatasetSpec("csv", params), dir);
    }

    @Test
    void aCsvSettingOfTheWrongKindIsRefusedByNameNotReadAsSomethingElse() throws Exception {
        assertThatThrownBy(() -> csv("header", "false")).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.header must be true or false, not the text \"false\"");
        assertThatThrownBy(() -> csv("validationFraction", "0.2")).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.validationFraction must be a number");
        assertThatThrownBy(() -> csv("labelColumn", -7)).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.labelColumn must be a column number from 0, or -1");
        DatasetSplits read = csv("header", true);
        assertThat(read.train().size() + read.validation().size()).as("the header row is not an example").isEqualTo(40);
    }

    @Test
    void wholeNumbersWrittenAsDecimalsAreRead() throws Exception {
        DatasetSplits d = marker("train", 32.0);
        assertThat(d.train().size()).isEqualTo(32);
    }

    @Test
    void aTextDatasetsValidationFractionAsTextIsRefusedNotReadAsTheDefault() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append("word").append(i).append('\t').append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Files.writeString(dir.resolve("t.tsv"), lines);
        var spec = new DatasetSpec("text-classes", Map.of("file", "t.tsv", "length", 8, "validationFraction", "0.5"));
        assertThatThrownBy(() -> DatasetLoader.load(spec, dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.validationFraction");
        var number = new DatasetSpec("text-classes", Map.of("file", "t.tsv", "length", 8, "validationFraction", 0.5));
        assertThat(DatasetLoader.load(number, dir).validation().size()).as("about half, not a tenth").isBetween(12, 28);
    }
}
