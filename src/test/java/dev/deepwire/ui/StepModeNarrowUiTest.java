package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.step.StepMode;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Step mode in a 1024 x 700 window (a projector's), where the canvas leaves the step panel under 600 px. */
@ExtendWith(ApplicationExtension.class)
class StepModeNarrowUiTest {
    private Stage stage;
    private WorkbenchHarness h;
    private Path zip;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 32));
        p.graph().setParam("tokens", "length", 24); // the sample's 24 tokens: 24 cells in the softmax row
        p.setDataset(new dev.deepwire.model.DatasetSpec("marker", Map.of("train", 64, "validation", 32, "length", 24)));
        zip = UntrainedModel.save(p, "deepwire-step-narrow");
        h = new WorkbenchHarness(stage, p, 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void theAttentionStepsLinesWrapInsideThePanelBesideItsSoftmaxRow(FxRobot robot) throws Exception {
        // Seen in the real window at 1024 x 700 on the marker: at Self-attention every line ran past the panel's right
        // edge ('q_0 = W_Q x_0 = [-0.8854, …, -0.'), the softmax row of 24 cells holding the text 730 px wide
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        int attn = mode.walkthrough().steps().indexOf(mode.walkthrough().step("attn").orElseThrow());
        for (int i = 0; i < attn; i++) {
            robot.interact(() -> mode.step(1));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.index()).isEqualTo(attn);
        ScrollPane body = robot.lookup("#step-body").queryAs(ScrollPane.class);
        Label lines = robot.lookup("#step-lines").queryAs(Label.class);
        double room = body.getViewportBounds().getWidth();
        // the palette gives its room while stepping: the panel is still narrower than the 760 px it asks for
        assertThat(room).as("the panel is narrower than its 760 px here").isLessThan(740);
        assertThat(lines.getWidth()).as("the step's lines, in a view %.0f px wide", room).isLessThanOrEqualTo(room + 1);
        javafx.scene.Node row = robot.lookup("#step-softmax-row").query();
        assertThat(row.getBoundsInParent().getMaxX()).as("the softmax row's last cell is on show").isLessThanOrEqualTo(room + 1);
    }

    /**
     * At 1024 x 700 every step's explanation shows whole, without scrolling, and the block it explains is in view above
     * it: the palette and the dock give their room to the canvas while stepping (the panel over a canvas 330 px tall had
     * shown two lines of a step's text), and come back as they were, the View menu's items untouched.
     */
    @Test
    void everyStepsTextShowsWholeAndThePanelsComeBackAfterwards(FxRobot robot) throws Exception {
        javafx.scene.Node dock = robot.lookup("#training-dock").query();
        javafx.scene.Node palette = robot.lookup("#palette-search").query();
        double canvasBefore = WaitForAsyncUtils.asyncFx(() -> h.window.canvas().getHeight()).get();
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        ScrollPane body = robot.lookup("#step-body").queryAs(ScrollPane.class);
        javafx.scene.Node panel = robot.lookup("#step-panel").query();
        int steps = mode.walkthrough().steps().size();
        for (int i = 0; i < steps; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(shown(robot, body, panel, i)).isEqualTo("whole at step " + (i + 1));
            robot.interact(() -> mode.step(1));
        }
        assertThat(dock.getScene()).as("the dock gives its room while stepping").isNull();
        assertThat(palette.getScene()).as("the palette too").isNull();
        robot.interact(() -> mode.toggle().setSelected(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dock.getScene()).as("the dock back after stepping").isNotNull();
        assertThat(palette.getScene()).as("the palette back").isNotNull();
        assertThat(h.window.layout().dockShownProperty().get() && h.window.layout().paletteShownProperty().get())
                .as("the View menu's items as the user left them").isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> h.window.canvas().getHeight()).get())
                .as("the canvas as tall as before").isCloseTo(canvasBefore, org.assertj.core.data.Offset.offset(1.0));
    }

    /**
     * Presenting begun or ended during a step-through leaves the step its room (leaving presenting had brought the
     * palette and the dock back over the step's panel), and both come back when stepping ends.
     */
    @Test
    void presentingOnAndOffDuringAStepThroughKeepsTheStepsRoom(FxRobot robot) throws Exception {
        javafx.scene.Node dock = robot.lookup("#training-dock").query();
        javafx.scene.Node palette = robot.lookup("#palette-search").query();
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        try {
            robot.interact(() -> h.window.presenting().onProperty().set(true));
            robot.interact(() -> h.window.presenting().onProperty().set(false));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(dock.getScene()).as("the dock still gives its room to the step").isNull();
            assertThat(palette.getScene()).as("the palette too").isNull();
            robot.interact(() -> mode.toggle().setSelected(false));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(dock.getScene()).as("the dock back after stepping").isNotNull();
            assertThat(palette.getScene()).as("the palette back").isNotNull();
        } finally {
            robot.interact(() -> h.window.presenting().onProperty().set(false));
        }
    }

    /**
     * The panel is as tall as the walk's tallest step needs, not a fixed share of the canvas: at 1024 x 700 it had
     * stood 370 px tall over a walk whose longest step took far less, hiding the drawing under empty room; its height
     * stays from step to step (Next under the pointer).
     */
    @Test
    void thePanelIsAsTallAsTheTallestStepNeedsAndKeepsItsHeight(FxRobot robot) throws Exception {
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        ScrollPane body = robot.lookup("#step-body").queryAs(ScrollPane.class);
        javafx.scene.layout.Region panel = robot.lookup("#step-panel").queryAs(javafx.scene.layout.Region.class);
        java.util.Set<Long> heights = new java.util.HashSet<>();
        double tallest = 0;
        double view = 0;
        for (int i = 0; i < mode.walkthrough().steps().size(); i++) {
            WaitForAsyncUtils.waitForFxEvents();
            double[] m = WaitForAsyncUtils.asyncFx(() -> new double[] {panel.getHeight(),
                    body.getContent().getLayoutBounds().getHeight(), body.getViewportBounds().getHeight()}).get();
            heights.add(Math.round(m[0]));
            tallest = Math.max(tallest, m[1]);
            view = m[2];
            assertThat(m[1]).as("step %d's text whole", i + 1).isLessThanOrEqualTo(m[2] + 1);
            robot.interact(() -> mode.step(1));
        }
        assertThat(heights).as("one height from step to step").hasSize(1);
        assertThat(view - tallest).as("room left empty under the tallest step's text, px").isLessThan(40);
    }

    /** Whether the step's text shows whole and its block above the panel, in words, for step {@code at}. */
    private static String shown(FxRobot robot, ScrollPane body, javafx.scene.Node panel, int at) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            double view = body.getViewportBounds().getHeight();
            double text = body.getContent().getLayoutBounds().getHeight();
            javafx.scene.Node block = robot.lookup(".step-current").query();
            var b = panel.getParent().sceneToLocal(block.localToScene(block.getBoundsInLocal()));
            return (text <= view + 1 ? "whole" : "scrolls: " + Math.round(text) + " px in " + Math.round(view))
                    + (b.getMaxY() <= panel.getLayoutY() && b.getMinY() >= 0 ? "" : ", block hidden")
                    + " at step " + (at + 1);
        }).get();
    }

    /**
     * A typed sentence: how it was padded is said whole at the first step, and the later steps name what was typed
     * without it — its three lines at every step had pushed the self-attention step's softmax row out of the panel.
     */
    @Test
    void aTypedSentencesStepsShowWholeToo(FxRobot robot) throws Exception {
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        robot.clickOn("#step-text").write("t3 t5 <M> t7 t9 t11").type(javafx.scene.input.KeyCode.ENTER);
        StepWaits.walkedTyped(mode);
        ScrollPane body = robot.lookup("#step-body").queryAs(ScrollPane.class);
        javafx.scene.Node panel = robot.lookup("#step-panel").query();
        Label lines = robot.lookup("#step-lines").queryAs(Label.class);
        robot.interact(() -> mode.step(-mode.index()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(lines::getText).get()).as("step 1 says how it was padded").contains("padding");
        int attn = mode.walkthrough().steps().indexOf(mode.walkthrough().step("attn").orElseThrow());
        for (int i = 0; i < attn; i++) {
            robot.interact(() -> mode.step(1));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, body, panel, attn)).isEqualTo("whole at step " + (attn + 1));
        assertThat(WaitForAsyncUtils.asyncFx(lines::getText).get()).contains("Typed \"t3 t5 <M> t7 t9 t11\"")
                .endsWith("no true label (padding: see step 1)");
    }

    /**
     * A fit of the view while stepping (the canvas's room changes as the palette and the dock give theirs, and the view
     * fits again until the user moves it) leaves the block explained above the panel: on word-language at 1024 x 700
     * the fit had centred the row of blocks under the panel's top, the block explained hidden behind it.
     */
    @Test
    void aFitWhileSteppingKeepsTheBlockExplainedAboveThePanel(FxRobot robot) throws Exception {
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        ScrollPane body = robot.lookup("#step-body").queryAs(ScrollPane.class);
        javafx.scene.Node panel = robot.lookup("#step-panel").query();
        int last = mode.walkthrough().steps().size() - 1;
        for (int i = 0; i < last; i++) {
            robot.interact(() -> mode.step(1));
        }
        robot.interact(() -> h.window.canvas().fitView());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, body, panel, last)).isEqualTo("whole at step " + (last + 1));
    }
}
