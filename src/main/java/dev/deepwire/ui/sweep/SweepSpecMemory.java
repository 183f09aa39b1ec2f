package dev.deepwire.ui.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.beans.Observable;

/**
 * The Sweep… window's spec as typed — each row's setting and values, seeds, runs at once, the step limit — remembered
 * per project file in the user's preferences, so a sweep set up, the window quit and the project opened again comes
 * back as it was typed (it had lived only as long as the window).
 *
 * <p>Kept beside the project rather than in it: a sweep is a plan of runs to try, not part of the network or its
 * training — planning one is no edit (nothing on the undo history, the project not marked changed), and a project
 * handed to students does not carry the plans its author tried. An unsaved project's spec lives with its window.
 */
public final class SweepSpecMemory {
    /** The most project files whose spec is remembered; the longest unused is forgotten first. */
    static final int MOST_FILES = 100;
    /** The most parts of 8,192 characters (a preference's most) one spec is remembered in: 64 K characters. */
    static final int MOST_PARTS = 8;
    /** The longest spec remembered, in characters of its JSON; a longer one is said not to be, at once. */
    static final int MOST_CHARS = MOST_PARTS * Preferences.MAX_VALUE_LENGTH;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Preferences prefs;

    public SweepSpecMemory(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's memory of specs. */
    public static SweepSpecMemory user() {
        return new SweepSpecMemory(Preferences.userRoot().node("dev/deepwire/sweep"));
    }

    /**
     * Puts the spec remembered for the project's file (if any) into {@code vm}, then remembers every change of it
     * for the file the project has at that moment (none while it is unsaved).
     */
    void keep(SweepViewModel vm, Supplier<Path> file) {
        Path at = file.get();
        if (at != null) {
            recall(vm, at);
        }
        Runnable remember = () -> {
            Path now = file.get();
            if (now != null) {
                remember(vm, now);
            }
        };
        vm.params().addListener((Observable o) -> remember.run());
        vm.seedsProperty().addListener(o -> remember.run());
        vm.parallelProperty().addListener(o -> remember.run());
        vm.maxStepsProperty().addListener(o -> remember.run());
    }

    private void recall(SweepViewModel vm, Path file) {
        String text = read(key(file));
        if (text == null) {
            return;
        }
        try {
            JsonNode kept = JSON.readTree(text);
            if (!file.toAbsolutePath().normalize().toString().equals(kept.path("file").asText())) {
                return; // another file's (the same digest: never in practice)
            }
            java.util.List<SweepViewModel.ParamRow> rows = new java.util.ArrayList<>();
            for (JsonNode r : kept.path("rows")) {
                SweepViewModel.ParamRow row = new SweepViewModel.ParamRow();
                row.keyProperty().set(r.path(0).asText(""));
                row.valuesProperty().set(r.path(1).asText(""));
                rows.add(row);
            }
            if (!rows.isEmpty()) {
                vm.params().setAll(rows);
            }
            vm.seedsProperty().set(Math.max(1, kept.path("seeds").asInt(1)));
            vm.parallelProperty().set(Math.max(1, kept.path("parallel").asInt(vm.parallelProperty().get())));
            vm.maxStepsProperty().set(Math.max(0, kept.path("maxSteps").asLong(0)));
        } catch (java.io.IOException e) {
            forget(key(file)); // damaged: the window opens with a fresh spec, as before one was kept
        }
    }

    private void remember(SweepViewModel vm, Path file) {
        ObjectNode kept = JSON.createObjectNode();
        kept.put("file", file.toAbsolutePath().normalize().toString());
        kept.put("at", System.currentTimeMillis());
        ArrayNode rows = kept.putArray("rows");
        vm.params().forEach(r -> rows.addArray().add(r.keyProperty().get()).add(r.valuesProperty().get()));
        kept.put("seeds", vm.seedsProperty().get());
        kept.put("parallel", vm.parallelProperty().get());
        kept.put("maxSteps", vm.maxStepsProperty().get() == null ? 0 : vm.maxStepsProperty().get());
        String text = kept.toString();
        String key = key(file);
        if (text.length() > MOST_CHARS) {
            // kept while the window lives, as an unsaved project's; an earlier, shorter spec must not come back instead
            forget(key);
            vm.memoryNoteProperty().set(String.format(java.util.Locale.ROOT, "This spec (%,d characters) is over the "
                    + "%,d a project's sweep spec may have to be remembered: it is kept while this window is open, and "
                    + "will not come back when the project is opened again", text.length(), MOST_CHARS));
            return;
        }
        vm.memoryNoteProperty().set("");
        // a preference holds at most 8,192 characters (a spec over that had not been remembered, without a word, and
        // the shorter spec remembered before it came back): the rest goes into numbered parts beside it
        int part = 0;
        for (int at = 0; at < text.length(); part++) {
            int end = Math.min(text.length(), at + Preferences.MAX_VALUE_LENGTH);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a character in two
            }
            prefs.put(part == 0 ? key : key + "." + part, text.substring(at, end));
            at = end;
        }
        for (; part <= MOST_PARTS; part++) {
            prefs.remove(key + "." + part); // parts of a longer spec remembered before
        }
        forgetOldest();
    }

    /** The spec remembered under {@code key}, its parts joined; null for none. */
    private String read(String key) {
        String first = prefs.get(key, null);
        if (first == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(first);
        for (int part = 1; part <= MOST_PARTS; part++) {
            String more = prefs.get(key + "." + part, null);
            if (more == null) {
                break;
            }
            text.append(more);
        }
        return text.toString();
    }

    /** Forgets the spec remembered under {@code key}, with its parts. */
    private void forget(String key) {
        prefs.remove(key);
        for (int part = 1; part <= MOST_PARTS; part++) {
            prefs.remove(key + "." + part);
        }
    }

    /** Keeps at most {@link #MOST_FILES} files' specs. */
    private void forgetOldest() {
        try {
            String[] keys = java.util.Arrays.stream(prefs.keys()).filter(k -> k.indexOf('.') < 0)
                    .toArray(String[]::new); // a spec's first part: its others go with it
            if (keys.length <= MOST_FILES) {
                return;
            }
            String oldest = null;
            long oldestAt = Long.MAX_VALUE;
            for (String k : keys) {
                long at;
                try {
                    at = JSON.readTree(java.util.Objects.requireNonNullElse(read(k), "{}")).path("at").asLong(0);
                } catch (java.io.IOException e) {
                    at = 0;
                }
                if (at < oldestAt) {
                    oldestAt = at;
                    oldest = k;
                }
            }
            forget(oldest);
        } catch (BackingStoreException e) {
            // the preferences cannot be listed: nothing is forgotten
        }
    }

    /** A preference's key for a file: its path's digest (a key is at most 80 characters, a path may be longer). */
    private static String key(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
