package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dock's short settings area moves one row per wheel notch, so the row a user aims at is not scrolled past. */
@ExtendWith(ApplicationExtension.class)
class SettingsScrollUiTest {
    private ScrollPane scroll;
    private Region content;

    @Start
    void start(Stage stage) {
        content = new Region();
        content.setPrefSize(300, 150); // five rows of settings
        scroll = new ScrollPane(content);
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> DockControls.scrollOneRow(scroll, content, e));
        stage.setScene(new Scene(scroll, 300, 60)); // two rows shown, as at 1024 × 700
        stage.show();
    }

    @Test
    void oneNotchMovesOneRow(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double hidden = content.getHeight() - scroll.getViewportBounds().getHeight();
        robot.interact(() -> scroll.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false,
                false, false, false, 0, -40, 0, -40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertThat(scroll.getVvalue() * hidden).as("pixels moved by one notch down").isCloseTo(DockControls.ROW,
                org.assertj.core.data.Offset.offset(0.5));
        robot.interact(() -> scroll.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false,
                false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertThat(scroll.getVvalue()).as("and back up").isZero();
    }
}
