package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deepwire.compiler.VertexActivations;
import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.inspect.walk.AttentionStep;
import dev.deepwire.inspect.walk.Step;
import dev.deepwire.inspect.walk.WalkTensor;
import dev.deepwire.inspect.walk.Walkthrough;
import dev.deepwire.ui.editor.StepOverlay;
import dev.deepwire.ui.inspect.AttentionInspector;
import dev.deepwire.ui.step.StepMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Step mode on the marker sample (small): stepping with → from the input to the output, every heatmap on a wire is
 * that vertex's activation, the attention step's softmax row sums to 1 and is the attention inspector's row, the
 * output reached is the network's output, and the way back shows a gradient on each wire.
 */
@ExtendWith(ApplicationExtension.class)
class StepModeUiTest extends StepModeUiSetUp {
    @Start
    void start(Stage stage) throws Exception {
        setUp(stage);
    }

    @Test
    void onAShortCanvasTheStepPanelTakesMoreOfItAndLeavesRoomForTheBlock() {
        // 1024 x 768 with the dock below: a canvas of about 380 px, where half showed three lines of a step's text
        assertThat(StepOverlay.panelRoom(380)).isGreaterThanOrEqualTo(245).isLessThanOrEqualTo(380 - 120);
        assertThat(StepOverlay.panelRoom(600)).as("a taller canvas: the longest step's text, 200 px left above").isEqualTo(380);
        assertThat(StepOverlay.panelRoom(900)).as("a tall canvas: a little over half").isEqualTo(900 * 0.55 - 20);
        assertThat(StepOverlay.panelRoom(200)).as("never under 160 px").isEqualTo(160);
    }

    @Test
    void steppingShowsEachVertexsActivationTheInspectorsRowAndTheNetworksOutput(FxRobot robot) throws Exception {
        StepMode mode = window.stepMode();
        robot.clickOn("#step-mode");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#step-mode").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .as("no model yet: step mode says so and stays off").isFalse();
        assertThat(window.editor().messageProperty().get()).startsWith("Step mode needs a trained model");

        AttentionInspector inspector = WaitForAsyncUtils.asyncFx(() -> window.inspectSavedModel(stage, zip)).get()
                .get(60, TimeUnit.SECONDS);
        @SuppressWarnings("unchecked")
        ComboBox<Object> inspectorHead = robot.lookup("#inspect-head").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return inspectorHead.getItems().stream().anyMatch(h -> h.toString().equals("head 1"));
        });
        robot.interact(() -> inspectorHead.setValue(inspectorHead.getItems().stream()
                .filter(h -> h.toString().equals("head 1")).findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        Spinner<Integer> inspectorExample = robot.lookup("#inspect-example").queryAs(Spinner.class);
        robot.interact(() -> inspectorExample.getValueFactory().setValue(0));
        robot.interact(() -> stage.toFront());
        robot.clickOn("#step-mode");
        StepWaits.walked(mode);
        @SuppressWarnings("unchecked")
        Spinner<Integer> position = robot.lookup("#step-position").queryAs(Spinner.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> head = robot.lookup("#step-head").queryAs(Spinner.class);
        robot.interact(() -> {
            position.getValueFactory().setValue(3);
            head.getValueFactory().setValue(1);
        });
        StepWaits.walked(mode);
        StepWaits.until(mode, m -> m.walkthrough().head() == 1);

        ComputationGraph net = TrainedModel.load(zip).network();
        Dataset one = window.attention().probeProperty().get().range(0, 1);
        Map<String, INDArray> acts = VertexActivations.of(net, one.features(), one.featureMasks(), null, false);
        Walkthrough walk = mode.walkthrough();
        StepOverlay overlay = window.canvas().stepOverlay();
        robot.clickOn("#canvas", javafx.scene.input.MouseButton.MIDDLE); // keys go to the canvas
        for (int i = 0; i < walk.steps().size(); i++) {
            assertThat(mode.index()).isEqualTo(i);
            assertThat(robot.lookup("#step-title").queryLabeled().getText()).startsWith("Step " + (i + 1) + " of 11");
            Map<String, WalkTensor> shown = overlay.shownTensors();
            assertThat(shown).as("wires out of the blocks reached").isNotEmpty();
            for (WalkTensor t : shown.values()) {
                INDArray a = acts.containsKey(t.vertex()) ? acts.get(t.vertex()) : one.features()[0];
                assertThat(t.values()).as(t.name()).containsExactly(a.slice(0).castTo(DataType.FLOAT).dup('c').data().asFloat());
            }
            Step step = walk.steps().get(i);
            if (step.nodeId().equals("attn")) {
                AttentionStep att = step.attention();
                double sum = 0;
                for (float v : att.softmax()) {
                    sum += v;
                }
                assertThat(sum).isCloseTo(1.0, within(1e-5));
                assertThat(att.position()).isEqualTo(3);
                // the same weights by the inspector's route (the layer's own capture): equal to float rounding — bit for bit on
                // SkylakeX and Prescott kernels, not on Haswell's, which sum a product's edge in another order
                assertThat(att.softmax()).as("the inspector's row (head 1, example 0, query 3)")
                        .containsExactly(inspector.shownMap()[3], org.assertj.core.data.Offset.offset(1e-6f));
                assertThat(robot.lookup("#step-lines").queryLabeled().getText()).contains("softmax row a_3 = ");
            }
            robot.type(KeyCode.RIGHT);
        }
        assertThat(mode.index()).as("→ at the output stays there").isEqualTo(10);
        robot.clickOn("#step-next"); // greyed at the last step: the click stays on the panel
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().selection()).as("the block explained stays selected").containsExactly("classify");
        INDArray out = net.output(false, one.features(), one.featureMasks())[0];
        assertThat(walk.steps().get(10).output().values()).as("the output reached by stepping is the network's output")
                .containsExactly(out.slice(0).castTo(DataType.FLOAT).toFloatVector());
        assertThat(robot.lookup("#step-lines").queryLabeled().getText()).contains("prediction: ").contains("true label: ");

        robot.clickOn("#step-gradients");
        StepWaits.goingBack(mode);
        assertThat(mode.index()).isEqualTo(10);
        assertThat(overlay.shownGradients()).containsKey("pool.out → classify.in");
        robot.type(KeyCode.RIGHT); // onward on the way back: the block before
        assertThat(mode.index()).isEqualTo(9);
        assertThat(overlay.shownGradients()).containsKey("norm2.out → pool.in");
        assertThat(robot.lookup("#step-title").queryLabeled().getText()).startsWith("Back at 10 of 11");

        // a sentence typed into Example is not taken as a number (it had thrown on the JavaFX thread and stayed)
        javafx.scene.control.Spinner<?> exampleBox = robot.lookup("#step-example").queryAs(javafx.scene.control.Spinner.class);
        robot.clickOn(exampleBox.getEditor()).write("the fifth example please").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(exampleBox.getEditor().getText()).matches("\\d+");

        // Typed input has no true label: the example's own was shown as its answer (✗); and no way back from it.
        robot.clickOn("#step-text").write("t3 <M> t5");
        robot.type(KeyCode.ENTER);
        StepWaits.walkedTyped(mode);
        assertThat(mode.goingBack()).as("typed input walks forward only").isFalse();
        robot.interact(() -> {
            for (int i = 0; i < 11; i++) {
                mode.step(1);
            }
        });
        assertThat(mode.index()).isEqualTo(10);
        String typedLines = robot.lookup("#step-lines").queryLabeled().getText();
        assertThat(typedLines).as("the answer first; the typed text's long description after it").startsWith("prediction: ");
        assertThat(typedLines).contains("no true label").contains("padding").contains("prediction: ")
                .doesNotContain("true label:").doesNotContain("✗");
        assertThat(robot.lookup("#step-gradients").query().isDisabled()).isTrue();

        // Editing the graph ends step mode: the walk-through no longer describes it.
        robot.interact(() -> window.editor().addBlock("dense", 900, 900));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.walkthrough()).isNull();
        assertThat(overlay.active()).isFalse();
    }

    @Test
    void clickingAWiresHeatmapOpensTheLargerViewWithMinMaxMean(FxRobot robot) throws Exception {
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        robot.interact(() -> {
            mode.toggle().requestFocus();
        });
        javafx.scene.Node panel = robot.lookup("#step-panel").query();
        javafx.scene.Node shownBlock = robot.lookup(".step-current").query();
        java.util.Set<Double> tops = new java.util.HashSet<>();
        java.util.Set<Double> nexts = new java.util.HashSet<>();
        javafx.scene.Node next = robot.lookup("#step-next").query();
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#step-next");
            WaitForAsyncUtils.waitForFxEvents();
            tops.add(panel.getLayoutY());
            nexts.add(next.localToScene(0, 0).getY());
            var host = panel.getParent().getLayoutBounds();
            assertThat(panel.getLayoutBounds().getHeight()).as("within the room the canvas gives it")
                    .isLessThanOrEqualTo(StepOverlay.mostRoom(host.getHeight()) + 0.5);
            var block = panel.getParent().sceneToLocal(shownBlock.localToScene(shownBlock.getBoundsInLocal()));
            assertThat(block.getMaxY()).as("the block explained is in view above the panel").isLessThanOrEqualTo(panel.getLayoutY());
            assertThat(block.getMinY()).isGreaterThanOrEqualTo(0);
        }
        assertThat(tops).as("the panel's top stays where it is from step to step").hasSize(1);
        // A click on the panel, on its buttons or its text, is not a click on the drawing below: the step's hint in the
        // status bar and the block explained stay (the canvas's filter saw the press first and cleared the hint)
        String hint = window.editor().messageProperty().get();
        assertThat(hint).startsWith("Step mode: → and ← step through");
        String explained = window.editor().selection().iterator().next();
        robot.clickOn("#step-lines");
        robot.clickOn("#step-title");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().messageProperty().get()).as("a click on the panel's text").isEqualTo(hint);
        assertThat(window.editor().selection()).containsExactly(explained);
        robot.clickOn("#step-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editor().messageProperty().get()).as("a click on Next").isEqualTo(hint);
        assertThat(window.editor().selection()).containsExactly(mode.walkthrough().steps().get(mode.index()).nodeId());
        robot.clickOn("#step-previous");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nexts).as("and Next with it, whatever the step's title holds").hasSize(1);
        StepOverlay overlay = window.canvas().stepOverlay();
        WalkTensor embed = overlay.shownTensors().get("embed.out → pos.in");
        assertThat(embed).as("index %d, shown %s", mode.index(), overlay.shownTensors().keySet()).isNotNull();
        robot.clickOn(overlay.badge("embed.out → pos.in").lookup(".image-view"));
        WaitForAsyncUtils.waitForFxEvents();
        String stats = robot.lookup("#tensor-stats").queryLabeled().getText();
        // by the blocks' names, as the canvas and the inspector show them (it read the ids, "embed.out → pos.in")
        assertThat(stats).contains("Token embedding.out → Positions.in").contains("shape 16 × 8").contains("min ")
                .contains("mean ").doesNotContain("embed.out");

        // Export: the same files as the command line writes, for the walk-through on show.
        Path out = dir.resolve("exported");
        Files.createDirectories(out);
        // an earlier, longer walk-through's picture goes (the folder holds one walk-through, as the CLI's does); a link of
        // that name is neither followed nor deleted
        Path stale = Files.writeString(out.resolve("step-99-old.png"), "an earlier walk-through's picture");
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.png"), "not ours");
        Path link = Files.createSymbolicLink(out.resolve("step-98-link.png"), elsewhere);
        WaitForAsyncUtils.asyncFx(() -> mode.exportTo(out)).get().get(60, TimeUnit.SECONDS);
        assertThat(stale).doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(elsewhere)).isEqualTo("not ours");
        assertThat(out.resolve("walkthrough.html")).exists();
        assertThat(out.resolve("step-04-attn.png")).exists();
        assertThat(Files.readString(out.resolve("steps.json"))).contains("\"softmaxRow\"");
    }

    @Test
    void anExampleChosenInEvaluateIsWalkedEvenAfterTextWasTypedIntoThePanel(FxRobot robot) throws Exception {
        // Seen in the real window: a sentence typed in an earlier walk stayed in the box, and Evaluate's "Step through"
        // on a misclassified word then walked that sentence, titled with the chosen example's name.
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        robot.clickOn("#step-text").write("t3 <M> t5").type(KeyCode.ENTER);
        StepWaits.walkedTyped(mode);
        TrainedModel model = window.attention().loadedModel().orElseThrow();
        Dataset split = window.attention().validation();
        robot.interact(() -> {
            window.attention().loadChosen(model, null, split, 5); // what Evaluate and Prune's Step through does
            mode.startOnChosenExample();
        });
        StepWaits.walked(mode);
        assertThat(mode.walkthrough().example()).doesNotStartWith("typed").contains("validation example 5");
        assertThat(robot.lookup("#step-text").queryAs(javafx.scene.control.TextField.class).getText()).isEmpty();
        // the chosen example is named where the Example box was; a sequence and attention keep Position and Head
        assertThat(robot.lookup("#step-example").query().isVisible()).isFalse();
        assertThat(robot.lookup("#step-example-label").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Validation example 5 (chosen in Evaluate)");
        assertThat(robot.lookup("#step-position").query().isVisible()).isTrue();
        assertThat(robot.lookup("#step-head").query().isVisible()).isTrue();
    }

    @Test
    void showGradientsWorksFromAnyStepAndSaysWhyNotForTypedInput(FxRobot robot) throws Exception {
        // Seen in the real window: "Show gradients" was greyed on every step but the last, without a word why.
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        robot.interact(() -> mode.step(1));
        robot.interact(() -> mode.step(1));
        assertThat(mode.index()).isEqualTo(2);
        javafx.scene.control.Button gradients = robot.lookup("#step-gradients").queryButton();
        assertThat(gradients.isDisabled()).as("on the third step of the way forward").isFalse();
        robot.clickOn(gradients);
        StepWaits.goingBack(mode);
        assertThat(mode.index()).as("back from the output").isEqualTo(mode.walkthrough().steps().size() - 1);
        assertThat(gradients.isDisabled()).as("already going back").isTrue();

        robot.clickOn("#step-text").write("t3 <M> t5").type(KeyCode.ENTER);
        StepWaits.walkedTyped(mode);
        assertThat(gradients.isDisabled()).isTrue();
        assertThat(gradients.getText()).as("the greyed button says why").contains("typed input has no true label");
    }

    @Test
    void typedWordsTheModelDoesNotKnowKeepStepModeAndTheTextToCorrect(FxRobot robot) throws Exception {
        // Seen in the real window: a teacher typed a sentence into marker's box; step mode ended, the text went with it.
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        robot.interact(() -> mode.step(1));
        String sentence = "a teacher types a whole sentence here";
        robot.clickOn("#step-text").write(sentence).type(KeyCode.ENTER);
        StepWaits.until(mode, m -> !m.computing());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mode.toggle().isSelected()).as("still in step mode").isTrue();
        assertThat(mode.walkthrough()).isNotNull();
        assertThat(mode.walkthrough().example()).doesNotStartWith("typed");
        assertThat(mode.index()).as("on the step it was on").isEqualTo(1);
        assertThat(robot.lookup("#step-text").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo(sentence);
        assertThat(h.vm.messageProperty().get()).contains("knows none of the").contains("such as");
        javafx.scene.control.TextField box = robot.lookup("#step-text").queryAs(javafx.scene.control.TextField.class);
        assertThat(box.getStyleClass()).contains("invalid");
        // the whole reason under the box, read without a hover: the status bar cuts it at 1024 px before "such as"
        javafx.scene.control.Label refused = robot.lookup("#step-refused").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(refused.isVisible()).isTrue();
            assertThat(refused.getText()).contains("knows none of the").contains("such as");
            assertThat(refused.isWrapText()).isTrue();
            javafx.scene.text.Text measured = new javafx.scene.text.Text(refused.getText());
            measured.setFont(refused.getFont());
            measured.setWrappingWidth(refused.getWidth() - refused.snappedLeftInset() - refused.snappedRightInset());
            assertThat(refused.getHeight()).as("every line of it shown").isGreaterThanOrEqualTo(
                    Math.floor(measured.getLayoutBounds().getHeight()));
            javafx.scene.Node panel = robot.lookup("#step-panel").query();
            javafx.geometry.Bounds inPanel = panel.sceneToLocal(refused.localToScene(refused.getBoundsInLocal()));
            assertThat(inPanel.getMaxX()).as("within the panel").isLessThanOrEqualTo(panel.getLayoutBounds().getMaxX());
            // its last line too: at 1024 x 700 it had gone on under the panel's edge, cut off by the canvas
            assertThat(inPanel.getMaxY()).as("above the panel's foot").isLessThanOrEqualTo(panel.getLayoutBounds().getMaxY());
            assertThat(panel.getBoundsInParent().getMaxY()).as("the panel within the canvas")
                    .isLessThanOrEqualTo(panel.getParent().getLayoutBounds().getHeight());
        }).get();
        robot.interact(() -> robot.lookup("#step-text").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn("#step-text").write("t3 <M> t5").type(KeyCode.ENTER);
        StepWaits.walkedTyped(mode);
        assertThat(box.getStyleClass()).doesNotContain("invalid");
        assertThat(refused.isVisible()).as("walked: nothing refused").isFalse();
    }

    @Test
    void aBlockInACollapsedGroupIsFramedByTheGroupsBoxAndWiresInsideItCarryNoHeatmap(FxRobot robot) throws Exception {
        // Seen in the real window: Step through over a collapsed group framed empty canvas where the hidden block had
        // been, and the heatmaps of the wires inside the group floated over nothing.
        var editor = window.editor();
        String[] group = new String[1];
        robot.interact(() -> {
            editor.select("ffn", false);
            editor.select("res2", true);
            group[0] = editor.groupSelection("The feed-forward part of the block").orElseThrow();
            editor.toggleCollapsed(group[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        StepMode mode = StepWaits.open(h, stage, zip, robot);
        robot.interact(() -> {
            while (!mode.walkthrough().steps().get(mode.index()).nodeId().equals("res2")) {
                mode.step(1);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        StepOverlay overlay = window.canvas().stepOverlay();
        javafx.geometry.Bounds frame = WaitForAsyncUtils.asyncFx(overlay::currentFrameInScene).get();
        javafx.geometry.Bounds box = WaitForAsyncUtils.asyncFx(() -> window.canvas().groupBoundsInScene(group[0])).get();
        assertThat(frame.contains(box.getCenterX(), box.getCenterY()))
                .as("the frame %s of the block's second member is around the collapsed group's box %s", frame, box).isTrue();
        var inside = editor.graph().edges().stream()
                .filter(e -> e.from().nodeId().equals("ffn") && e.to().nodeId().equals("res2")).findFirst().orElseThrow();
        assertThat(WaitForAsyncUtils.asyncFx(() -> overlay.shownTensors().keySet()).get())
                .as("no heatmap on a wire hidden in the group")
                .doesNotContain(dev.deepwire.inspect.walk.Walkthroughs.wireName(inside));
    }
}
