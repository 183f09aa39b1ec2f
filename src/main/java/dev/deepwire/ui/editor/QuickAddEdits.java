package dev.deepwire.ui.editor;

import dev.deepwire.model.AddNodeCommand;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Command;
import dev.deepwire.model.CompoundCommand;
import dev.deepwire.model.ConnectPortsCommand;
import dev.deepwire.model.Port;
import dev.deepwire.model.PortSpec;
import dev.deepwire.model.WireTarget;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Quick-add's chaining: which blocks can follow an output, which output quick-add opened by key (Space) wires from,
 * and the block it adds, wired in and selected — so Space, pick, Space, pick builds a chain from the keyboard.
 */
final class QuickAddEdits {
    private final EditorViewModel vm;

    QuickAddEdits(EditorViewModel vm) {
        this.vm = vm;
    }

    /** Block types with an input that takes what {@code from} gives (for quick-add after a dropped wire). */
    List<BlockType> blocksAccepting(Port from) {
        Optional<PortSpec> out = outputSpec(from);
        if (out.isEmpty()) {
            return List.of();
        }
        return vm.catalog().all().stream().filter(t -> WireTarget.inputFor(vm.graph(), t, out.get(), from).isPresent())
                .toList();
    }

    /**
     * Where quick-add opened by key (Space, Edit ▸ Add Block…) wires its block from: the output of the one block
     * selected (a block just added is), the first that some block takes; empty with no block, several, or an output
     * block selected. Without it a graph could be begun but never wired from the keyboard.
     */
    Optional<Port> from() {
        Set<String> selected = vm.selection();
        if (selected.size() != 1 || !vm.selectedNotes().isEmpty()) {
            return Optional.empty();
        }
        return vm.graph().node(selected.iterator().next()).flatMap(n -> vm.catalog().find(n.type()).stream()
                .flatMap(t -> t.outputs().stream()).map(o -> new Port(n.id(), o.name()))
                .filter(p -> !blocksAccepting(p).isEmpty()).findFirst());
    }

    private Optional<PortSpec> outputSpec(Port from) {
        return vm.graph().node(from.nodeId()).flatMap(n -> vm.catalog().find(n.type())).flatMap(t -> t.output(from.name()));
    }

    /** Places a block and wires {@code from} into the input {@link WireTarget} chooses, as one undoable step. */
    String addBlockConnected(String typeId, double x, double y, Port from) {
        if (vm.refuseWhileLocked()) {
            return null;
        }
        BlockType type = vm.catalog().require(typeId);
        PortSpec out = outputSpec(from).orElseThrow();
        PortSpec in = WireTarget.inputFor(vm.graph(), type, out, from)
                .orElseThrow(() -> new IllegalArgumentException(type.label() + " takes nothing from " + from));
        String id = vm.graph().freshId(typeId);
        Command add = new AddNodeCommand(vm.catalog().newNode(typeId, id, x, y));
        Command wire = new ConnectPortsCommand(from, new Port(id, in.name()));
        vm.history().execute(new CompoundCommand("Add \u201c" + type.label() + "\u201d after \u201c"
                + vm.graph().require(from.nodeId()).label() + "\u201d", List.of(add, wire)));
        vm.selection().clear(); // the block added is selected, so Space again wires from it
        vm.selection().add(id);
        return id;
    }

    /**
     * Wires the two selected blocks from the keyboard (W on the canvas): an output of the one further left into the
     * free input of the other that {@link WireTarget} chooses (as a dropped wire's quick-add would), the other way
     * round where nothing fits so; says what was wired or why nothing was. Without it a block with two inputs
     * (cross-attention, a residual add, a concat) could be added from the keyboard but its second input never wired.
     */
    void wireSelection() {
        if (vm.refuseWhileLocked()) {
            return;
        }
        List<dev.deepwire.model.Node> two = vm.selection().stream().map(id -> vm.graph().node(id)).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparingDouble(dev.deepwire.model.Node::x)).toList();
        if (two.size() != 2) {
            vm.refuse("Select two blocks to wire (Shift+arrow keys add the block that way), then press W");
            return;
        }
        String why = null;
        for (int turn = 0; turn < 2; turn++) {
            dev.deepwire.model.Node from = two.get(turn);
            dev.deepwire.model.Node to = two.get(1 - turn);
            Optional<BlockType> toType = vm.catalog().find(to.type());
            for (Port out : outputs(from)) {
                for (PortSpec spec : inputsInTurn(toType, out)) {
                    Port in = new Port(to.id(), spec.name());
                    if (vm.graph().edgeInto(in).isPresent()) {
                        continue;
                    }
                    dev.deepwire.model.ConnectionCheck check = vm.checkConnection(out, in);
                    if (check.allowed()) {
                        vm.connect(out, in);
                        return;
                    }
                    why = why == null ? check.message() : why;
                }
            }
        }
        vm.refuse("Cannot wire \u2018" + dev.deepwire.limits.ShownName.of(two.get(0).label()) + "\u2019 and \u2018"
                + dev.deepwire.limits.ShownName.of(two.get(1).label()) + "\u2019: "
                + (why == null ? "no free input of either takes the other's output" : why));
    }

    /** The inputs of {@code type} in the order W tries them: those that take {@code out} as chosen, then the rest (whose refusal says why). */
    private List<PortSpec> inputsInTurn(Optional<BlockType> type, Port out) {
        if (type.isEmpty()) {
            return List.of();
        }
        List<PortSpec> taking = outputSpec(out).map(o -> WireTarget.inputsFor(vm.graph(), type.get(), o, out)).orElse(List.of());
        return java.util.stream.Stream.concat(taking.stream(), type.get().inputs().stream().filter(i -> !taking.contains(i)))
                .toList();
    }

    private List<Port> outputs(dev.deepwire.model.Node n) {
        return vm.catalog().find(n.type()).stream().flatMap(t -> t.outputs().stream())
                .map(p -> new Port(n.id(), p.name())).toList();
    }
}
