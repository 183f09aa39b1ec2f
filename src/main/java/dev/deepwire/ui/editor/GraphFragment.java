package dev.deepwire.ui.editor;

import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.model.AddNodeCommand;
import dev.deepwire.model.Command;
import dev.deepwire.model.CompoundCommand;
import dev.deepwire.model.ConnectPortsCommand;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Copied blocks as text: a small {@code .dwproj} holding the selected blocks, the wires between them,
 * and (under {@code clipboard.incoming}) the wires that fed them from outside. Plain JSON, so it can
 * travel through the system clipboard to another window or project.
 */
final class GraphFragment {
    static final String MARKER = "deepwire-fragment";

    private GraphFragment() {
    }

    /** The selected nodes of {@code graph} as fragment JSON. */
    static String copy(Graph graph, Set<String> ids) {
        return copy(graph, ids, Set.of());
    }

    /** The selected nodes and notes of {@code graph} as fragment JSON. */
    static String copy(Graph graph, Set<String> ids, Set<String> noteIds) {
        Graph part = new Graph();
        graph.nodes().stream().filter(n -> ids.contains(n.id())).forEach(n -> part.addNode(n.copy()));
        graph.notes().stream().filter(n -> noteIds.contains(n.id()))
                .forEach(n -> part.insertNote(part.notes().size(), n));
        List<Object> incoming = new ArrayList<>();
        for (Edge e : graph.edges()) {
            boolean fromIn = ids.contains(e.from().nodeId());
            boolean toIn = ids.contains(e.to().nodeId());
            if (fromIn && toIn) {
                part.connect(e);
            } else if (toIn) {
                incoming.add(Map.of("from", e.from().toString(), "to", e.to().toString()));
            }
        }
        Project p = new Project(MARKER, "", part, null, TrainingSettings.defaults());
        p.extras().put("clipboard", Map.of("incoming", incoming));
        return new ProjectWriter().toJson(p);
    }

    /**
     * The command that pastes a fragment into {@code target}: fresh ids, positions shifted by (dx, dy),
     * inner wires kept, and, with {@code keepIncoming}, the outside wires re-made where their source still
     * exists and the input is free.
     */
    /** A paste ready to run: the command and the ids the new blocks get. */
    record Paste(Command command, List<String> newIds, List<String> newNoteIds) {
    }

    /** Where a fragment's blocks are (minX, minY, maxX, maxY of their corners), or empty when it is not one. */
    static Optional<double[]> bounds(String json) {
        try {
            Project p = new ProjectReader().parse(json);
            if (!MARKER.equals(p.name()) || p.graph().nodes().isEmpty() && p.graph().notes().isEmpty()) {
                return Optional.empty();
            }
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (Node n : p.graph().nodes()) {
                b[0] = Math.min(b[0], n.x());
                b[1] = Math.min(b[1], n.y());
                b[2] = Math.max(b[2], n.x() + NodeView.WIDTH);
                b[3] = Math.max(b[3], n.y() + 90);
            }
            for (dev.deepwire.model.Note n : p.graph().notes()) {
                b[0] = Math.min(b[0], n.x());
                b[1] = Math.min(b[1], n.y());
                b[2] = Math.max(b[2], n.x() + NoteView.WIDTH);
                b[3] = Math.max(b[3], n.y() + 90);
            }
            return Optional.of(b);
        } catch (ProjectFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Paste> paste(Graph target, String json, double dx, double dy, boolean keepIncoming) {
        Project p;
        try {
            p = new ProjectReader().parse(json);
        } catch (ProjectFormatException e) {
            return Optional.empty();
        }
        if (!MARKER.equals(p.name()) || p.graph().nodes().isEmpty() && p.graph().notes().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> ids = new HashMap<>();
        Set<String> taken = new HashSet<>(); // ids given to pasted blocks, not in the graph yet
        List<Command> parts = new ArrayList<>();
        for (Node n : p.graph().nodes()) {
            String id = target.freshId(n.id(), taken);
            taken.add(id);
            ids.put(n.id(), id);
            Node copy = n.copyAs(id);
            parts.add(new AddNodeCommand(new Node(id, copy.type(), copy.label(), copy.params(), n.x() + dx, n.y() + dy)));
        }
        for (Edge e : p.graph().edges()) {
            parts.add(new ConnectPortsCommand(remap(e.from(), ids), remap(e.to(), ids)));
        }
        if (keepIncoming && p.extras().get("clipboard") instanceof Map<?, ?> clip
                && clip.get("incoming") instanceof List<?> incoming) {
            for (Object o : incoming) {
                if (o instanceof Map<?, ?> m) {
                    Port from = Port.parse(String.valueOf(m.get("from")));
                    Port to = remap(Port.parse(String.valueOf(m.get("to"))), ids);
                    if (target.contains(from.nodeId()) && ids.containsValue(to.nodeId())) {
                        parts.add(new ConnectPortsCommand(from, to));
                    }
                }
            }
        }
        List<String> noteIds = new ArrayList<>();
        for (dev.deepwire.model.Note n : p.graph().notes()) {
            String id = target.freshId(n.id(), taken);
            taken.add(id);
            noteIds.add(id);
            parts.add(dev.deepwire.model.NoteCommand.add(new dev.deepwire.model.Note(id, n.text(), n.x() + dx, n.y() + dy)));
        }
        String what = Words.blocksAndNotes(ids.size(), noteIds.size());
        return Optional.of(new Paste(new CompoundCommand("Paste " + what, parts), List.copyOf(ids.values()),
                List.copyOf(noteIds)));
    }

    private static Port remap(Port p, Map<String, String> ids) {
        return new Port(ids.getOrDefault(p.nodeId(), p.nodeId()), p.name());
    }
}
