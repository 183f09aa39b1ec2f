package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Save As and the exports write the name typed in the file dialog with its extension once: typed with the
 * extension (in any case), without it, or doubled by the native dialog.
 */
@ExtendWith(ApplicationExtension.class)
class SaveAsExtensionUiTest {
    private WorkbenchHarness h;
    private final List<String> offered = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1280, 800);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private void answer(Path typed) {
        h.window.files().setAskSave((chooser, owner) -> {
            offered.add(chooser.getInitialFileName());
            return typed.toFile();
        });
    }

    @Test
    void saveAsWritesTheTypedNameWithItsExtensionOnce(FxRobot robot) throws Exception {
        Path lesson = h.dir.resolve("x").resolve("lesson.dwproj");
        Files.createDirectories(lesson.getParent());
        answer(lesson);
        robot.clickOn("File").clickOn("Save As…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.isRegularFile(lesson)).isTrue();
        assertThat(Files.exists(lesson.resolveSibling("lesson.dwproj.dwproj"))).isFalse();
        assertThat(h.vm.project().name()).isEqualTo("lesson");
        assertThat(h.stage.getTitle()).isEqualTo("lesson.dwproj — DeepWire");

        answer(lesson.resolveSibling("Second.DWPROJ.dwproj"));
        robot.clickOn("File").clickOn("Save As…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(offered).contains("lesson.dwproj");
        try (var names = Files.list(lesson.getParent())) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("lesson.dwproj", "Second.DWPROJ");
        }
        assertThat(h.vm.project().name()).isEqualTo("Second");

        answer(lesson.resolveSibling("third"));
        robot.clickOn("File").clickOn("Save As…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lesson.resolveSibling("third.dwproj")).isRegularFile();
        assertThat(h.vm.project().name()).isEqualTo("third");
    }

    @Test
    void theNameOfferedIsAUsableFileNameWhateverTheProjectIsCalled(FxRobot robot) throws Exception {
        String name = "lesson\nof \u202Eday two " + "x".repeat(5_000);
        robot.interact(() -> h.vm.project().setName(name));
        answer(h.dir.resolve("out").resolve("ignored"));
        Files.createDirectories(h.dir.resolve("out"));
        robot.clickOn("File").clickOn("Export Graph as SVG…"); // first: Save As names the project after its file
        robot.clickOn("File").clickOn("Save As…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(offered).hasSize(2).allSatisfy(f -> {
            assertThat(f).startsWith("lessonof day two xxx").doesNotContain("\n").doesNotContain("\u202E");
            assertThat(f.length()).isLessThan(80);
        });
    }

    @Test
    void exportsAddTheirExtensionOnlyWhenMissing(FxRobot robot) throws Exception {
        Path out = h.dir.resolve("out");
        Files.createDirectories(out);
        answer(out.resolve("graph.svg"));
        robot.clickOn("File").clickOn("Export Graph as SVG…");
        answer(out.resolve("graph"));
        robot.clickOn("File").clickOn("Export Graph as PNG…");
        answer(out.resolve("net.json.json"));
        robot.clickOn("File").clickOn("Export as DL4J Configuration JSON…");
        answer(out.resolve("Net.JAVA"));
        robot.clickOn("File").clickOn("Export as Java Source…");
        WaitForAsyncUtils.waitForFxEvents();
        try (var names = Files.list(out)) {
            assertThat(names.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("graph.svg", "graph.png", "net.json", "Net.JAVA");
        }
        assertThat(new File(out.toFile(), "Net.JAVA").length()).isPositive();
    }

    @Test
    void javaSourceIsNeverWrittenUnderAFileNameItsClassCannotHave(FxRobot robot) throws Exception {
        // a public class lives in a file of its own name: "Marker lesson network.java" held class MarkerNetwork, which
        // javac refuses; now the export is refused, naming a file name that works
        Path out = Files.createDirectories(h.dir.resolve("java"));
        answer(out.resolve("Marker lesson network.java"));
        robot.clickOn("File").clickOn("Export as Java Source…");
        WaitForAsyncUtils.waitForFxEvents();
        var pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(pane.getContentText()).contains("Java names a public class after its file")
                .contains("choose a file name such as MarkerLessonNetwork.java");
        robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        try (var names = Files.list(out)) {
            assertThat(names).as("nothing written").isEmpty();
        }
        answer(out.resolve("MarkerLessonNetwork.java"));
        robot.clickOn("File").clickOn("Export as Java Source…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(out.resolve("MarkerLessonNetwork.java"))).contains("public final class MarkerLessonNetwork {");
        assertThat(ProjectExports.javaName("marker lesson network")).isEqualTo("MarkerLessonNetwork");
        assertThat(ProjectExports.javaName("2 heads")).isNull();
    }
}
