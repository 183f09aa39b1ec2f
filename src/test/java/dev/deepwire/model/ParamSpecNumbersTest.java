package dev.deepwire.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The inspector (through ParamSpec.readNumber) reads a typed block setting as a person writes a number, as data, sweeps and the dock do. */
class ParamSpecNumbersTest {
    private static final ParamSpec RATE = ParamSpec.ofDouble("rate", "Rate", 0.1, 0, 1, "a share");
    private static final ParamSpec UNITS = ParamSpec.ofInt("units", "Units", 8, 1, 4096, "a count");

    @Test
    void decimalsAsPeopleWriteThemAreReadAndJavasOwnFormsAreNot() {
        assertThat(RATE.readNumber("0.25").orElse(null)).isEqualTo(0.25);
        assertThat(RATE.readNumber(".5").orElse(null)).isEqualTo(0.5);
        assertThat(RATE.readNumber("2.5e-1").orElse(null)).isEqualTo(0.25);
        for (String javaOnly : new String[] {"0.5f", "1d", "0x1p-2", "NaN", "Infinity", "a quarter of them"}) {
            assertThat(RATE.readNumber(javaOnly).orElse(null)).as(javaOnly).isNull();
        }
    }

    @Test
    void aCountTakesWholeNumbersWrittenEitherWay() {
        assertThat(UNITS.readNumber("64").orElse(null)).isEqualTo(64);
        assertThat(UNITS.readNumber("64.0").orElse(null)).isEqualTo(64);
        assertThat(UNITS.readNumber("+8").orElse(null)).isEqualTo(8);
        assertThat(UNITS.readNumber("64.5").orElse(null)).isNull();
        assertThat(UNITS.readNumber("1e12").orElse(null)).as("beyond a whole number's range").isNull();
        assertThat(UNITS.readNumber("64f").orElse(null)).isNull();
    }
}
