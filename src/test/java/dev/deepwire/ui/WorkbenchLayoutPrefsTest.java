package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Panel sizes remembered in the user's preferences are read back only when a window can use them: a damaged or
 * hand-edited file (NaN hung the workbench as it opened) gives the default size instead.
 */
class WorkbenchLayoutPrefsTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/deepwire/test-layout-prefs-" + System.nanoTime());

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    @Test
    void aSizeThatIsNotANumberNegativeInfiniteOrBeyondAnyScreenGivesTheDefault() {
        for (String bad : new String[] {"NaN", "-NaN", "Infinity", "-Infinity", "-1e308", "-1", "1e308", "abc", ""}) {
            prefs.put("paletteWidth", bad);
            assertThat(WorkbenchLayout.remembered(prefs, "paletteWidth", 190)).as(bad).isEqualTo(190);
        }
        prefs.put("dockHeight", "NaN");
        assertThat(WorkbenchLayout.remembered(prefs, "dockHeight", -1)).as("no height: the default's rule").isEqualTo(-1);
    }

    @Test
    void aSizeTheUserLeftIsKept() {
        prefs.putDouble("inspectorWidth", 312.5);
        assertThat(WorkbenchLayout.remembered(prefs, "inspectorWidth", 240)).isEqualTo(312.5);
        prefs.putDouble("inspectorWidth", 0);
        assertThat(WorkbenchLayout.remembered(prefs, "inspectorWidth", 240)).isZero();
        assertThat(WorkbenchLayout.remembered(prefs, "missing", 240)).isEqualTo(240);
    }
}
