package dev.deepwire.io;

import static dev.deepwire.io.JsonFields.describe;
import static dev.deepwire.io.JsonFields.requiredText;
import static dev.deepwire.io.JsonFields.text;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.NodeGroup;
import dev.deepwire.model.Note;
import dev.deepwire.model.Project;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The canvas's part of a project file ({@code ui}): the blocks' places, groups and notes. Places are read before the
 * blocks; groups and notes after them, into the graph read so far. Unknown fields of a group or note are kept.
 */
final class CanvasLayoutReader {
    private static final Set<String> GROUP = Set.of("id", "label", "members", "collapsed");
    private static final Set<String> NOTE = Set.of("id", "text", "x", "y");

    /** Keeps the fields of {@code obj} not in {@code known} in {@code into} (written back when the project is saved). */
    interface Unknown {
        void keep(JsonNode obj, Set<String> known, Map<String, Object> into);
    }

    private final JsonNode ui;
    private final Graph graph;
    private final Project project;
    private final Unknown keepUnknown;

    CanvasLayoutReader(JsonNode ui, Graph graph, Project project, Unknown keepUnknown) {
        this.ui = ui;
        this.graph = graph;
        this.project = project;
        this.keepUnknown = keepUnknown;
    }

    /** Text notes on the canvas: id, text and place; a malformed one is refused with its path. */
    void readNotes() throws ProjectFormatException {
        JsonNode notes = ui == null ? null : ui.get("notes");
        if (notes == null || notes.isNull()) {
            return;
        }
        if (!notes.isArray()) {
            throw new ProjectFormatException("ui.notes", "must be a list of notes, not " + describe(notes));
        }
        for (int i = 0; i < notes.size(); i++) {
            String at = "ui.notes[" + i + "]";
            JsonNode n = notes.get(i);
            if (!n.isObject()) {
                throw new ProjectFormatException(at, "must be an object with id, text, x and y, not " + describe(n));
            }
            String id = requiredText(n, "id", at);
            if (!Node.ID_PATTERN.matcher(id).matches() || graph.note(id).isPresent() || graph.contains(id)
                    || graph.group(id).isPresent()) {
                throw new ProjectFormatException(at + ".id", "'" + id + "' must be a valid id not used by another "
                        + "block, group or note");
            }
            JsonNode x = n.get("x");
            JsonNode y = n.get("y");
            if (x == null || !x.isNumber() || y == null || !y.isNumber()
                    || !Double.isFinite(x.asDouble()) || !Double.isFinite(y.asDouble())) {
                // 1e999 reads as infinity, which no JSON number can hold when the project is saved again
                throw new ProjectFormatException(at, "needs numbers x and y for its place on the canvas");
            }
            if (!onCanvas(x.asDouble()) || !onCanvas(y.asDouble())) {
                throw new ProjectFormatException(at, offCanvas(x.asDouble(), y.asDouble()));
            }
            graph.insertNote(graph.notes().size(), new Note(id, text(n, "text", at, ""),
                    x.asDouble(), y.asDouble()));
            keepUnknown.keep(n, NOTE, project.elementExtras("ui.notes", id));
        }
    }

    /**
     * Groups are visual only: members that are not blocks, or already grouped, are dropped, not fatal; a group left with
     * no blocks is dropped (files written before deleting a group's last block removed it kept such a group).
     */
    void readGroups() throws ProjectFormatException {
        JsonNode groups = ui == null ? null : ui.get("groups");
        if (groups == null || groups.isNull()) {
            return;
        }
        if (!groups.isArray()) {
            throw new ProjectFormatException("ui.groups", "must be a list of groups, not " + describe(groups));
        }
        for (int i = 0; i < groups.size(); i++) {
            String at = "ui.groups[" + i + "]";
            JsonNode g = groups.get(i);
            if (!g.isObject()) {
                throw new ProjectFormatException(at, "must be an object with id, label and members, not " + describe(g));
            }
            String id = requiredText(g, "id", at);
            if (!Node.ID_PATTERN.matcher(id).matches() || graph.group(id).isPresent() || graph.contains(id)) {
                throw new ProjectFormatException(at + ".id", "'" + id + "' must be a valid id not used by another "
                        + "block or group");
            }
            Set<String> members = new LinkedHashSet<>();
            JsonNode m = g.get("members");
            if (m != null && m.isArray()) {
                for (JsonNode member : m) {
                    String mid = member.asText();
                    if (graph.contains(mid) && graph.groupOf(mid).isEmpty()) {
                        members.add(mid);
                    }
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            JsonNode collapsed = g.get("collapsed");
            graph.insertGroup(graph.groups().size(), new NodeGroup(id, text(g, "label", at, id), members,
                    collapsed != null && collapsed.asBoolean(false)));
            keepUnknown.keep(g, GROUP, project.elementExtras("ui.groups", id));
        }
    }

    /** How far from the origin a place on the canvas may be, in pixels. */
    static final double CANVAS_EXTENT = 1e9;

    static Map<String, double[]> positions(JsonNode ui) throws ProjectFormatException {
        Map<String, double[]> out = new HashMap<>();
        if (ui == null || ui.isNull()) {
            return out;
        }
        if (!ui.isObject()) {
            throw new ProjectFormatException("ui", "must be an object, not " + describe(ui));
        }
        JsonNode pos = ui.get("positions");
        if (pos == null || pos.isNull()) {
            return out;
        }
        if (!pos.isObject()) {
            throw new ProjectFormatException("ui.positions", "must map node ids to [x, y], not " + describe(pos));
        }
        Iterator<Map.Entry<String, JsonNode>> it = pos.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode xy = e.getValue();
            String at = "ui.positions." + e.getKey();
            if (!xy.isArray() || xy.size() != 2 || !xy.get(0).isNumber() || !xy.get(1).isNumber()
                    || !Double.isFinite(xy.get(0).doubleValue()) || !Double.isFinite(xy.get(1).doubleValue())) {
                throw new ProjectFormatException(at, "must be [x, y] with two numbers, not " + xy);
            }
            if (!onCanvas(xy.get(0).doubleValue()) || !onCanvas(xy.get(1).doubleValue())) {
                throw new ProjectFormatException(at, offCanvas(xy.get(0).doubleValue(), xy.get(1).doubleValue()));
            }
            out.put(e.getKey(), new double[] {xy.get(0).doubleValue(), xy.get(1).doubleValue()});
        }
        return out;
    }

    /**
     * Whether a coordinate is a place the canvas can show: within {@value #CANVAS_EXTENT} pixels of the origin (a
     * 100,000-block chain in one row reaches 23,000,000). A block or note at 1e308 left the canvas blank: the drawing's
     * width overflowed to infinity and fit view had nothing it could show.
     */
    private static boolean onCanvas(double v) {
        return Math.abs(v) <= CANVAS_EXTENT;
    }

    private static String offCanvas(double x, double y) {
        return String.format(java.util.Locale.ROOT, "its place (%.4g, %.4g) is off the canvas: x and y must lie "
                + "within \u00b11,000,000,000; move it nearer the rest of the drawing", x, y);
    }
}
