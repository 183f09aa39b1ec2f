package dev.deepwire.io.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last projects opened or saved, newest first, kept in the user's preferences. */
public final class RecentFiles {
    public static final int MAX = 8;
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("dev/deepwire/recent"));
    }

    /** Files that still exist, newest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = prefs.get("file" + i, null);
            if (p != null && Files.isRegularFile(Path.of(p))) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(list());
        files.remove(abs);
        files.add(0, abs);
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                prefs.put("file" + i, files.get(i).toString());
            } else {
                prefs.remove("file" + i);
            }
        }
    }
}
