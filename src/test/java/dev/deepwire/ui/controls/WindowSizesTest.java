package dev.deepwire.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowSizesTest {
    @Test
    void aWindowWiderOrTallerThanASmallScreenOpensWithinItAndASmallOneKeepsItsSize() {
        Rectangle2D small = new Rectangle2D(0, 0, 1024, 700);
        assertThat(WindowSizes.fit(1200, 560, small)).containsExactly(984, 560); // the counterfactual pair
        assertThat(WindowSizes.fit(1100, 760, small)).containsExactly(984, 640);
        assertThat(WindowSizes.fit(620, 420, small)).containsExactly(620, 420);
        assertThat(WindowSizes.fit(1440, 860, new Rectangle2D(0, 0, 1920, 1080))).containsExactly(1440, 860);
    }
}
