package dev.deepwire.ui;

import dev.deepwire.testing.ScratchDirs;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole workbench window: quick-add, keyboard save, reopen, the title's dirty marker. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowUiTest {
    private EditorViewModel vm;
    private WorkbenchWindow window;
    private Stage stage;
    private Path file;
    private Path autosaveDir;
    private Preferences prefs;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = ScratchDirs.create("deepwire-ui");
        file = dir.resolve("marker-copy.dwproj");
        Files.copy(Path.of("sample-projects/marker.dwproj"), file);
        autosaveDir = dir.resolve("autosave");
        prefs = Preferences.userRoot().node("dev/deepwire/test-ui-" + System.nanoTime());
        Project p = new ProjectReader().read(file);
        vm = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        window = new WorkbenchWindow(stage, vm, file, new RecentFiles(prefs), new Autosave(autosaveDir, "test"),
                new TrainingViewModel(vm, Runnable::run, Runnable::run, Runnable::run, () -> dir));
        Scene scene = new Scene(window.root(), 1280, 760);
        Themes.apply(scene, Themes.DARK);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    @Test
    void editingMarksTheTitleAndCtrlSSavesTheSameGraph(FxRobot robot) throws Exception {
        assertThat(stage.getTitle()).isEqualTo("marker-copy.dwproj — DeepWire");
        robot.interact(() -> vm.setParam("attn", "heads", 8));
        assertThat(stage.getTitle()).startsWith("• ");
        robot.clickOn(window.canvas()).press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getTitle()).isEqualTo("marker-copy.dwproj — DeepWire");
        Project reopened = new ProjectReader().read(file);
        assertThat(reopened.graph()).isEqualTo(vm.graph());
        assertThat(reopened.graph().require("attn").param("heads")).isEqualTo(8);
        assertThat(new RecentFiles(prefs).list()).contains(file.toAbsolutePath());
    }

    @Test
    void reopeningTheSavedFileGivesTheSameGraph(FxRobot robot) throws Exception {
        robot.interact(() -> vm.addBlock("dense", 300, 700));
        robot.clickOn(window.canvas()).press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String saved = new ProjectWriter().toJson(vm.project());
        robot.interact(() -> window.files().open(file));
        assertThat(new ProjectWriter().toJson(vm.project())).isEqualTo(saved);
        assertThat(vm.graph().contains("dense_1")).isTrue();
        assertThat(vm.history().isDirty()).isFalse();
    }

    @Test
    void doubleClickOnEmptyCanvasOpensQuickAddAtThePointer(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Point2D world = window.canvas().toWorld(30, 30);
        Point2D empty = window.canvas().localToScreen(30, 30);
        robot.doubleClickOn(empty);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("layer norm");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().contains("layer_norm_1")).isTrue();
        // at the pointer, or moved a step off a neighbour it would touch (NotePlacement's margin)
        assertThat(vm.graph().require("layer_norm_1").x()).isCloseTo(world.getX(), org.assertj.core.data.Offset.offset(24.0));
    }

    @Test
    void aWireDroppedOnEmptyCanvasOffersOnlyBlocksThatTakeIt(FxRobot robot) {
        var canvas = window.canvas();
        robot.interact(() -> canvas.centreOn(vm.graph().require("pool").x(), vm.graph().require("pool").y()));
        Point2D start = screenOfOutput("pool");
        robot.drag(start, MouseButton.PRIMARY).dropTo(start.add(60, 160));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<BlockType> list = robot.lookup("#quick-add-list").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(BlockType::id).contains("dense", "softmax_output")
                .doesNotContain("self_attention", "feed_forward");
        robot.write("dense").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edgeInto(new Port("dense_1", "in")).orElseThrow().from()).isEqualTo(new Port("pool", "out"));
    }

    @Test
    void aBlockAddedByDroppingAWireOnTheMinimapGoesToTheNearestFreeSpotInView(FxRobot robot) {
        // Found in a click-through: the block chosen after dropping a wire went exactly where it was dropped, under the
        // minimap (or past the canvas's edge), where it could be neither seen nor grabbed.
        var canvas = window.canvas();
        robot.interact(() -> canvas.centreOn(vm.graph().require("pool").x(), vm.graph().require("pool").y()));
        javafx.scene.Node minimap = robot.lookup("#minimap").query();
        assertThat(minimap.isVisible()).isTrue();
        javafx.geometry.Bounds map = minimap.localToScreen(minimap.getBoundsInLocal());
        Point2D start = screenOfOutput("pool");
        robot.drag(start, MouseButton.PRIMARY).dropTo(new Point2D(map.getCenterX(), map.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("dense").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edgeInto(new Port("dense_1", "in")).orElseThrow().from()).isEqualTo(new Port("pool", "out"));
        javafx.geometry.Bounds block = canvas.localToScreen(canvas.sceneToLocal(canvas.nodeBoundsInScene("dense_1")));
        map = minimap.localToScreen(minimap.getBoundsInLocal()); // (it redraws for the new block)
        javafx.geometry.Bounds view = canvas.localToScreen(canvas.getBoundsInLocal());
        assertThat(block.intersects(map)).as("the new block %s clear of the minimap %s", block, map).isFalse();
        assertThat(view.contains(block)).as("the new block %s inside the canvas %s", block, view).isTrue();
        double dx = block.getMinX() - map.getCenterX();
        double dy = block.getMinY() - map.getCenterY();
        assertThat(Math.hypot(dx, dy)).as("near where the wire was dropped").isLessThan(400);
    }

    @Test
    void enterInQuickAddAddsOneBlockThoughThePaletteHadTheKeys(FxRobot robot) {
        // Found building a cross-modal network from scratch: a block picked in the palette, then a wire dropped and
        // "token embedding" + Enter in quick-add: the Enter reached the palette too, which added its block again.
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeView<Object> tree = robot.lookup("#palette-tree").queryAs(javafx.scene.control.TreeView.class);
        robot.interact(() -> {
            tree.requestFocus();
            tree.getSelectionModel().select(1); // the first block under "Inputs"
        });
        assertThat(tree.isFocused()).isTrue();
        int before = vm.graph().nodes().size();
        var canvas = window.canvas();
        robot.interact(() -> canvas.centreOn(vm.graph().require("pool").x(), vm.graph().require("pool").y()));
        Point2D start = screenOfOutput("pool");
        robot.drag(start, MouseButton.PRIMARY).dropTo(start.add(60, 160));
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("dense").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().nodes()).as("only the block chosen in quick-add").hasSize(before + 1);
        assertThat(vm.graph().contains("dense_1")).isTrue();
    }

    private Point2D screenOfOutput(String nodeId) {
        var canvas = window.canvas();
        var n = vm.graph().require(nodeId);
        Point2D local = canvas.fromWorld(n.x() + 184, n.y() + 44);
        return canvas.localToScreen(local);
    }
}
