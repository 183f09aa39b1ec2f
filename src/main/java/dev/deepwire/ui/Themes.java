package dev.deepwire.ui;

import dev.deepwire.ui.theme.ThemeWatch;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** The dark and light themes; the choice is remembered for the next start. */
final class Themes {
    static final String DARK = "dark";
    static final String LIGHT = "light";
    private static final Preferences PREFS = Preferences.userRoot().node("dev/deepwire/ui");

    private Themes() {
    }

    static String saved() {
        return PREFS.get("theme", DARK);
    }

    static void apply(Scene scene, String theme) {
        scene.getStylesheets().setAll(Themes.class.getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
        if (LIGHT.equals(theme)) {
            scene.getStylesheets().add(Themes.class.getResource("/dev/deepwire/ui/workbench-light.css").toExternalForm());
        }
        ThemeWatch.mark(scene, LIGHT.equals(theme));
        PREFS.put("theme", theme);
    }

    /**
     * View ▸ Light Theme and Dark Theme as radio items: the one in use is marked (also when the theme was set
     * elsewhere, such as at start-up), and choosing one applies it to {@code root}'s window.
     */
    static List<MenuItem> menuItems(Parent root) {
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("_Light Theme");
        RadioMenuItem dark = new RadioMenuItem("_Dark Theme");
        light.setToggleGroup(group);
        dark.setToggleGroup(group);
        light.setOnAction(e -> apply(root.getScene(), LIGHT));
        dark.setOnAction(e -> apply(root.getScene(), DARK));
        ThemeWatch.watch(root, isLight -> (isLight ? light : dark).setSelected(true));
        return List.of(light, dark);
    }
}
