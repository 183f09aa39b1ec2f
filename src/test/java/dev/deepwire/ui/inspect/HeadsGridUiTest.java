package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.ui.inspect.InspectorModel.HeadChoice;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The all-heads grid on a projector (1024 × 700: four maps of about 340 × 220, cells of about 6 px): its axis captions
 * were 9 px beside the key's 11 px, its maps had no token labels at all (only the readout under the pointer named a
 * cell's tokens), and nothing opened one head large. And the Example box beside an example chosen in Evaluate.
 */
@ExtendWith(ApplicationExtension.class)
class HeadsGridUiTest {
    private static final int TOKENS = 24;
    private final Pane root = new Pane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
    }

    private static List<String> tokens() {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < TOKENS; i++) {
            t.add(i == 3 ? "<M>" : "t" + i);
        }
        return t;
    }

    @Test
    void aSmallMapLabelsEveryFewTokensInTheKeysType(FxRobot robot) {
        HeatmapView view = new HeatmapView();
        robot.interact(() -> {
            view.compact();
            view.setMinSize(340, 220); // a map of the four-head grid at 1024 × 700
            view.setPrefSize(340, 220);
            view.setMaxSize(340, 220);
            root.getChildren().setAll(view);
            view.show(new float[TOKENS][TOKENS], tokens(), tokens(), "head 0");
            root.layout();
        });
        assertThat(view.captionFont()).as("'keys →' and 'queries ↓'").isGreaterThanOrEqualTo(ColourKey.FONT);
        double[] sizes = view.tokenLabelSizes(); // cell, row font, column font, column stride, row stride
        assertThat(sizes[0]).as("the cell").isLessThan(8);
        assertThat(view.labelsShown()).as("token labels in a map with cells of %s px", sizes[0]).isTrue();
        assertThat(sizes[1]).as("rows' labels").isGreaterThanOrEqualTo(HeatmapView.LEAST_LABEL);
        assertThat(sizes[2]).as("columns' labels").isGreaterThanOrEqualTo(HeatmapView.LEAST_LABEL);
        assertThat(sizes[4] * sizes[0]).as("labelled rows %s apart", sizes[4]).isGreaterThanOrEqualTo(sizes[1]);
        assertThat(sizes[3] * sizes[0] * Math.sin(Math.toRadians(60))).as("labelled columns %s apart", sizes[3])
                .isGreaterThanOrEqualTo(sizes[2]);
        assertThat(Math.max(sizes[3], sizes[4])).as("every few tokens, not one or two").isLessThanOrEqualTo(TOKENS / 6.0);
    }

    @Test
    void clickingAHeadOfTheGridOpensItOnItsOwn(FxRobot robot) {
        InspectorControls ui = new InspectorControls();
        float[][][][] w = new float[1][4][TOKENS][TOKENS];
        robot.interact(() -> {
            ui.centre.setPrefSize(700, 500);
            root.getChildren().setAll(ui.centre);
            ui.grid.setSelected(true);
            ui.head.getItems().setAll(new HeadChoice(-1), new HeadChoice(0), new HeadChoice(1), new HeadChoice(2),
                    new HeadChoice(3));
            ui.head.setValue(new HeadChoice(-1));
            ui.showHeads(new AttentionRecorder.Snapshot(5, "attn", w, 0), 0, tokens(), tokens());
            root.layout();
        });
        HeatmapView third = (HeatmapView) ui.heads.getChildren().get(2);
        assertThat(ui.exportOwner()).as("Export PNG/CSV…'s window while the grid is on show")
                .isSameAs(root.getScene().getWindow());
        robot.clickOn(third);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ui.grid.isSelected()).as("All heads, after a click on head 2's map").isFalse();
        assertThat(ui.head.getValue()).isEqualTo(new HeadChoice(2));
    }

    @Test
    void anExampleChosenInEvaluateIsNamedInPlaceOfTheExampleBox(FxRobot robot) {
        InspectorControls ui = new InspectorControls();
        robot.interact(() -> {
            root.getChildren().setAll(ui.layout(() -> { }, asPng -> { }, () -> { }));
            ui.chosenExample(java.util.OptionalInt.of(999));
        });
        // every probe repeats example 999: the box offered 0 to 7 (one map) and said 0 beside "validation example 999"
        assertThat(ui.example.isVisible()).isFalse();
        assertThat(ui.exampleLabel.getText()).contains("999");
        robot.interact(() -> ui.chosenExample(java.util.OptionalInt.empty())); // a run's own probes again
        assertThat(ui.example.isVisible()).isTrue();
        assertThat(ui.exampleLabel.getText()).isEqualTo("Example");
    }

    @Test
    void theMarkersRowIsLabelledWhereverItFallsBetweenTheLabelledRows(FxRobot robot) {
        HeatmapView view = new HeatmapView();
        robot.interact(() -> {
            view.compact();
            view.setMinSize(340, 220);
            view.setPrefSize(340, 220);
            view.setMaxSize(340, 220);
            root.getChildren().setAll(view);
            view.keepLabel("<M>"); // what Find clearest ranks by
            view.show(new float[TOKENS][TOKENS], tokens(), tokens(), "head 0");
            root.layout();
        });
        int stride = (int) view.tokenLabelSizes()[4];
        assertThat(stride).as("rows labelled every %s", stride).isGreaterThan(1);
        // '<M>' is row 3: between rows 2 and 4 of a stride of 2, it had no label (seen at 1440 x 900, example 7)
        assertThat(view.labelledRows()).contains(3).doesNotContain(2, 4).contains(0, 6, 8);
        assertThat(HeatmapView.labelled(tokens(), 2, null)).doesNotContain(3).contains(0, 2, 4);
    }
}
