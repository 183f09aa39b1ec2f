package dev.deepwire.ui;

import dev.deepwire.testing.ScratchDirs;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.GraphCanvas;
import dev.deepwire.ui.training.TrainingViewModel;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench at a projector's 1024 × 700: the canvas gets most of the room, the panels can be resized (and
 * are remembered), hidden by keyboard or menu, the minimap hides and stays small, and fit view leaves nothing
 * under the minimap; File ▸ New starts at 100 %.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchLayoutUiTest {
    private EditorViewModel vm;
    private WorkbenchWindow window;
    private Stage stage;
    private Path dir;
    private Preferences prefs;
    private Preferences layoutPrefs;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = ScratchDirs.create("deepwire-layout");
        Path file = dir.resolve("marker-copy.dwproj");
        Files.copy(Path.of("sample-projects/marker.dwproj"), file);
        prefs = Preferences.userRoot().node("dev/deepwire/test-layout-" + System.nanoTime());
        layoutPrefs = prefs.node("layout");
        window = open(stage, file);
    }

    private WorkbenchWindow open(Stage stage, Path file) throws Exception {
        Project p = new ProjectReader().read(file);
        vm = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        WorkbenchWindow w = new WorkbenchWindow(stage, vm, file, new RecentFiles(prefs), new Autosave(dir.resolve("autosave"), "t"),
                new TrainingViewModel(vm, Runnable::run, Runnable::run, Runnable::run, () -> dir),
                layoutPrefs);
        Scene scene = new Scene(w.root(), 1024, 700);
        Themes.apply(scene, Themes.DARK);
        stage.setScene(scene);
        stage.show();
        return w;
    }

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    private GraphCanvas canvas() {
        return window.canvas();
    }

    @Test
    void atProjectorSizeTheCanvasGetsMostOfTheRoomAndTheChartsAreNotSquashed(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node dock = robot.lookup("#training-dock").query();
        assertThat(canvas().getWidth()).as("canvas width").isGreaterThan(1024 * 0.55);
        assertThat(canvas().getHeight()).as("canvas height").isGreaterThan(dock.getLayoutBounds().getHeight() * 1.4);
        assertThat(robot.lookup((Node n) -> n instanceof ChartViewer).<Node>queryAll()).isNotEmpty().allSatisfy(c ->
                assertThat(c.getLayoutBounds().getHeight()).as("chart height").isGreaterThanOrEqualTo(150));
        Bounds minimap = canvas().minimapBounds().orElseThrow();
        assertThat(minimap.getWidth()).as("minimap width").isLessThanOrEqualTo(canvas().getWidth() * 0.21);
    }

    @Test
    void draggingADividerResizesThePaletteAndTheSizeIsRememberedByTheNextWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node palette = robot.lookup(".palette").query();
        double before = palette.getLayoutBounds().getWidth();
        Node divider = robot.lookup("#workbench-sides > .split-pane-divider").query();
        robot.drag(divider).dropBy(80, 0);
        WaitForAsyncUtils.waitForFxEvents();
        double after = palette.getLayoutBounds().getWidth();
        assertThat(after).isCloseTo(before + 80, org.assertj.core.data.Offset.offset(6.0));

        robot.interact(() -> {
            try {
                window = open(new Stage(), dir.resolve("marker-copy.dwproj"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node secondPalette = window.root().lookup(".palette");
        assertThat(secondPalette.getLayoutBounds().getWidth()).isCloseTo(after, org.assertj.core.data.Offset.offset(6.0));
    }

    @Test
    void panelsHideByKeyboardAndComeBackFromTheViewMenu(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double narrow = canvas().getWidth();
        robot.clickOn(canvas().localToScreen(canvas().getWidth() / 2, 12));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".palette").tryQuery()).isEmpty();
        assertThat(canvas().getWidth()).isGreaterThan(narrow + 300);
        SplitPane centre = robot.lookup("#workbench-centre").query();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(centre.getItems()).hasSize(1);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas().minimapBounds()).isEmpty();

        robot.clickOn("View").clickOn("Palette");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".palette").tryQuery()).isPresent();
        assertThat(layoutPrefs.getBoolean("paletteShown", false)).isTrue();
        assertThat(layoutPrefs.getBoolean("inspectorShown", true)).isFalse();
    }

    @Test
    void fitViewLeavesNoBlockOrNoteUnderTheMinimapOrOutsideTheCanvas(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(canvas().localToScreen(canvas().getWidth() / 2, 12));
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEverythingInViewAndClearOfTheMinimap();
    }

    @Test
    void openRecentShowsTheWholeProjectClearOfThePanelsAndTheMinimap(FxRobot robot) throws Exception {
        Path other = dir.resolve("word-language.dwproj");
        Files.copy(Path.of("sample-projects/word-language.dwproj"), other);
        new RecentFiles(prefs).add(other);
        robot.interact(() -> canvas().zoomAt(3, 0, 0)); // a view that shows only part of the old project
        robot.clickOn("File").clickOn("Open Recent").clickOn("word-language.dwproj  (" + dir + ")");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.project().name()).isNotEqualTo("marker");
        assertEverythingInViewAndClearOfTheMinimap();
    }

    @Test
    void aSampleFromTheGalleryOpensFittedToTheCanvasFinalSize(FxRobot robot) {
        robot.interact(() -> canvas().zoomAt(3, 0, 0)); // a view that shows only part of the old project
        robot.clickOn("File").clickOn("New from Sample…");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<SampleGallery.Card> list = robot.lookup("#sample-gallery").queryAs(ListView.class);
        int words = list.getItems().stream().map(c -> c.entry().file()).toList().indexOf("word-language.dwproj");
        robot.interact(() -> list.getSelectionModel().select(words));
        robot.clickOn("#gallery-open");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.project().name()).isEqualTo("word-language");
        assertEverythingInViewAndClearOfTheMinimap();
    }

    @Test
    void whileSomethingIsDraggedTheMinimapFadesAndLetsTheMouseThrough(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node minimap = robot.lookup("#minimap").query();
        Bounds m = minimap.localToScreen(minimap.getBoundsInLocal());
        robot.moveTo(canvas().localToScreen(canvas().getWidth() / 2, 8)).press(MouseButton.PRIMARY)
                .moveTo(new Point2D(m.getCenterX(), m.getCenterY()));
        try {
            assertThat(minimap.isMouseTransparent()).as("mouse-transparent during a drag").isTrue();
            assertThat(minimap.getOpacity()).as("faded during a drag").isLessThan(0.5);
        } finally {
            robot.release(MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(minimap.isMouseTransparent()).as("takes clicks again after the drag").isFalse();
        assertThat(minimap.getOpacity()).isEqualTo(1.0);
    }

    @Test
    void aPortUnderTheMinimapCanBeReachedByTheMouse(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node minimap = robot.lookup("#minimap").query();
        Node port = robot.lookup(".port").queryAll().iterator().next();
        Bounds m = minimap.getBoundsInParent();
        robot.interact(() -> {
            Bounds pb = canvas().sceneToLocal(port.localToScene(port.getBoundsInLocal()));
            Point2D p = canvas().toWorld(pb.getCenterX(), pb.getCenterY());
            double z = canvas().zoom();
            canvas().centreOn(p.getX() - (m.getCenterX() - canvas().getWidth() / 2) / z, p.getY() - (m.getCenterY() - canvas().getHeight() / 2) / z);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Bounds pb = port.localToScreen(port.getBoundsInLocal());
        assertThat(minimap.localToScreen(minimap.getBoundsInLocal()).contains(pb.getCenterX(), pb.getCenterY())).as("the port lies under the minimap").isTrue();
        robot.moveTo(new Point2D(pb.getCenterX(), pb.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(minimap.isMouseTransparent()).as("over a port the minimap lets the mouse through").isTrue();
        assertThat(minimap.getOpacity()).isLessThan(0.5);
        Bounds mm = minimap.localToScreen(minimap.getBoundsInLocal());
        robot.moveTo(new Point2D(pb.getCenterX() < mm.getCenterX() ? mm.getMaxX() - 3 : mm.getMinX() + 3, pb.getCenterY() < mm.getCenterY() ? mm.getMaxY() - 3 : mm.getMinY() + 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(minimap.isMouseTransparent()).as("away from ports the minimap takes clicks").isFalse();
    }

    private void assertEverythingInViewAndClearOfTheMinimap() {
        Bounds minimap = canvas().minimapBounds().orElseThrow();
        Bounds area = canvas().getLayoutBounds();
        for (var n : vm.graph().nodes()) {
            Bounds b = canvas().sceneToLocal(canvas().nodeBoundsInScene(n.id()));
            assertThat(area.contains(b)).as("%s inside the canvas %s", n.id(), b).isTrue();
            assertThat(b.intersects(minimap)).as("%s under the minimap", n.id()).isFalse();
        }
        for (var note : vm.graph().notes()) {
            Bounds b = canvas().sceneToLocal(canvas().noteBoundsInScene(note.id()));
            assertThat(area.contains(b)).as("note %s inside the canvas %s", note.id(), b).isTrue();
            assertThat(b.intersects(minimap)).as("note %s under the minimap", note.id()).isFalse();
        }
    }

    @Test
    void ctrlPlusAndTheKeypadZoomAsCtrlEqualsAndCtrlMinusDo(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(canvas().localToScreen(canvas().getWidth() / 2, 12));
        double z = canvas().zoom();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas().zoom()).as("Ctrl and + (Shift and =)").isGreaterThan(z);
        z = canvas().zoom();
        robot.press(KeyCode.CONTROL, KeyCode.ADD).release(KeyCode.ADD, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas().zoom()).as("Ctrl and the keypad's +").isGreaterThan(z);
        z = canvas().zoom();
        robot.press(KeyCode.CONTROL, KeyCode.SUBTRACT).release(KeyCode.SUBTRACT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas().zoom()).as("Ctrl and the keypad's −").isLessThan(z);
    }

    @Test
    void fileNewStartsAtFullSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> canvas().zoomAt(0.4, 100, 100));
        assertThat(canvas().zoom()).isLessThan(0.9);
        robot.clickOn(canvas().localToScreen(canvas().getWidth() / 2, 12));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().nodes()).isEmpty();
        assertThat(canvas().zoom()).isEqualTo(1.0);
    }

    @Test
    void theLightThemeReachesChartsAndMinimapAndTheViewMenuMarksIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            robot.clickOn("View").clickOn("Light Theme");
            WaitForAsyncUtils.waitForFxEvents();
            var view = robot.lookup((MenuBar m) -> true).queryAs(MenuBar.class)
                    .getMenus().stream().filter(m -> m.getText().equals("_View")).findFirst().orElseThrow();
            var radios = view.getItems().stream().filter(i -> i instanceof RadioMenuItem r
                    && r.getText().contains("Theme")).map(i -> (RadioMenuItem) i).toList();
            assertThat(radios).hasSize(2);
            assertThat(radios).filteredOn(RadioMenuItem::isSelected).singleElement()
                    .satisfies(r -> assertThat(r.getText()).contains("Light"));
            assertThat(robot.lookup((Node n) -> n instanceof ChartViewer).<Node>queryAll()).isNotEmpty()
                    .allSatisfy(n -> assertThat(brightness((Color) ((ChartViewer) n).getChart()
                            .getBackgroundPaint())).as("chart background").isGreaterThan(200));
            Bounds minimap = canvas().minimapBounds().orElseThrow();
            WritableImage[] shot = new WritableImage[1];
            robot.interact(() -> shot[0] = canvas().snapshot(null, null));
            int argb = shot[0].getPixelReader().getArgb((int) minimap.getMinX() + 3, (int) minimap.getMaxY() - 3);
            assertThat(brightness(new Color(argb))).as("minimap background").isGreaterThan(200);
        } finally {
            robot.interact(() -> Themes.apply(stage.getScene(), Themes.DARK));
        }
    }

    private static int brightness(Color c) {
        return (c.getRed() + c.getGreen() + c.getBlue()) / 3;
    }
}
