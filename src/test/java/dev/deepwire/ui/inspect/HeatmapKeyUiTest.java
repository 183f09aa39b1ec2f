package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The colour key of a map in the all-heads grid is readable however small the map: its values in 11 px type or
 * larger (they were drawn in 7 to 9 px), none over another, none past the map's edge, fewer where the bar is short.
 */
@ExtendWith(ApplicationExtension.class)
class HeatmapKeyUiTest {
    private final Pane root = new Pane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
    }

    @ParameterizedTest(name = "{0} × {1}, signed {2}: {3} values")
    @CsvSource({
        "340, 220, false, 3",  // four heads at 1024 × 700
        "226, 146, false, 3",  // nine heads
        "170, 120, false, 3",  // sixteen heads: the grid's smallest maps
        "170, 120, true, 3",
        "150, 100, false, 2",  // squeezed below that: no room for a middle line
        "150, 100, true, 2",
        "480, 380, true, 3",   // four heads at 1440 × 900
        "390, 250, false, 3",  // four heads in the inspector at 1440 × 900: cells of about 7 px
    })
    void theKeysValuesAreReadableAndApart(double width, double height, boolean signed, int count, FxRobot robot) {
        HeatmapView view = new HeatmapView();
        int n = 24;
        float[][] map = new float[n][n];
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            map[i][(i + 1) % n] = 0.58f; // marker-like: each row on the next position
            map[i][i] = signed ? -0.3f : 0.42f;
            tokens.add("t" + i);
        }
        robot.interact(() -> {
            view.compact();
            view.setMinSize(width, height); // the grid's cell for it
            view.setPrefSize(width, height);
            view.setMaxSize(width, height);
            root.getChildren().setAll(view);
            if (signed) {
                view.showDifference(map, tokens, tokens, "head 0");
            } else {
                view.show(map, tokens, tokens, "head 0");
            }
            root.layout();
        });
        assertThat(view.getWidth()).isEqualTo(width);
        assertThat(view.getHeight()).isEqualTo(height);
        if (view.labelsShown()) { // the tokens' labels: each in its rows' room, the slanted columns' not into each other
            double[] sizes = view.tokenLabelSizes();
            assertThat(sizes[1]).as("rows' labels, %s cells of %s px apart", sizes[4], sizes[0])
                    .isLessThanOrEqualTo(sizes[0] * sizes[4]);
            assertThat(sizes[2]).as("columns' labels, slanted, %s cells of %s px apart", sizes[3], sizes[0])
                    .isLessThanOrEqualTo(sizes[0] * sizes[3] * Math.sin(Math.toRadians(60)) - 0.5)
                    .isGreaterThanOrEqualTo(6.5);
        }
        List<HeatmapView.KeyText> key = view.keyTexts();
        assertThat(key).hasSize(count);
        assertThat(key.get(0).text()).isEqualTo("0.58");
        for (int i = 0; i < key.size(); i++) {
            HeatmapView.KeyText k = key.get(i);
            assertThat(k.font()).as("'%s' in readable type", k.text()).isGreaterThanOrEqualTo(11);
            assertThat(k.x() + k.width()).as("'%s' inside the map's width", k.text()).isLessThanOrEqualTo(width);
            assertThat(k.y() + k.height()).as("'%s' inside the map's height", k.text()).isLessThanOrEqualTo(height);
            if (i > 0) {
                HeatmapView.KeyText above = key.get(i - 1);
                assertThat(k.y()).as("'%s' below '%s', not over it", k.text(), above.text())
                        .isGreaterThanOrEqualTo(above.y() + above.height());
            }
        }
    }
}
