package dev.deepwire.ui.editor;

import dev.deepwire.limits.MessageText;
import dev.deepwire.limits.ShownName;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words the workbench shows: blocks named by their labels (not ids such as {@code self_attention_1.in}), counts
 * with the right plural, and formulas without raw markup ({@code ℝ^{V×d}} shows as ℝ^(V×d), {@code x^{2}} as x²).
 */
public final class Words {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ";
    private static final String SUPER_FROM = "0123456789+-=()in";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜⱼᵢ";
    private static final String SUB_FROM = "0123456789+-=()aeoxhklmnpstji";
    private static final Pattern MARKUP = Pattern.compile("([\\^_])\\{([^{}]*)}");

    private Words() {
    }

    /** "1 block", "3 blocks". */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
    }

    /** "3 blocks", "2 notes", "3 blocks and 1 note" (what a selection holds). */
    public static String blocksAndNotes(long blocks, long notes) {
        return blocks == 0 ? count(notes, "note") : notes == 0 ? count(blocks, "block")
                : count(blocks, "block") + " and " + count(notes, "note");
    }

    /**
     * What is selected, as the inspector says it: a collapsed group wholly selected is named as the box it shows
     * ("group ‘Encoder’ (3 blocks)"), never as blocks no one sees.
     */
    public static String selection(long blocks, long notes, java.util.List<dev.deepwire.model.NodeGroup> boxes) {
        String text = selected(blocks, notes, boxes);
        return boxes.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** As {@link #selection}, to follow a verb ("Delete group ‘Encoder’ (3 blocks)"): not capitalised. */
    public static String selected(long blocks, long notes, java.util.List<dev.deepwire.model.NodeGroup> boxes) {
        if (boxes.isEmpty()) {
            return blocksAndNotes(blocks, notes);
        }
        long inside = boxes.stream().mapToLong(g -> g.members().size()).sum();
        java.util.List<String> parts = new java.util.ArrayList<>();
        parts.add(boxes.size() == 1 ? "group \u2018" + ShownName.of(boxes.get(0).label()) + "\u2019 (" + count(inside, "block") + ")"
                : count(boxes.size(), "group") + " (" + count(inside, "block") + ")");
        if (blocks > inside) {
            parts.add(count(blocks - inside, "block"));
        }
        if (notes > 0) {
            parts.add(count(notes, "note"));
        }
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /**
     * A message with each block id replaced by the block's label: {@code id.port} always (as “Label” port), a bare id
     * where it cannot be an ordinary word (it has a digit or an underscore, like {@code self_attention_1}).
     */
    public static String named(String message, Graph graph) {
        if (message == null || message.isEmpty()) {
            return message == null ? "" : message;
        }
        List<Node> nodes = graph.nodes().stream().sorted(Comparator.comparingInt((Node n) -> n.id().length()).reversed())
                .toList();
        String out = message;
        for (Node n : nodes) {
            if (n.label() == null || n.label().isBlank() || n.label().equals(n.id()) || !out.contains(n.id())) {
                continue;
            }
            String id = Pattern.quote(n.id());
            String label = Matcher.quoteReplacement("\u201c" + ShownName.of(n.label()) + "\u201d");
            String ports = ports(n);
            if (!ports.isEmpty()) { // only its own ports and parameters: "digits-caption.dwproj" is a file
                out = out.replaceAll("(?<![\\w.])" + id + "\\.(" + ports + ")(?![\\w])", label + " $1");
            }
            if (n.id().matches(".*[_0-9].*")) {
                out = out.replaceAll("(?<![\\w.\u201c])" + id + "(?![\\w])", label);
            }
        }
        // a name written into the message whole (an undo's "Delete …" made in the model) is shortened here
        return MessageText.shorten(out);
    }

    /** The block's port and parameter names as a regex alternation ("in|out|heads"), empty for an unknown type. */
    private static String ports(Node n) {
        return BlockCatalog.standard().find(n.type())
                .map(t -> Stream.concat(Stream.concat(t.inputs().stream(), t.outputs().stream()).map(p -> p.name()),
                        t.params().stream().map(p -> p.name())).map(Pattern::quote).collect(Collectors.joining("|")))
                .orElse("");
    }

    /** A formula as plain text: {@code ^{…}} and {@code _{…}} become super- or subscripts, or ^(…) and _(…). */
    public static String formula(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = MARKUP.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            boolean sup = m.group(1).equals("^");
            String inner = m.group(2);
            String mapped = map(inner, sup ? SUPER_FROM : SUB_FROM, sup ? SUPERSCRIPTS : SUBSCRIPTS);
            m.appendReplacement(b, Matcher.quoteReplacement(mapped != null ? mapped : m.group(1) + "(" + inner + ")"));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String map(String s, String from, String to) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            int i = from.indexOf(c);
            if (i < 0) {
                return null;
            }
            b.append(to.charAt(i));
        }
        return b.toString();
    }
}
