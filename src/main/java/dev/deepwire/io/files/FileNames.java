package dev.deepwire.io.files;

import java.nio.file.Path;
import java.util.Locale;

/** File names chosen in a save dialog: the extension is added once, whatever the dialog or the user typed. */
public final class FileNames {
    private FileNames() {
    }

    /**
     * {@code chosen} with the extension {@code ext} (without the dot) exactly once: appended when missing (compared
     * ignoring case, so "Lesson.DWPROJ" stays), and a doubled one ("lesson.dwproj.dwproj", as some native dialogs
     * return when the typed name already had it) written once.
     */
    public static Path withExtension(Path chosen, String ext) {
        String name = chosen.getFileName() == null ? "" : chosen.getFileName().toString();
        String dot = "." + ext.toLowerCase(Locale.ROOT);
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(dot)) {
            return chosen.resolveSibling(name + "." + ext);
        }
        while (lower.endsWith(dot + dot)) {
            name = name.substring(0, name.length() - dot.length());
            lower = lower.substring(0, lower.length() - dot.length());
        }
        return chosen.resolveSibling(name);
    }

    /** The name without the extension {@code ext} (ignoring case): "lesson.dwproj" → "lesson". */
    public static String stem(Path file, String ext) {
        String name = withExtension(file, ext).getFileName().toString();
        return name.substring(0, name.length() - ext.length() - 1);
    }
}
