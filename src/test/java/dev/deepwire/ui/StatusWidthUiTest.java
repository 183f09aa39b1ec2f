package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At a projector's 1024 × 700 the status bar's message (what Undo just undid) is shown whole: the counts and the
 * backend gave way no sooner than it did, so "Undo Group 'The first residual stage …'" was cut to a third of the bar.
 */
@ExtendWith(ApplicationExtension.class)
class StatusWidthUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    /** The words the label draws (with "…" where it is cut). */
    private static String drawn(Label label) {
        return ((Text) label.lookup(".text")).getText();
    }

    @Test
    void aMessageQuotingAHostileFileNameStaysOneLineReadLeftToRight(FxRobot robot) {
        // as "Not saved: …" quotes the path of a file named with a line break and a U+202E (tried in the real window)
        Label status = robot.lookup("#status-message").queryAs(Label.class);
        double oneLine = status.getHeight();
        robot.interact(() -> h.vm.messageProperty().set("Not saved: cannot write /tmp/lesson \u202Eevil\nline.dwproj: read-only"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).isEqualTo("Not saved: cannot write /tmp/lesson \\u202eevil\\u000aline.dwproj: read-only");
        assertThat(status.getHeight()).as("the bar keeps its height").isEqualTo(oneLine);
    }

    @Test
    void theUndoMessageIsWholeBeforeTheCountsAreWhole(FxRobot robot) {
        robot.interact(() -> {
            h.vm.select("res1", false);
            h.vm.select("norm1", true);
            h.vm.groupSelection("The first residual stage with its layer norm, as in the lecture's second slide");
        });
        robot.interact(() -> h.vm.undo());
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#status-message").queryAs(Label.class);
        assertThat(status.getText()).startsWith("Undid: ").contains("The first residual stage");
        assertThat(drawn(status)).as("the message as drawn, %s px wide in a %s px window", status.getWidth(),
                status.getScene().getWidth()).isEqualTo(status.getText());
        Label summary = robot.lookup("#status-summary").queryAs(Label.class);
        assertThat(drawn(summary)).as("the counts give way first: to their short form, whole")
                .isEqualTo(summary.getText()).isEqualTo("11 blocks · no problems");
        assertThat(summary.getTooltip().getText()).as("the whole summary on hover").contains("parameters");
        javafx.scene.layout.HBox bar = (javafx.scene.layout.HBox) status.getParent();
        assertThat(summary.getBoundsInParent().getMaxX()).as("the counts within the bar").isLessThanOrEqualTo(bar.getWidth());
    }

    @Test
    void theCountsAreWholeBeforeTheBackendIsBesideTheDefaultSamplesMessage(FxRobot robot) {
        robot.interact(() -> h.window.files().sampleOpened()); // "Opened the sample marker — Save asks where …"
        robot.interact(() -> h.window.showBackend("CPU (AVX2, 2 threads, OPENBLAS)"));
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#status-message").queryAs(Label.class);
        Label summary = robot.lookup("#status-summary").queryAs(Label.class);
        Label backend = robot.lookup("#status-backend").queryAs(Label.class);
        assertThat(status.getText()).startsWith("Opened the sample");
        assertThat(drawn(status)).isEqualTo(status.getText());
        assertThat(drawn(summary)).as("'… parameters · no problems' whole: whether Train will start")
                .isEqualTo(summary.getText()).endsWith("no problems");
        assertThat(drawn(backend)).as("the CPU's name gives way").isNotEqualTo(backend.getText());
    }

    /**
     * A finished run's line names its folder ("Finished (the 1 epoch done): validation accuracy 10.7 % · run saved in
     * /…/runs/marker-…"): at 1024 × 700 it had widened the whole window's content past the window, the block inspector
     * pushed out of sight and the dock's third chart cut, until the message changed. The bar now keeps to the window,
     * and the counts beside the line say whether Train will start: the message had taken all but "11 b…" of them.
     */
    @Test
    void aRunsLastLineNeverWidensTheWindow(FxRobot robot) {
        // as a run's end now names its folder: from the project's folder (the whole path had been 40 characters more)
        String finished = "Run saved in runs/marker-20261207-073806 · Finished: validation accuracy 10.7 % (the 1 epoch done)";
        robot.interact(() -> h.window.showBackend("CPU (AVX2, 2 threads, OPENBLAS)"));
        robot.interact(() -> h.vm.messageProperty().set(finished)); // as StatusMessages passes a run's last line on
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#status-message").queryAs(Label.class);
        // the layout passes of a run's charts and dock: each had widened the bar (and the window's content) a little
        for (int pass = 0; pass < 40; pass++) {
            robot.interact(() -> {
                h.window.root().requestLayout();
                h.window.root().layout();
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        double scene = status.getScene().getWidth();
        javafx.scene.Parent root = status.getScene().getRoot();
        assertThat(root.getLayoutBounds().getWidth()).as("the window's content, in a %s px window", scene)
                .isLessThanOrEqualTo(scene);
        javafx.scene.layout.HBox bar = (javafx.scene.layout.HBox) status.getParent();
        assertThat(bar.getWidth()).as("the status bar").isLessThanOrEqualTo(scene);
        assertThat(h.window.root().getCenter().getLayoutBounds().getWidth()).as("the editor and dock")
                .isLessThanOrEqualTo(scene);
        Label summary = robot.lookup("#status-summary").queryAs(Label.class);
        assertThat(drawn(status)).as("the message whole (%s px of %s), the counts cut (%s px)", status.getWidth(), bar.getWidth(),
                summary.getWidth()).isEqualTo(finished);
        assertThat(drawn(summary)).as("the counts in their short form, whole").isEqualTo(summary.getText())
                .isEqualTo("11 blocks · no problems");
    }
}
