package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A map's heading fits the map's width, cut with "…" and whole on hover: in the attention inspector at 1024 × 700
 * digits-caption's "Caption → image attention · validation example 0 · mean of heads" ran under the image beside the
 * map and was cut there mid-word ("mean of he").
 */
@ExtendWith(ApplicationExtension.class)
class HeatmapHeadingUiTest {
    private final Pane root = new Pane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
    }

    @Test
    void aLongHeadingIsCutToTheMapsWidthAndWholeOnHover(FxRobot robot) throws Exception {
        HeatmapView view = new HeatmapView();
        String heading = "Caption \u2192 image attention \u00b7 validation example 0 \u00b7 mean of heads";
        robot.interact(() -> {
            view.setMinSize(300, 260);
            view.setPrefSize(300, 260);
            view.setMaxSize(300, 260);
            root.getChildren().setAll(view);
            view.show(new float[][] {{0.5f, 0.5f}, {0.2f, 0.8f}}, List.of("number", "0"), List.of("row 0", "row 1"), heading);
        });
        WaitForAsyncUtils.waitForFxEvents();
        String shown = WaitForAsyncUtils.asyncFx(view::shownHeading).get();
        assertThat(shown).endsWith("…").startsWith("Caption \u2192 image attention");
        assertThat(dev.deepwire.ui.controls.TextWidth.of(shown, Font.font(13))).as("within the map's 300 px")
                .isLessThanOrEqualTo(300 - 16);
        assertThat(WaitForAsyncUtils.asyncFx(() -> javafx.scene.control.Tooltip.class.cast(
                view.getProperties().get("javafx.scene.control.Tooltip")).getText()).get()).isEqualTo(heading);
        robot.interact(() -> view.show(new float[][] {{1f}}, List.of("a"), List.of("b"), "head 0"));
        assertThat(WaitForAsyncUtils.asyncFx(view::shownHeading).get()).as("a short heading whole").isEqualTo("head 0");
    }
}
