package dev.deepwire.data;

import dev.deepwire.limits.VisibleText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a triples file that loads may still have wrong, each said once with the line of its first case, how many more
 * there are and the fix: a validation or test triple that is also a training triple (its rank measures memory, not
 * prediction), an entity or relation that no training triple holds (its embedding never trained: ranking it is a
 * guess), and a line repeated within its split (it counts twice). They had been read without a word: a file whose test
 * split copied its training split scored near-perfect. A self-loop ({@code a r a}) is a triple like any other.
 */
final class TripleWarnings {
    private TripleWarnings() {
    }

    /** {@code rows}: head, relation, tail, split, as read; {@code lines}: each row's line in the file. */
    static List<String> of(String file, List<String[]> rows, List<Integer> lines) {
        Map<String, Integer> trainLine = new HashMap<>();
        Set<String> trained = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            if (r[3].equals("train")) {
                trainLine.putIfAbsent(key(r), lines.get(i));
                trained.add("e" + r[0]);
                trained.add("e" + r[2]);
                trained.add("r" + r[1]);
            }
        }
        Case leaked = new Case();
        Case unseen = new Case();
        Case repeated = new Case();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            int line = lines.get(i);
            Integer first = seen.putIfAbsent(key(r) + "\t" + r[3], line);
            if (first != null) {
                repeated.add("line " + line + " repeats line " + first + " (" + shown(r) + ", " + r[3] + ")");
                continue;
            }
            if (r[3].equals("train")) {
                continue;
            }
            Integer inTraining = trainLine.get(key(r));
            if (inTraining != null) {
                leaked.add("line " + line + ": the " + r[3] + " triple " + shown(r) + " is also a training triple "
                        + "(line " + inTraining + ")");
            }
            String missing = !trained.contains("e" + r[0]) ? "entity '" + VisibleText.of(r[0]) + "'"
                    : !trained.contains("e" + r[2]) ? "entity '" + VisibleText.of(r[2]) + "'"
                    : !trained.contains("r" + r[1]) ? "relation '" + VisibleText.of(r[1]) + "'" : null;
            if (missing != null) {
                unseen.add("line " + line + ": the " + r[3] + " triple's " + missing + " is in no training triple");
            }
        }
        List<String> warnings = new ArrayList<>();
        leaked.say(warnings, file, "so its score measures memory, not prediction; keep each triple in one split");
        unseen.say(warnings, file, "so its embedding is never trained and ranking it is a guess; add a training triple "
                + "with it, or remove the line");
        repeated.say(warnings, file, "so it counts more than once; remove the repeats");
        return warnings;
    }

    private static String key(String[] r) {
        return r[0] + "\t" + r[1] + "\t" + r[2];
    }

    private static String shown(String[] r) {
        return "'" + VisibleText.of(r[0] + " " + r[1] + " " + r[2]) + "'";
    }

    /** The first case of one kind, and how many there are. */
    private static final class Case {
        private String first;
        private int count;

        void add(String what) {
            if (count++ == 0) {
                first = what;
            }
        }

        void say(List<String> warnings, String file, String why) {
            if (count > 0) {
                warnings.add(file + " " + first + (count > 1 ? String.format(" (and %,d more lines like it)", count - 1)
                        : "") + ", " + why);
            }
        }
    }
}
