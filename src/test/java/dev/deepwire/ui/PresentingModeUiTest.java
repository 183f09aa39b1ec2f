package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.ScratchDirs;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View ▸ Presenting Mode at a projector's 1024 × 700: the canvas gets the window, text is larger, Fit view keeps
 * blocks' titles legible from the back of a room on every sample, and leaving it brings the panels back as they were;
 * the mode is remembered as a view preference, never as an edit of the project.
 */
@ExtendWith(ApplicationExtension.class)
class PresentingModeUiTest {
    private EditorViewModel vm;
    private WorkbenchWindow window;
    private Path dir;
    private Preferences prefs;
    private Preferences layoutPrefs;

    @Start
    void start(Stage stage) throws Exception {
        dir = ScratchDirs.create("deepwire-presenting");
        Path file = dir.resolve("marker-copy.dwproj");
        Files.copy(Path.of("sample-projects/marker.dwproj"), file);
        prefs = Preferences.userRoot().node("dev/deepwire/test-presenting-" + System.nanoTime());
        layoutPrefs = prefs.node("layout");
        window = open(stage, file);
    }

    private WorkbenchWindow open(Stage stage, Path file) throws Exception {
        Project p = new ProjectReader().read(file);
        vm = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        WorkbenchWindow w = new WorkbenchWindow(stage, vm, file, new RecentFiles(prefs), new Autosave(dir.resolve("autosave"), "t"),
                new TrainingViewModel(vm, Runnable::run, Runnable::run, Runnable::run, () -> dir), layoutPrefs);
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

    private CheckMenuItem menuItem(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return (CheckMenuItem) bar.getMenus().stream().filter(m -> m.getText().equals("_View")).findFirst().orElseThrow()
                .getItems().stream().filter(i -> "presenting-mode".equals(i.getId())).findFirst().orElseThrow();
    }

    private void pressShortcut(FxRobot robot) {
        robot.clickOn(window.canvas().localToScreen(window.canvas().getWidth() / 2, 8));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double fontSize(FxRobot robot, String query) throws Exception {
        Label l = robot.lookup(query).queryAs(Label.class);
        return WaitForAsyncUtils.asyncFx(() -> l.getFont().getSize()).get();
    }

    @Test
    void theShortcutInTheViewMenuGivesTheCanvasTheRoomAndLeavingBringsThePanelsBackAsTheyWere(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menuItem(robot).getAccelerator().getName()).as("the keys shown in the menu").contains("F");
        Node palette = robot.lookup(".palette").query();
        Node dock = robot.lookup("#training-dock").query();
        double paletteWidth = palette.getLayoutBounds().getWidth();
        double dockHeight = dock.getLayoutBounds().getHeight();
        double canvasWidth = window.canvas().getWidth();
        double canvasHeight = window.canvas().getHeight();
        double statusFont = fontSize(robot, "#status-message");
        long revision = vm.revisionProperty().get();

        pressShortcut(robot);
        assertThat(menuItem(robot).isSelected()).isTrue();
        assertThat(robot.lookup(".palette").tryQuery()).as("palette hidden").isEmpty();
        assertThat(robot.lookup("#training-dock").tryQuery()).as("dock hidden").isEmpty();
        assertThat(robot.lookup(".inspector").tryQuery()).as("block inspector hidden").isEmpty();
        assertThat(window.layout().minimapShownProperty().get()).as("the minimap hidden: it covered a note").isFalse();
        assertThat(window.canvas().getWidth()).as("the canvas takes the width").isGreaterThan(canvasWidth + 300);
        assertThat(window.canvas().getHeight()).as("and the height").isGreaterThan(canvasHeight + 150);
        assertThat(fontSize(robot, "#status-message")).as("text larger, from the root").isGreaterThan(statusFont * 1.15);
        assertThat(window.canvas().titlePixels()).as("titles at Fit view, px on screen")
                .isGreaterThanOrEqualTo(Presenting.TITLE_FLOOR);
        assertThat(layoutPrefs.getBoolean(Presenting.KEY, false)).as("remembered as a view preference").isTrue();
        assertThat(layoutPrefs.get("paletteShown", "unset")).as("the panels' own preference untouched").isEqualTo("unset");
        assertThat(vm.revisionProperty().get()).as("not an edit of the project").isEqualTo(revision);
        assertThat(vm.history().isDirty()).isFalse();

        robot.clickOn("View").clickOn("Presenting Mode");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menuItem(robot).isSelected()).isFalse();
        assertThat(robot.lookup(".palette").tryQuery()).as("palette back").isPresent();
        assertThat(robot.lookup(".inspector").tryQuery()).as("inspector back").isPresent();
        assertThat(robot.lookup("#training-dock").tryQuery()).as("dock back").isPresent();
        assertThat(window.layout().minimapShownProperty().get()).as("minimap back").isTrue();
        assertThat(palette.getLayoutBounds().getWidth()).as("palette as wide as before").isCloseTo(paletteWidth, Offset.offset(2.0));
        assertThat(dock.getLayoutBounds().getHeight()).as("dock as tall as before").isCloseTo(dockHeight, Offset.offset(2.0));
        assertThat(window.canvas().getWidth()).isCloseTo(canvasWidth, Offset.offset(2.0));
        assertThat(fontSize(robot, "#status-message")).isEqualTo(statusFont);
        assertThat(layoutPrefs.getBoolean(Presenting.KEY, true)).isFalse();
    }

    @Test
    void aPanelHiddenBeforePresentingStaysHiddenAfterAndOneShownWhilePresentingIsForTheWhile(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.layout().inspectorShownProperty().set(false)); // the teacher's own choice
        pressShortcut(robot);
        robot.interact(() -> window.layout().paletteShownProperty().set(true)); // shown for the while
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".palette").tryQuery()).as("shown while presenting").isPresent();
        pressShortcut(robot);
        pressShortcut(robot);
        assertThat(robot.lookup(".palette").tryQuery()).as("presenting again hides it").isEmpty();
        pressShortcut(robot);
        assertThat(robot.lookup(".palette").tryQuery()).isPresent();
        assertThat(robot.lookup(".inspector").tryQuery()).as("hidden before, hidden after").isEmpty();
        assertThat(layoutPrefs.getBoolean("inspectorShown", true)).isFalse();
        assertThat(layoutPrefs.getBoolean("paletteShown", false)).isTrue();
    }

    @Test
    void theNextWindowOpensPresenting(FxRobot robot) throws Exception {
        pressShortcut(robot);
        robot.interact(() -> {
            try {
                window = open(new Stage(), dir.resolve("marker-copy.dwproj"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.root().getStyleClass()).contains(Presenting.STYLE);
        assertThat(window.root().lookup(".palette")).as("its palette hidden").isNull();
        assertThat(window.canvas().titlePixels()).isGreaterThanOrEqualTo(Presenting.TITLE_FLOOR);
    }

    @Test
    void onEverySampleFitViewKeepsTitlesLegibleAndNothingOverlapsOrIsCut(FxRobot robot) throws Exception {
        pressShortcut(robot);
        List<String> problems = new ArrayList<>();
        for (Path sample : FitViewWholeUiTest.samples()) {
            Project p = new ProjectReader().read(sample);
            robot.interact(() -> vm.setProject(p));
            robot.interact(() -> window.canvas().fitView());
            WaitForAsyncUtils.waitForFxEvents();
            double px = WaitForAsyncUtils.asyncFx(() -> window.canvas().titlePixels()).get();
            if (px < Presenting.TITLE_FLOOR) {
                problems.add(sample.getFileName() + ": titles " + px + " px");
            }
            List<String> over = WaitForAsyncUtils.asyncFx(() -> overlaps(sample.getFileName().toString())).get();
            problems.addAll(over);
            assertThat(WaitForAsyncUtils.asyncFx(() -> window.canvas().lookupAll(".node").size()).get())
                    .as("%s: blocks drawn", sample).isGreaterThanOrEqualTo(p.graph().nodes().size());
        }
        assertThat(problems).isEmpty();
    }

    /** Blocks drawn over one another, or over a note. */
    private List<String> overlaps(String sample) {
        List<String> out = new ArrayList<>();
        List<Bounds> drawn = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Node v : window.canvas().lookupAll(".node")) { // as laid out (a note's shadow falls outside)
            if (v.isVisible()) {
                drawn.add(v.localToScene(v.getLayoutBounds()));
                names.add("block " + v.lookup(".node-title"));
            }
        }
        for (Node v : window.canvas().lookupAll(".note")) {
            drawn.add(v.localToScene(v.getLayoutBounds()));
            names.add(v.getId());
        }
        for (int i = 0; i < drawn.size(); i++) {
            for (int j = i + 1; j < drawn.size(); j++) {
                Bounds a = drawn.get(i);
                Bounds b = drawn.get(j);
                if (a.getMinX() < b.getMaxX() && b.getMinX() < a.getMaxX() && a.getMinY() < b.getMaxY() && b.getMinY() < a.getMaxY()) {
                    out.add(sample + ": " + names.get(i) + " over " + names.get(j));
                }
            }
        }
        return out;
    }
}
