package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockType;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The block search of the palette and quick-add: every word of the query must occur in the block's label, id or
 * category ("self attention", "cross att", "norm layer"), in any order and case; a word also matches through its
 * common synonyms (mean, average, avg, pool, pooling; attention, attn; embed, lookup; dense, linear, fc; norm,
 * normalisation). When no block's name matches, every word must begin a word of the block's description instead.
 */
final class BlockSearch {
    /** Words people use for the same thing; a query word that begins one of a group may match any of them. */
    private static final List<List<String>> SYNONYMS = List.of(
            List.of("mean", "average", "avg", "pool", "pooling"),
            List.of("attention", "attn"),
            List.of("embed", "embedding", "lookup"),
            List.of("dense", "linear", "fc", "fully"),
            List.of("norm", "normalization", "normalisation", "normalize", "normalise"),
            List.of("concatenate", "concat", "join"),
            List.of("add", "sum", "residual"));

    private BlockSearch() {
    }

    /**
     * The blocks among {@code choices} that match {@code query}, in their order: those whose label, id or category
     * hold every word (or a synonym of it); only when none does, those whose description holds every word.
     */
    static List<BlockType> filter(Collection<BlockType> choices, String query) {
        List<String> words = words(query);
        List<BlockType> byName = choices.stream().filter(t -> inNames(t, words)).toList();
        return byName.isEmpty() && !words.isEmpty() ? choices.stream().filter(t -> inDescription(t, words)).toList() : byName;
    }

    /** The blocks among {@code choices} whose label, id or category hold every word of {@code query} (not their help). */
    static List<BlockType> byName(Collection<BlockType> choices, String query) {
        List<String> words = words(query);
        return words.isEmpty() ? List.of() : choices.stream().filter(t -> inNames(t, words)).toList();
    }

    private static List<String> words(String query) {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).trim().split("[\\s_]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static boolean inNames(BlockType t, List<String> words) {
        String names = names(t);
        return words.stream().allMatch(w -> forms(w).stream().anyMatch(names::contains));
    }

    private static boolean inDescription(BlockType t, List<String> words) {
        String names = names(t);
        List<String> help = Arrays.asList((t.help() == null ? "" : t.help()).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
        return words.stream().allMatch(w -> forms(w).stream().anyMatch(f -> names.contains(f) || help.stream().anyMatch(h -> h.startsWith(f))));
    }

    private static String names(BlockType t) {
        return (t.label() + " " + t.id() + " " + t.id().replace('_', ' ') + " " + t.category().label()).toLowerCase(Locale.ROOT);
    }

    /** The word and, where it begins a known synonym (at least three letters typed), that group's words. */
    private static List<String> forms(String word) {
        if (word.length() >= 3) {
            for (List<String> group : SYNONYMS) {
                if (group.stream().anyMatch(s -> s.startsWith(word))) {
                    return Stream.concat(Stream.of(word), group.stream()).toList();
                }
            }
        }
        return List.of(word);
    }

    /** What the palette and quick-add say when nothing matches. */
    static String noMatch(String query) {
        return "No block matches \u201c" + query.trim() + "\u201d";
    }

    /**
     * What the palette and quick-add say when nothing among {@code choices} matches: with a sentence typed ("attention
     * over the words"), the word of it that finds the most blocks alone by their names, and to leave out the others — "No block
     * matches" had been all it said.
     */
    static String noMatch(Collection<BlockType> choices, String query) {
        List<String> words = words(query);
        String best = null;
        int found = 0;
        for (String w : words.size() < 2 ? List.<String>of() : words) {
            int n = byName(choices, w).size(); // by name: "the" is in many blocks' help
            if (n > found) {
                best = w;
                found = n;
            }
        }
        return best == null ? noMatch(query) : "No block matches every word of \u201c" + query.trim() + "\u201d: \u201c"
                + best + "\u201d alone finds " + (found == 1 ? "1 block" : found + " blocks") + "; leave out the other words";
    }
}
