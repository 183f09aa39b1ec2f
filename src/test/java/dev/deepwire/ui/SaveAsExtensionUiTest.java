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
}
