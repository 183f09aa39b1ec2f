package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Note;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fit view shows every block and every note whole, on every sample, at a projector's 1024 × 700: the lowest note had
 * been cut at the canvas's foot — the frame was measured with the notes at the size they had before the zoom changed,
 * and a note's text grows when zoomed out.
 */
@ExtendWith(ApplicationExtension.class)
class FitViewWholeUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    /** Every sample in sample-projects/. */
    static List<Path> samples() throws Exception {
        try (var files = Files.list(Path.of("sample-projects"))) {
            return files.filter(p -> p.toString().endsWith(".dwproj")).sorted().toList();
        }
    }

    @Test
    void fitViewShowsEveryBlockAndEveryNoteWholeOnEverySample(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        for (Path sample : samples()) {
            var project = new ProjectReader().read(sample);
            robot.interact(() -> h.vm.setProject(project));
            WaitForAsyncUtils.waitForFxEvents();
            for (int twice = 0; twice < 2; twice++) { // a second Fit view from the fitted view (notes already grown)
                robot.interact(() -> h.window.canvas().fitView());
                WaitForAsyncUtils.waitForFxEvents();
                cut.addAll(WaitForAsyncUtils.asyncFx(() -> outside(sample.getFileName().toString())).get());
            }
        }
        assertThat(cut).as("blocks or notes not whole in view after Fit view").isEmpty();
    }

    /** What is drawn outside the canvas now (each named with where it is and where the canvas is). */
    private List<String> outside(String sample) {
        var canvas = h.window.canvas();
        Bounds view = canvas.localToScene(canvas.getLayoutBounds());
        List<String> out = new ArrayList<>();
        for (Note n : h.vm.graph().notes()) {
            Bounds b = canvas.noteBoundsInScene(n.id());
            if (!inside(view, b)) {
                out.add(sample + " note " + n.id() + " " + b + " outside " + view);
            }
            javafx.scene.control.Label text = (javafx.scene.control.Label) canvas.lookup("#note-" + n.id()).lookup(".note-text");
            String drawn = ((javafx.scene.text.Text) text.lookup(".text")).getText();
            if (!drawn.replaceAll("\\s+", " ").strip().equals(text.getText().replaceAll("\\s+", " ").strip())) {
                out.add(sample + " note " + n.id() + " cut: '" + drawn + "'");
            }
        }
        for (var n : h.vm.graph().nodes()) {
            Bounds b = canvas.nodeBoundsInScene(n.id());
            if (!inside(view, b)) {
                out.add(sample + " block " + n.id() + " " + b + " outside " + view);
            }
        }
        return out;
    }

    private static boolean inside(Bounds view, Bounds b) {
        return b.getMinX() >= view.getMinX() - 0.5 && b.getMinY() >= view.getMinY() - 0.5
                && b.getMaxX() <= view.getMaxX() + 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
    }
}
