package dev.deepwire.model;

import java.util.Objects;
import java.util.Set;

/**
 * A named port of a block type: the kinds it accepts (inputs) or produces (outputs).
 *
 * @param name     stable name used in project files ({@code in}, {@code out}, {@code a})
 * @param kinds    kinds accepted by an input, or the kinds an output may produce
 * @param required whether an input must be wired for the graph to be valid
 * @param help     one line shown on hover
 */
public record PortSpec(String name, Set<PortKind> kinds, boolean required, String help) {
    public PortSpec {
        Objects.requireNonNull(name, "name");
        kinds = Set.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("port " + name + " accepts no kind");
        }
    }

    public static PortSpec in(String name, String help, PortKind... kinds) {
        return new PortSpec(name, Set.of(kinds), true, help);
    }

    /** An input that may stay unwired. */
    public static PortSpec optional(String name, String help, PortKind... kinds) {
        return new PortSpec(name, Set.of(kinds), false, help);
    }

    public static PortSpec out(String name, String help, PortKind... kinds) {
        return new PortSpec(name, Set.of(kinds), false, help);
    }

    public boolean accepts(PortKind kind) {
        return kinds.contains(kind);
    }
}
