package dev.deepwire.ui.editor;

import dev.deepwire.model.Graph;
import dev.deepwire.model.GroupNodesCommand;
import dev.deepwire.model.Note;
import dev.deepwire.model.NoteCommand;
import dev.deepwire.model.NodeGroup;
import dev.deepwire.model.SetGroupCollapsedCommand;
import dev.deepwire.model.UngroupCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The editor's edits of what sits on the canvas beside the blocks: text notes and groups of blocks (undoable). */
final class NoteAndGroupEdits {
    private final EditorViewModel vm;

    NoteAndGroupEdits(EditorViewModel vm) {
        this.vm = vm;
    }

    private Graph graph() {
        return vm.graph();
    }

    String addNote(String text, double x, double y) {
        String id = graph().freshId("note");
        vm.history().execute(NoteCommand.add(new Note(id, text, x, y)));
        return id;
    }

    void editNote(String id, String text) {
        graph().note(id).filter(n -> !n.text().equals(text))
                .ifPresent(n -> vm.history().execute(NoteCommand.change(n, n.withText(text))));
    }

    void moveNote(String id, double x, double y) {
        graph().note(id).filter(n -> n.x() != x || n.y() != y)
                .ifPresent(n -> vm.history().execute(NoteCommand.change(n, n.at(x, y))));
    }

    void removeNote(String id) {
        graph().note(id).ifPresent(n -> vm.history().execute(NoteCommand.remove(n)));
    }

    Optional<String> groupSelection(String label) {
        if (vm.refuseWhileLocked()) {
            return Optional.empty();
        }
        List<String> free = vm.selection().stream().filter(id -> graph().groupOf(id).isEmpty()).toList();
        if (free.size() < 2) {
            vm.messageProperty().set("Select two or more blocks that are not in a group yet, then group them");
            return Optional.empty();
        }
        String id = graph().freshId("group");
        vm.history().execute(new GroupNodesCommand(
                new NodeGroup(id, label == null || label.isBlank() ? "Group" : label, Set.copyOf(free), false)));
        return Optional.of(id);
    }

    void ungroup(String groupId) {
        if (vm.refuseWhileLocked()) {
            return;
        }
        vm.history().execute(new UngroupCommand(groupId));
    }

    void toggleCollapsed(String groupId) {
        if (vm.refuseWhileLocked()) {
            return;
        }
        graph().group(groupId).ifPresent(g -> vm.history().execute(new SetGroupCollapsedCommand(groupId, !g.collapsed())));
    }

    List<String> selectedGroups() {
        Set<String> selection = vm.selection();
        return graph().groups().stream().filter(g -> g.members().stream().anyMatch(selection::contains))
                .map(NodeGroup::id).toList();
    }
}
