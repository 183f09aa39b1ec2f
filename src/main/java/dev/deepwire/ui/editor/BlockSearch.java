package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockType;
import java.util.Arrays;
import java.util.Locale;

/**
 * The block search of the palette and quick-add: every word of the query must occur in the block's label, id or
 * category ("self attention", "cross att", "norm layer"), in any order and case.
 */
final class BlockSearch {
    private BlockSearch() {
    }

    static boolean matches(BlockType t, String query) {
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("[\\s_]+");
        String haystack = (t.label() + " " + t.id() + " " + t.id().replace('_', ' ') + " " + t.category().label())
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(words).allMatch(w -> w.isEmpty() || haystack.contains(w));
    }

    /** What the palette and quick-add say when nothing matches. */
    static String noMatch(String query) {
        return "No block matches \u201c" + query.trim() + "\u201d";
    }
}
