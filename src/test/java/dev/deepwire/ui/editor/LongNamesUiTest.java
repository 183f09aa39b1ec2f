package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.limits.ShownName;
import dev.deepwire.model.BlockCatalog;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A block or group named with 50,000 emoji (a pasted text, a hostile file): its name on the canvas is cut with "…"
 * and the block keeps its size, close up and zoomed out (it had stood as a column over the canvas); the whole name
 * is kept in the project and read on hover; messages naming it stay short.
 */
@ExtendWith(ApplicationExtension.class)
class LongNamesUiTest {
    private static final String EMOJI = "\ud83d\ude00";
    private static final String NAME = EMOJI.repeat(50_000);
    private EditorViewModel vm;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) throws Exception {
        vm = new EditorViewModel(BlockCatalog.standard(), new ProjectReader().read(Path.of("sample-projects/marker.dwproj")),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        Scene scene = new Scene(canvas, 1000, 700);
        scene.getStylesheets().add(getClass().getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static String drawn(Label label) {
        return ((Text) label.lookup(".text")).getText();
    }

    /** A block named as its kind says the name once on hover ("Self-attention / Self-attention" before). */
    @Test
    void aBlockNamedAsItsKindSaysItOnceOnHoverAndAnotherNameWithItsKind(FxRobot robot) throws Exception {
        String kind = BlockCatalog.standard().require(vm.graph().require("attn").type()).label();
        robot.interact(() -> vm.rename("attn", kind));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> canvas.nodeView("attn").hoverText()).get().lines().toList())
                .as("hover of a block named %s", kind).containsOnlyOnce(kind).first().isEqualTo(kind);
        robot.interact(() -> vm.rename("attn", "Looks back"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> canvas.nodeView("attn").hoverText()).get().lines().toList())
                .startsWith("Looks back", kind);
    }

    @Test
    void aBlockNamedWithFiftyThousandEmojiKeepsItsSizeAndItsWholeName(FxRobot robot) throws Exception {
        String id = "attn";
        double usual = WaitForAsyncUtils.asyncFx(() -> canvas.nodeView(id).getHeight()).get();
        robot.interact(() -> vm.rename(id, NAME));
        WaitForAsyncUtils.waitForFxEvents();
        NodeView block = canvas.nodeView(id);
        Label title = robot.from(block).lookup(".node-title").queryAs(Label.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> title.getText().codePointCount(0, title.getText().length())).get())
                .as("the title's text, cut").isLessThanOrEqualTo(ShownName.MOST + 1);
        String drawn = WaitForAsyncUtils.asyncFx(() -> drawn(title)).get();
        assertThat(drawn.startsWith(EMOJI)).as("drawn, %s characters of it", drawn.length()).isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(block::getHeight).get()).as("close up, as tall as it was (%s px)", usual)
                .isLessThanOrEqualTo(usual + 40);
        String hover = WaitForAsyncUtils.asyncFx(block::hoverText).get();
        assertThat(hover.startsWith(EMOJI.repeat(ShownName.HOVER))).as("the name on hover").isTrue();
        assertThat(hover.substring(2 * ShownName.HOVER)).as("then its length").startsWith("… (50,000 characters)");
        robot.interact(() -> canvas.zoomAt(0.3 / canvas.zoom(), 0, 0)); // zoomed out: the title alone, larger
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(block::showsDetail).get()).isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(block::getHeight).get()).as("zoomed out, no column over the canvas")
                .isLessThanOrEqualTo(usual + 40);
        assertThat(vm.graph().require(id).label().equals(NAME)).as("the name kept whole").isTrue();
        // a message naming it (the undo of the rename, the Edit menu's item) is short too
        robot.interact(() -> vm.select(id, false));
        assertThat(Words.named("Set " + id + ".heads", vm.graph()).length()).isLessThan(400);
    }

    @Test
    void aCollapsedGroupNamedWithFiftyThousandEmojiKeepsItsBox(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.select("res1", false);
            vm.select("norm1", true);
        });
        String group = WaitForAsyncUtils.asyncFx(() -> vm.groupSelection(NAME).orElseThrow()).get();
        robot.interact(() -> vm.toggleCollapsed(group));
        WaitForAsyncUtils.waitForFxEvents();
        GroupView box = canvas.groupView(group);
        assertThat(WaitForAsyncUtils.asyncFx(() -> box.title().getText().length()).get()).isLessThan(400);
        assertThat(WaitForAsyncUtils.asyncFx(() -> box.title().getTooltip().getText().startsWith(EMOJI.repeat(ShownName.HOVER))).get())
                .as("the name on hover").isTrue();
        robot.interact(() -> {
            vm.select("res1", false);
            vm.select("norm1", true);
        });
        assertThat(WaitForAsyncUtils.asyncFx(vm::selectedBoxes).get()).hasSize(1);
        assertThat(WaitForAsyncUtils.asyncFx(() -> Words.selection(2, 0, vm.selectedBoxes())).get())
                .as("the inspector's line for the selected box").startsWith("Group \u2018" + EMOJI).hasSizeLessThan(400);
        assertThat(vm.graph().groups().get(0).label().equals(NAME)).as("the name kept whole").isTrue();
    }
}
