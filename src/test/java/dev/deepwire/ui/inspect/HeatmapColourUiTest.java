package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.inspect.Heatmaps;
import java.awt.image.BufferedImage;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The screen's heatmap and the exported PNG colour the same weight alike (one colour map, one raster). */
@ExtendWith(ApplicationExtension.class)
class HeatmapColourUiTest {
    private HeatmapView view;

    @Start
    void start(Stage stage) {
        view = new HeatmapView(); // here, once JavaFX runs: a control built before poisons JavaFX's popups for the JVM
        stage.setScene(new Scene(view, 600, 500));
        stage.show();
    }

    @Test
    void weightZeroAndTheLargestWeightLookTheSameOnScreenAndInTheFile(FxRobot robot) {
        float[][] map = {{0f, 1f}, {0.5f, 0.5f}};
        List<String> labels = List.of("a", "b");
        robot.interact(() -> view.show(map, labels, labels, "t"));
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.snapshot(null, null));
        double cell = Math.min((600 - 90 - 60 - 20) / 2.0, (500 - 96 - 20) / 2.0);
        int screenZero = shot[0].getPixelReader().getArgb((int) (90 + cell / 2), (int) (96 + cell / 2)) & 0xffffff;
        int screenOne = shot[0].getPixelReader().getArgb((int) (90 + cell * 1.5), (int) (96 + cell / 2)) & 0xffffff;

        BufferedImage file = Heatmaps.image(map, labels, labels, "t");
        int fileCell = Math.max(8, Math.min(28, 720 / 2));
        int fileZero = file.getRGB(70 + fileCell / 2, 70 + fileCell / 2) & 0xffffff;
        int fileOne = file.getRGB(70 + fileCell + fileCell / 2, 70 + fileCell / 2) & 0xffffff;

        assertThat(Integer.toHexString(screenZero)).isEqualTo(Integer.toHexString(fileZero)).isEqualTo("440154"); // 68,1,84
        assertThat(Integer.toHexString(screenOne)).isEqualTo(Integer.toHexString(fileOne)).isEqualTo("fde725");
    }
}
