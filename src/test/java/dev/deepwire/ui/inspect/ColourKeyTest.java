package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The colour key's values: written short, and fewer of them on a bar too short for three lines. */
class ColourKeyTest {
    @Test
    void valuesAreWrittenShort() {
        assertThat(List.of(ColourKey.text(1), ColourKey.text(0.5), ColourKey.text(0.58), ColourKey.text(0.25),
                ColourKey.text(0), ColourKey.text(-0.58), ColourKey.text(0.0024), ColourKey.text(0.002),
                ColourKey.text(-0.0001)))
                .containsExactly("1", "0.5", "0.58", "0.25", "0", "-0.58", "2.4e-3", "2e-3", "-1e-4");
    }

    @Test
    void aTallBarHasTopMiddleAndBottom() {
        assertThat(ColourKey.values(0.58, false, 150)).extracting(ColourKey.Value::text).containsExactly("0.58", "0.29", "0");
        assertThat(ColourKey.values(0.58, true, 150)).extracting(ColourKey.Value::text).containsExactly("0.58", "0", "-0.58");
        assertThat(ColourKey.values(1, false, 150)).extracting(ColourKey.Value::position).containsExactly(0.0, 0.5, 1.0);
    }

    @Test
    void aShortBarDropsTheMiddleThenTheBottom() {
        assertThat(ColourKey.values(1, false, 40)).extracting(ColourKey.Value::text).containsExactly("1", "0");
        assertThat(ColourKey.values(1, false, 20)).extracting(ColourKey.Value::text).containsExactly("1");
    }
}
