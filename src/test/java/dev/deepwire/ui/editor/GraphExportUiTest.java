package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The exported picture of the graph is the same whatever is selected on the canvas. */
@ExtendWith(ApplicationExtension.class)
class GraphExportUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        vm = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        stage.setScene(new Scene(canvas, 1000, 700));
        stage.show();
    }

    private static boolean samePixels(WritableImage a, WritableImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void theExportedPictureHasNoSelectionHighlight(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] plain = new WritableImage[1];
        robot.interact(() -> plain[0] = canvas.snapshotGraph());
        String first = vm.graph().nodes().get(0).id();
        robot.clickOn(canvas.nodeView(first));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selection()).containsExactly(first);
        WritableImage[] selected = new WritableImage[1];
        robot.interact(() -> selected[0] = canvas.snapshotGraph());
        assertThat(samePixels(plain[0], selected[0])).as("same picture with a block selected").isTrue();
        assertThat(vm.selection()).containsExactly(first); // the canvas still shows it selected
    }

    @Test
    void theExportedPictureShowsEveryBlockAtFullDetailWhateverTheZoom(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> canvas.zoomAt(1 / canvas.zoom(), 0, 0));
        WritableImage[] close = new WritableImage[1];
        robot.interact(() -> close[0] = canvas.snapshotGraph());
        robot.interact(() -> canvas.zoomAt(0.4 / canvas.zoom(), 0, 0)); // zoomed out: titles alone on the canvas
        String first = vm.graph().nodes().get(0).id();
        assertThat(canvas.nodeView(first).showsDetail()).isFalse();
        WritableImage[] far = new WritableImage[1];
        robot.interact(() -> far[0] = canvas.snapshotGraph());
        assertThat(samePixels(close[0], far[0])).as("the same picture zoomed out as at zoom 1").isTrue();
        assertThat(canvas.nodeView(first).showsDetail()).as("the canvas still zoomed out").isFalse();
    }

    @Test
    void aPictureExportedInStepModeIsTheDrawingsSizeNotTheDimmingsEightThousandPixels(FxRobot robot) {
        // Seen in the real window: Export Graph as PNG in step mode wrote 9287 x 8568 pixels with the graph a speck in
        // the middle: the dimming behind step mode reaches 4000 px past the drawing, and it was pictured too.
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] plain = new WritableImage[1];
        robot.interact(() -> plain[0] = canvas.snapshotGraph());
        var step = new dev.deepwire.inspect.walk.Step(0, "tokens", "Tokens", "token_input", "x", java.util.List.of(),
                java.util.List.of(), java.util.List.of(), null, null, null);
        var walk = new dev.deepwire.inspect.walk.Walkthrough("marker", "validation example 0", 0, 0, java.util.List.of(step), null);
        robot.interact(() -> canvas.stepOverlay().show(walk, 0, null));
        WritableImage[] stepping = new WritableImage[1];
        robot.interact(() -> stepping[0] = canvas.snapshotGraph());
        assertThat(stepping[0].getWidth()).as("as wide as the drawing").isLessThanOrEqualTo(plain[0].getWidth() + 40);
        assertThat(stepping[0].getHeight()).as("as tall as the drawing").isLessThanOrEqualTo(plain[0].getHeight() + 40);
        assertThat(canvas.stepOverlay().active()).as("step mode goes on").isTrue();
    }
}
