package dev.deepwire.ui;

import java.util.prefs.Preferences;
import javafx.scene.Scene;

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
        dev.deepwire.ui.theme.ThemeWatch.mark(scene, LIGHT.equals(theme));
        PREFS.put("theme", theme);
    }

    /**
     * View ▸ Light Theme and Dark Theme as radio items: the one in use is marked (also when the theme was set
     * elsewhere, such as at start-up), and choosing one applies it to {@code root}'s window.
     */
    static java.util.List<javafx.scene.control.MenuItem> menuItems(javafx.scene.Parent root) {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioMenuItem light = new javafx.scene.control.RadioMenuItem("_Light Theme");
        javafx.scene.control.RadioMenuItem dark = new javafx.scene.control.RadioMenuItem("_Dark Theme");
        light.setToggleGroup(group);
        dark.setToggleGroup(group);
        light.setOnAction(e -> apply(root.getScene(), LIGHT));
        dark.setOnAction(e -> apply(root.getScene(), DARK));
        dev.deepwire.ui.theme.ThemeWatch.watch(root, isLight -> (isLight ? light : dark).setSelected(true));
        return java.util.List.of(light, dark);
    }
}
