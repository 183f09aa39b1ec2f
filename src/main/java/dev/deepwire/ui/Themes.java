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
        PREFS.put("theme", theme);
    }
}
