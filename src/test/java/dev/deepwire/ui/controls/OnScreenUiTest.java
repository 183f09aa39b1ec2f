package dev.deepwire.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dialog larger than the window it belongs to, opened from a window in the screen's top-left corner (Runs…, 950 px
 * wide, from a small main window), opens whole on the screen: JavaFX had centred it on its owner, partly above and left
 * of the screen.
 */
@ExtendWith(ApplicationExtension.class)
class OnScreenUiTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        OnScreen.install();
    }

    @Test
    void aLargeDialogFromAWindowInTheCornerOpensWholeOnTheScreen(FxRobot robot) throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        robot.interact(() -> {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
        });
        @SuppressWarnings("unchecked")
        Dialog<Void>[] made = new Dialog[1];
        robot.interact(() -> {
            Dialog<Void> dialog = made[0] = new Dialog<>();
            Region content = new Region();
            content.setPrefSize(900, 400);
            dialog.getDialogPane().setContent(content);
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            dialog.initOwner(stage);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Dialog<Void> dialog = made[0];
        double[] at = WaitForAsyncUtils.asyncFx(() -> new double[] {dialog.getX(), dialog.getY(), dialog.getWidth(),
                dialog.getHeight()}).get();
        assertThat(at[2]).isGreaterThanOrEqualTo(900); // larger than its owner: centred on it, it would start off screen
        assertThat(at[0]).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(at[1]).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(at[0] + at[2]).isLessThanOrEqualTo(screen.getMaxX());
        assertThat(at[1] + at[3]).isLessThanOrEqualTo(screen.getMaxY());
        robot.interact(dialog::close);
    }

    @Test
    void aWindowLargerThanTheScreenShowsItsTopLeftCorner() {
        assertThat(OnScreen.inside(-300, 2500, 0, 1920)).isEqualTo(0);
        assertThat(OnScreen.inside(1800, 400, 0, 1920)).isEqualTo(1520);
        assertThat(OnScreen.inside(100, 400, 0, 1920)).isEqualTo(100);
    }
}
