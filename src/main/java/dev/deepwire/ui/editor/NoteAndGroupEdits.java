package dev.deepwire.ui.editor;

import dev.deepwire.model.Command;
import dev.deepwire.model.CompoundCommand;
import dev.deepwire.model.Graph;
import dev.deepwire.model.MoveNodeCommand;
import dev.deepwire.model.Node;
import dev.deepwire.model.GroupNodesCommand;
import dev.deepwire.model.Note;
import dev.deepwire.model.NoteCommand;
import dev.deepwire.model.NodeGroup;
import dev.deepwire.model.SetGroupCollapsedCommand;
import dev.deepwire.model.UngroupCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

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
        graph().group(groupId).ifPresent(g -> {
            Command toggle = new SetGroupCollapsedCommand(groupId, !g.collapsed());
            if (!g.collapsed()) {
                vm.history().execute(toggle);
                return;
            }
            // Expanded, the group takes back its room: what was put there while it was collapsed (a note, a block) is
            // moved clear in the same step — a note added meanwhile had been covered by the group's blocks.
            List<Command> parts = new ArrayList<>(List.of(toggle));
            parts.addAll(clearOf(g));
            long notes = parts.stream().filter(c -> c instanceof NoteCommand).count();
            // "Expanded ‘Encoder’: moved 1 block out of its way", said with every step by the editor
            vm.history().execute(parts.size() == 1 ? toggle : new CompoundCommand("Expand \u2018"
                    + dev.deepwire.limits.ShownName.of(g.label()) + "\u2019: moved "
                    + Words.blocksAndNotes(parts.size() - 1 - notes, notes) + " out of its way", parts));
        });
    }

    /** The moves that take every note and ungrouped block out from under {@code group}'s blocks as drawn expanded. */
    private List<Command> clearOf(NodeGroup group) {
        Optional<Bounds> members = membersOf(group);
        if (members.isEmpty()) {
            return List.of();
        }
        Map<String, Bounds> movable = new LinkedHashMap<>();
        List<Bounds> fixed = new ArrayList<>();
        for (Node n : graph().nodes()) {
            if (graph().groupOf(n.id()).isEmpty()) {
                movable.put(n.id(), blockBounds(n));
            } else if (!group.members().contains(n.id())) {
                fixed.add(blockBounds(n));
            }
        }
        graph().groups().stream().filter(o -> !o.id().equals(group.id()))
                .forEach(o -> membersOf(o).map(GroupView::frameAround).ifPresent(fixed::add));
        Map<String, Note> notes = new LinkedHashMap<>();
        for (Note n : graph().notes()) {
            notes.put(n.id(), n);
            movable.put(n.id(), new BoundingBox(n.x(), n.y(), NoteView.WIDTH,
                    BlockDetail.noteTextHeight(n.text(), BlockDetail.NOTE_BASE) + 20));
        }
        List<Command> moves = new ArrayList<>();
        NotePlacement.outOf(members.get(), GroupView.frameAround(members.get()), movable, fixed).forEach((id, p) -> {
            double x = Math.round(p.getX());
            double y = Math.round(p.getY());
            Note note = notes.get(id);
            moves.add(note != null ? NoteCommand.change(note, note.at(x, y)) : new MoveNodeCommand(id, x, y));
        });
        return moves;
    }

    /** Where a group's blocks are, from their places in the model. */
    private Optional<Bounds> membersOf(NodeGroup group) {
        return group.members().stream().flatMap(id -> graph().node(id).stream()).map(this::blockBounds)
                .reduce((a, b) -> {
                    double minX = Math.min(a.getMinX(), b.getMinX());
                    double minY = Math.min(a.getMinY(), b.getMinY());
                    return new BoundingBox(minX, minY, Math.max(a.getMaxX(), b.getMaxX()) - minX,
                            Math.max(a.getMaxY(), b.getMaxY()) - minY);
                });
    }

    private Bounds blockBounds(Node n) {
        return new BoundingBox(n.x(), n.y(), NodeView.WIDTH, NodeView.heightFor(vm.catalog().find(n.type()).orElse(null)));
    }

    List<String> selectedGroups() {
        Set<String> selection = vm.selection();
        return graph().groups().stream().filter(g -> g.members().stream().anyMatch(selection::contains))
                .map(NodeGroup::id).toList();
    }
}
