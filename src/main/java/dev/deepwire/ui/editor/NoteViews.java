package dev.deepwire.ui.editor;

import dev.deepwire.model.Graph;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javafx.scene.Group;

/**
 * The canvas's notes in step with the graph's: one view per note on the note layer, each as tall as the free space
 * below it allows when zoomed out ({@link NotePlacement#roomsBelow}), its text kept while being typed.
 */
final class NoteViews {
    private final EditorViewModel vm;
    private final Group layer;
    private final Consumer<NoteView> gestures;
    private final Map<String, NoteView> notes = new HashMap<>();

    NoteViews(EditorViewModel vm, Group layer, Consumer<NoteView> gestures) {
        this.vm = vm;
        this.layer = layer;
        this.gestures = gestures;
    }

    /**
     * Brings the notes' views up to date with {@code graph} at this detail {@code level}; {@code blockHeight} is how tall
     * each block is drawn (what a note's room below keeps clear of).
     */
    void sync(Graph graph, int level, ToDoubleFunction<String> blockHeight) {
        notes.keySet().removeIf(id -> {
            if (graph.note(id).isEmpty()) {
                layer.getChildren().remove(notes.get(id));
                return true;
            }
            return false;
        });
        for (var n : graph.notes()) {
            NoteView view = notes.get(n.id());
            if (view == null) {
                view = new NoteView(n, vm);
                gestures.accept(view);
                view.showZoom(level);
                view.setSelected(vm.selectedNotes().contains(n.id()));
                notes.put(n.id(), view);
                layer.getChildren().add(view);
            } else {
                view.update(n);
            }
        }
        NotePlacement.roomsBelow(graph, blockHeight).forEach((id, room) -> notes.get(id).setRoom(room));
    }

    void showZoom(int level) {
        notes.values().forEach(v -> v.showZoom(level));
    }

    void showSelection() {
        notes.forEach((id, v) -> v.setSelected(vm.selectedNotes().contains(id)));
    }

    /** Keeps what is being typed in any note (before Save and close). */
    void commitEdits() {
        List.copyOf(notes.values()).forEach(NoteView::commitEdit);
    }

    Collection<NoteView> all() {
        return notes.values();
    }

    NoteView get(String id) {
        return notes.get(id);
    }
}
