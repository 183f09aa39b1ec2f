package dev.deepwire.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A named group of blocks made from a selection, drawn as a frame or, collapsed, as one box. Purely
 * visual: the compiler never reads groups.
 */
public record NodeGroup(String id, String label, Set<String> members, boolean collapsed) {
    public NodeGroup {
        Objects.requireNonNull(id, "id");
        label = label == null || label.isBlank() ? id : label;
        members = Collections.unmodifiableSet(new LinkedHashSet<>(members));
    }

    public NodeGroup withCollapsed(boolean c) {
        return new NodeGroup(id, label, members, c);
    }
}
