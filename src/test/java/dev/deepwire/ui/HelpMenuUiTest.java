package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.ui.editor.KeyMap;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Help ▸ Keyboard Shortcuts lists every key the window's menus and the editor's key map really have, and opens whole on
 * a 1024 × 700 screen; Help ▸ About DeepWire says the version, licence and libraries. There had been no Help menu.
 */
@ExtendWith(ApplicationExtension.class)
class HelpMenuUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    private MenuBar bar() {
        return (MenuBar) h.window.root().lookup(".menu-bar");
    }

    private MenuItem helpItem(String text) {
        Menu help = bar().getMenus().stream().filter(m -> m.getText().equals("_Help")).findFirst().orElseThrow();
        return help.getItems().stream().filter(m -> m.getText().equals(text)).findFirst().orElseThrow();
    }

    /** The accelerators of every item of every menu (hidden ones too), as the menus define them. */
    private static void accelerators(List<MenuItem> items, List<String> out) {
        for (MenuItem i : items) {
            if (i instanceof Menu m) {
                accelerators(m.getItems(), out);
            } else if (i.getAccelerator() != null) {
                out.add(i.getAccelerator().getDisplayText());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void keyboardShortcutsListTheRealKeysAndFitTheScreen(FxRobot robot) throws Exception {
        robot.interact(() -> helpItem("_Keyboard Shortcuts").fire());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<HelpMenu.Shortcut> table = robot.lookup("#help-shortcuts").queryAs(TableView.class);
        List<String> listed = WaitForAsyncUtils.asyncFx(() -> table.getItems().stream()
                .map(HelpMenu.Shortcut::keys).toList()).get();
        String all = String.join(" | ", listed);
        List<String> menuKeys = new ArrayList<>();
        robot.interact(() -> bar().getMenus().forEach(m -> accelerators(m.getItems(), menuKeys)));
        assertThat(menuKeys).as("the menus have keys").hasSizeGreaterThan(10);
        for (String k : menuKeys) {
            assertThat(listed.stream().anyMatch(l -> List.of(l.split("  or  ")).contains(k)))
                    .as("the menus' key " + k + " is listed: " + all).isTrue();
        }
        for (KeyMap.Action a : KeyMap.Action.values()) { // the canvas's own keys, with every key of each
            String keys = a.keys().get(a.keys().size() - 1).getDisplayText();
            assertThat(listed.stream().anyMatch(l -> List.of(l.split("  or  ")).contains(keys)))
                    .as(a + "'s key " + keys + " is listed").isTrue();
        }
        String save = WaitForAsyncUtils.asyncFx(() -> table.getItems().stream()
                .filter(s -> s.what().equals("Save")).map(s -> s.keys() + " in " + s.where()).findFirst().orElse("")).get();
        String saveKey = WaitForAsyncUtils.asyncFx(() -> bar().getMenus().get(0).getItems().stream()
                .filter(i -> "_Save".equals(i.getText())).findFirst().orElseThrow().getAccelerator().getDisplayText()).get();
        assertThat(save).isEqualTo(saveKey + " in File");
        Window dialog = WaitForAsyncUtils.asyncFx(() -> table.getScene().getWindow()).get();
        var screen = WaitForAsyncUtils.asyncFx(() -> Screen.getPrimary().getVisualBounds()).get();
        assertThat(dialog.getWidth()).as("as wide as a 1024 px screen allows").isLessThanOrEqualTo(Math.min(1024, screen.getWidth()));
        assertThat(dialog.getHeight()).as("as high as a 700 px screen allows").isLessThanOrEqualTo(Math.min(700, screen.getHeight()));
    }

    @Test
    void aboutSaysVersionLicenceAndLibraries(FxRobot robot) throws Exception {
        robot.interact(() -> helpItem("_About DeepWire").fire());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane about = robot.lookup("#help-about").queryAs(DialogPane.class);
        String text = WaitForAsyncUtils.asyncFx(about::getContentText).get();
        assertThat(text).contains("Version: ").contains("Apache License 2.0")
                .containsPattern("Deeplearning4j 1\\.\\d").containsPattern("ND4J 1\\.\\d").contains("Kernels: OpenBLAS")
                .doesNotContain("version unknown");
    }
}
