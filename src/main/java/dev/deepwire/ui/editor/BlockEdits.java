package dev.deepwire.ui.editor;

import dev.deepwire.model.AddNodeCommand;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Command;
import dev.deepwire.model.CompoundCommand;
import dev.deepwire.model.ConnectPortsCommand;
import dev.deepwire.model.ConnectionCheck;
import dev.deepwire.model.DisconnectCommand;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.MoveNodeCommand;
import dev.deepwire.model.Node;
import dev.deepwire.model.ParamSpec;
import dev.deepwire.model.Port;
import dev.deepwire.model.RemoveNodeCommand;
import dev.deepwire.model.RenameNodeCommand;
import dev.deepwire.model.SetParamCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editor's edits of blocks and wires — add, connect, delete, move, arrange, set a parameter, rename — each
 * one undoable step on the editor's history, refused while the graph is locked.
 */
final class BlockEdits {
    private final EditorViewModel vm;

    BlockEdits(EditorViewModel vm) {
        this.vm = vm;
    }

    private Graph graph() {
        return vm.graph();
    }

    private BlockCatalog catalog() {
        return vm.catalog();
    }

    private void execute(Command command) {
        vm.history().execute(command);
    }

    private void selectOnly(String id) {
        Set<String> selection = vm.selection();
        selection.clear();
        selection.add(id);
    }

    String addBlock(String typeId, double x, double y) {
        if (vm.refuseWhileLocked()) {
            return null;
        }
        BlockType type = catalog().require(typeId);
        String id = graph().freshId(typeId);
        double[] at = clearOf(x, y);
        Node node = catalog().newNode(typeId, id, at[0], at[1]);
        execute(new AddNodeCommand(node));
        selectOnly(id);
        return id;
    }

    /**
     * Where a block added at (x, y) goes: there, or down and to the right in steps until no block sits at the same
     * place — two added without moving the pointer (Space, Space) had landed one exactly on the other, hiding it.
     */
    private double[] clearOf(double x, double y) {
        double px = x;
        double py = y;
        for (int i = 0; i < 50; i++) {
            double cx = px;
            double cy = py;
            if (graph().nodes().stream().noneMatch(n -> Math.abs(n.x() - cx) < STACKED && Math.abs(n.y() - cy) < STACKED)) {
                break;
            }
            px += STACK_STEP;
            py += STACK_STEP;
        }
        return new double[] {px, py};
    }

    /** Blocks closer than this on both axes are taken as one on top of the other. */
    private static final double STACKED = 24;
    private static final double STACK_STEP = 32;

    ConnectionCheck connect(Port from, Port to) {
        if (vm.refuseWhileLocked()) {
            return ConnectionCheck.refused("the graph is read-only while training");
        }
        ConnectionCheck check = vm.checkConnection(from, to);
        if (!check.allowed()) {
            vm.refuse("Cannot connect: " + check.message());
            return check;
        }
        Optional<Edge> existing = graph().edgeInto(to).filter(w -> !w.from().equals(from));
        Command connect = new ConnectPortsCommand(from, to);
        execute(existing.isPresent()
                ? new CompoundCommand("Replace the wire " + WireNames.of(graph(), existing.get()) + " with one from "
                        + WireNames.port(graph(), from), List.of(new DisconnectCommand(existing.get()), connect))
                : connect);
        return check;
    }

    void disconnect(Edge edge) {
        if (vm.refuseWhileLocked()) {
            return;
        }
        // named as the canvas shows the wire ("Removed the wire Embed.out → Attention.keys")
        execute(new CompoundCommand("Remove the wire " + WireNames.of(graph(), edge), List.of(new DisconnectCommand(edge))));
    }

    void deleteSelection() {
        if (vm.refuseWhileLocked()) {
            return;
        }
        Set<String> selection = vm.selection();
        List<dev.deepwire.model.Note> notes = graph().notes().stream().filter(n -> vm.selectedNotes().contains(n.id()))
                .toList();
        if (selection.isEmpty() && notes.isEmpty()) {
            return;
        }
        List<Command> parts = new ArrayList<>(selection.stream().map(id -> (Command) new RemoveNodeCommand(id)).toList());
        notes.forEach(n -> parts.add(dev.deepwire.model.NoteCommand.remove(n))); // Select All took them: one undo step
        // a collapsed group wholly selected is named as the box a person sees ("group ‘Encoder’ (3 blocks)")
        List<dev.deepwire.model.NodeGroup> boxes = vm.selectedBoxes();
        String what = selection.size() == 1 && notes.isEmpty() && boxes.isEmpty()
                ? "\u201c" + dev.deepwire.limits.ShownName.of(graph().require(selection.iterator().next()).label()) + "\u201d"
                : Words.selected(selection.size(), notes.size(), boxes);
        long wires = graph().edges().stream().filter(e -> selection.contains(e.from().nodeId())
                || selection.contains(e.to().nodeId())).count();
        // "Delete “Self-attention” and 2 wires": the wires go with the blocks, and Undo brings them back too
        String withWires = wires == 0 ? "" : (what.contains(" and ") ? ", with " : " and ") + Words.count(wires, "wire");
        execute(new CompoundCommand("Delete " + what + withWires, parts));
    }

    void autoArrange() {
        if (vm.refuseWhileLocked()) {
            return;
        }
        if (graph().nodes().isEmpty()) {
            return;
        }
        Map<String, double[]> positions = AutoArrange.layout(graph(), catalog());
        List<Command> parts = new ArrayList<>();
        positions.forEach((id, xy) -> parts.add(new MoveNodeCommand(id, xy[0], xy[1])));
        int blocks = parts.size();
        parts.addAll(AutoArrange.notesBeside(graph().notes(), positions)); // a note had been left lying over a block
        execute(new CompoundCommand("Arrange " + Words.count(blocks, "block") + " left to right"
                + (graph().notes().isEmpty() ? "" : ", notes beside them"), parts));
    }

    /**
     * Ends a drag of the selection: every block and note that moved, in one undoable step (notes Select All or the band
     * took had stayed behind when a block was dragged).
     */
    void moveItems(Map<String, double[]> positions, Map<String, double[]> notePositions) {
        if (vm.refuseWhileLocked()) {
            return;
        }
        List<Command> parts = new ArrayList<>();
        positions.forEach((id, xy) -> {
            Node n = graph().require(id);
            if (n.x() != xy[0] || n.y() != xy[1]) {
                parts.add(new MoveNodeCommand(id, xy[0], xy[1]));
            }
        });
        int blocks = parts.size();
        notePositions.forEach((id, xy) -> graph().note(id).filter(n -> n.x() != xy[0] || n.y() != xy[1])
                .ifPresent(n -> parts.add(dev.deepwire.model.NoteCommand.change(n, n.at(xy[0], xy[1])))));
        if (!parts.isEmpty()) {
            execute(parts.size() == 1 ? parts.get(0)
                    : new CompoundCommand("Move " + Words.blocksAndNotes(blocks, parts.size() - blocks), parts));
        }
    }

    Optional<String> setParam(String nodeId, String name, Object value) {
        if (vm.refuseWhileLocked()) {
            return Optional.of("the graph is read-only while training");
        }
        Node node = graph().require(nodeId);
        ParamSpec spec = catalog().require(node.type()).param(name)
                .orElseThrow(() -> new IllegalArgumentException(node.type() + " has no parameter " + name));
        Optional<String> problem = spec.validate(value);
        if (problem.isPresent()) {
            vm.refuse(dev.deepwire.limits.ShownName.of(graph().require(nodeId).label()) + ": " + problem.get());
            return problem;
        }
        if (!value.equals(node.param(name))) {
            execute(new SetParamCommand(nodeId, name, value));
        }
        return Optional.empty();
    }

    /**
     * Renames a block to {@code label} (trimmed); a blank name is refused and said so — the old name had come back
     * without a word. Returns whether the name typed was taken.
     */
    boolean rename(String nodeId, String label) {
        if (vm.refuseWhileLocked()) {
            return false;
        }
        String trimmed = label.trim();
        String kept = graph().require(nodeId).label();
        if (trimmed.isEmpty()) {
            vm.refuse("A block needs a name \u2014 kept \u2018" + dev.deepwire.limits.ShownName.of(kept) + "\u2019");
            return false;
        }
        if (!trimmed.equals(kept)) {
            execute(new RenameNodeCommand(nodeId, trimmed));
        }
        return true;
    }
}
