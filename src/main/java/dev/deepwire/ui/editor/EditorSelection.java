package dev.deepwire.ui.editor;

import dev.deepwire.model.Graph;
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

    /** After an edit: what no longer exists is no longer selected. */
    void keepExisting() {
        blocks.removeIf(id -> !graph.get().contains(id));
        notes.removeIf(id -> graph.get().note(id).isEmpty());
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
