package dev.deepwire.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The known name a mistyped one most likely meant ("trainig" → "training"), for messages. */
public final class SimilarNames {
    private SimilarNames() {
    }

    /** The closest of {@code known} to {@code name}, ignoring case, within a quarter of its length in edits (at least 1). */
    public static Optional<String> closest(String name, Collection<String> known) {
        String k = name.toLowerCase(Locale.ROOT);
        return known.stream().filter(m -> distance(k, m.toLowerCase(Locale.ROOT)) <= Math.max(1, m.length() / 4))
                .min(Comparator.comparingInt(m -> distance(k, m.toLowerCase(Locale.ROOT))));
    }

    /**
     * The line for a name DeepWire does not read: "{@code where}: not {@code what}, ignored (kept in the file)" and the
     * name it most likely meant — or, when none is close and {@code listedAs} is given ("its settings are"), the known
     * names after it.
     */
    public static String notRead(String where, String what, String name, Collection<String> known, String listedAs) {
        return where + ": not " + what + ", ignored (kept in the file)" + closest(name, known)
                .map(m -> "; did you mean \"" + m + "\"?")
                .orElse(listedAs == null ? "" : "; " + listedAs + " " + String.join(", ", known.stream().sorted().toList()));
    }

    /** Edit distance (insertions, deletions, substitutions) between two short names. */
    static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
