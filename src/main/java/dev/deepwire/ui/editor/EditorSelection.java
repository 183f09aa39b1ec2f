package dev.deepwire.ui.editor;

import dev.deepwire.model.Graph;
import dev.deepwire.model.NodeGroup;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * What is selected on the canvas: blocks, and the notes Select All or the band takes beside them (Delete, Copy and a
 * drag act on both). Picking blocks — a click, a paste — drops the notes taken before (the band adds its notes after
 * its blocks).
 */
final class EditorSelection {
    private final Supplier<Graph> graph;
    private final ObservableSet<String> blocks = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> notes = FXCollections.observableSet(new LinkedHashSet<>());
    private boolean selectingAll;

    EditorSelection(Supplier<Graph> graph) {
        this.graph = graph;
        blocks.addListener((SetChangeListener<String>) c -> {
            if (!selectingAll) {
                notes.clear();
            }
        });
    }

    ObservableSet<String> blocks() {
        return blocks;
    }

    ObservableSet<String> notes() {
        return notes;
    }

    /** Every block and every note (notes had been left out: Delete and Copy then missed them). */
    void all() {
        selectingAll = true;
        try {
            blocks.clear();
            graph.get().nodes().forEach(n -> blocks.add(n.id()));
            graph.get().notes().forEach(n -> notes.add(n.id()));
        } finally {
            selectingAll = false;
        }
    }

    /** Nothing selected: no block, no note. */
    void clear() {
        blocks.clear();
        notes.clear();
    }

    /** After an edit: what no longer exists, or was just hidden ({@link #keepVisible}), is no longer selected. */
    void keepExisting() {
        blocks.removeIf(id -> !graph.get().contains(id));
        notes.removeIf(id -> graph.get().note(id).isEmpty());
        keepVisible();
    }

    private Set<String> collapsedBefore = Set.of();

    /**
     * The selection follows what is shown: a group just collapsed (Collapse, an Undo, a Redo) keeps its blocks selected
     * only when all of them were — the box itself is then what is selected; otherwise they leave the selection. Some
     * blocks of a group had stayed selected hidden in its box ("3 blocks selected", Delete removing what no one saw).
     */
    private void keepVisible() {
        Set<String> collapsed = new HashSet<>();
        for (NodeGroup g : graph.get().groups()) {
            if (g.collapsed()) {
                collapsed.add(g.id());
                if (!collapsedBefore.contains(g.id()) && !blocks.containsAll(g.members())) {
                    selectingAll = true; // the notes picked beside them stay
                    try {
                        blocks.removeAll(g.members());
                    } finally {
                        selectingAll = false;
                    }
                }
            }
        }
        collapsedBefore = collapsed;
    }

    /** The collapsed groups whose blocks are all selected: their boxes are what the selection shows. */
    java.util.List<NodeGroup> wholeCollapsedGroups() {
        return graph.get().groups().stream().filter(g -> g.collapsed() && !g.members().isEmpty()
                && blocks.containsAll(g.members())).toList();
    }

    void select(String nodeId, boolean add) {
        if (!add) {
            blocks.clear();
        }
        blocks.add(nodeId);
    }

    Set<String> blockIds() {
        return Set.copyOf(blocks);
    }
}
