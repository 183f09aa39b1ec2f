package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.limits.ShownName;
import dev.deepwire.model.Project;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A project named with 5,000 characters, a U+202E and a newline (a hostile or pasted file): every place that names
 * it shows it by one rule ({@link ShownName#line}) — on one line, its controls as visible escapes, at most
 * {@value ShownName#MOST} characters. It had been shown whole (a title of 5,000 characters), reversed by the
 * U+202E, or split by the newline in the window's title, the dock's "Ready to train …" and the inspector's heading.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectNamesUiTest {
    private static final String NAME = "lesson\u202e" + "x".repeat(5_000) + "\nsecond line";
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        p.setName(NAME);
        h = new WorkbenchHarness(stage, p, 1024, 700);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private static void shownByTheRule(String text, String where) {
        assertThat(text).as(where).doesNotContain("\n").doesNotContain("\u202e").contains("lesson\\u202exxx")
                .doesNotContain("x".repeat(ShownName.MOST + 1)).hasSizeLessThan(ShownName.MOST + 100);
    }

    @Test
    void theTitleTheDockAndTheInspectorShowALongHostileNameBounded(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        shownByTheRule(WaitForAsyncUtils.asyncFx(h.stage::getTitle).get(), "the window's title");
        Label dock = robot.lookup("#train-status").queryAs(Label.class);
        String ready = WaitForAsyncUtils.asyncFx(dock::getText).get();
        assertThat(ready).startsWith("Ready to train ");
        shownByTheRule(ready, "the dock's line");
        robot.interact(() -> h.vm.clearSelection());
        Label about = robot.lookup("#project-about").queryAs(Label.class);
        shownByTheRule(WaitForAsyncUtils.asyncFx(about::getText).get(), "the inspector's heading");
        assertThat(h.vm.project().name()).as("the name itself kept whole").isEqualTo(NAME);
    }

    /** The tooltip over the inspector's "About …" once the pointer has rested on it, or null where it has none. */
    private static String aboutTooltip(FxRobot robot) throws Exception {
        Label about = robot.lookup("#project-about").queryAs(Label.class);
        robot.moveTo(about);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            Object tip = about.getProperties().get("javafx.scene.control.Tooltip");
            return tip == null ? null : ((javafx.scene.control.Tooltip) tip).getText();
        }).get();
    }

    /**
     * The whole name is offered on hover where the heading cut it, saying how many characters the name has; a name
     * only escaped (shown whole) gets no tooltip repeating it. The tooltip had been shown for any name the heading
     * escaped, and its count was of the escaped text (six for each control).
     */
    @Test
    void theHeadingOffersTheWholeNameOnlyWhereItCutIt(FxRobot robot) throws Exception {
        robot.interact(() -> h.vm.clearSelection());
        assertThat(aboutTooltip(robot)).as("a cut name, whole on hover").startsWith("lesson\\u202exxx")
                .endsWith("(5,019 characters)");
        robot.interact(() -> {
            h.vm.project().setName("evil\u202egnp.exe");
            h.vm.selectAll();
            h.vm.clearSelection();
        });
        robot.moveTo("#train-status"); // off the heading, so resting on it again is a new hover
        Label about = robot.lookup("#project-about").queryAs(Label.class);
        assertThat(WaitForAsyncUtils.asyncFx(about::getText).get()).isEqualTo("About evil\\u202egnp.exe");
        assertThat(aboutTooltip(robot)).as("an escaped name shown whole: no tooltip").isNull();
    }
}
