package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockType;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.PortSpec;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Quick-add after a wire is dropped on empty canvas lists only the blocks that take the wire. When the search names a
 * block that does not ("dense" from a pooled image), this says why and which listed block can come between — "Dense
 * takes a vector, not this image: add Flatten first, then Dense after it" — instead of listing whatever block's help
 * happens to mention the word (it had offered Activation, and Enter added it).
 */
final class WireBridges {
    /** What to say, and the offered blocks that can come between (listed first, the first chosen). */
    record Hint(String text, List<BlockType> bridges) {
    }

    private WireBridges() {
    }

    /**
     * @param wanted  blocks the search names that do not take the wire (input blocks, which take nothing, are left out)
     * @param gives   what the wire carries
     * @param offered the blocks that take it
     */
    static Optional<Hint> of(List<BlockType> wanted, Set<PortKind> gives, Collection<BlockType> offered) {
        List<BlockType> named = wanted.stream().filter(t -> !t.inputs().isEmpty()).toList();
        if (named.isEmpty() || gives.isEmpty()) {
            return Optional.empty();
        }
        BlockType first = named.get(0);
        Set<PortKind> takes = first.inputs().stream().flatMap(p -> p.kinds().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        // a block between turns what the wire carries into what the named block takes (Flatten: an image into a
        // vector); one whose output can still be what the wire carries (Activation, Batch normalization) changes nothing
        List<BlockType> bridges = offered.stream().filter(b -> b.outputs().stream().map(PortSpec::kinds)
                .anyMatch(out -> out.stream().anyMatch(takes::contains) && out.stream().noneMatch(gives::contains))).toList();
        String what = first.label() + " takes " + kinds(takes, " or ") + ", not this " + kinds(gives, " or ").replaceFirst("^an? ", "");
        String text = bridges.isEmpty() ? what + "."
                : what + ": add " + bridges.get(0).label() + " first, then " + first.label() + " after it.";
        return Optional.of(new Hint(text, bridges));
    }

    private static String kinds(Set<PortKind> kinds, String joiner) {
        return kinds.stream().map(k -> (k == PortKind.IMAGE || k == PortKind.ID ? "an " : k == PortKind.TOKEN_IDS ? "" : "a ")
                + k.label()).collect(Collectors.joining(joiner));
    }
}
