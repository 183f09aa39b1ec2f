package dev.deepwire.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Node;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Project} as {@code .dwproj} JSON: format and version first, nodes with named
 * parameters, wires as {@code node.port}, dataset and training settings, positions under {@code ui},
 * and every unknown field that was read. Saves atomically.
 */
public final class ProjectWriter {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the project to {@code file} (atomically) and returns the bytes written. */
    public byte[] write(Project project, Path file) throws IOException {
        byte[] bytes = (toJson(project) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, bytes);
        return bytes;
    }

    /**
     * Writes the project to {@code file} only if the file still holds {@code expected} (the version this writer read;
     * null: whatever is there), the look and the replace under one lock ({@link dev.deepwire.io.files.GuardedSave}).
     *
     * @throws dev.deepwire.io.files.ChangedOnDisk when another window or process saved it since; nothing written
     */
    public byte[] write(Project project, Path file, dev.deepwire.io.files.DiskVersion expected) throws IOException {
        byte[] bytes = (toJson(project) + "\n").getBytes(StandardCharsets.UTF_8);
        dev.deepwire.io.files.GuardedSave.write(file, expected, bytes);
        return bytes;
    }

    public String toJson(Project project) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", ProjectFormat.FORMAT);
        root.put("formatVersion", ProjectFormat.VERSION);
        root.put("name", project.name());
        root.put("description", project.description());
        List<Object> nodes = new ArrayList<>();
        Map<String, Object> positions = new LinkedHashMap<>();
        for (Node n : project.graph().nodes()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", n.id());
            node.put("type", n.type());
            if (!n.label().equals(n.id())) {
                node.put("label", n.label());
            }
            node.put("params", n.params());
            node.putAll(n.extras());
            nodes.add(node);
            positions.put(n.id(), List.of(n.x(), n.y()));
        }
        root.put("nodes", nodes);
        List<Object> edges = new ArrayList<>();
        for (Edge e : project.graph().edges()) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("from", e.from().toString());
            edge.put("to", e.to().toString());
            edge.putAll(project.elementExtras("edges", e.id()));
            edges.add(edge);
        }
        root.put("edges", edges);
        if (project.dataset() != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", project.dataset().kind());
            d.putAll(project.dataset().params());
            root.put("dataset", d);
        }
        TrainingSettings t = project.training();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", t.epochs());
        training.put("batchSize", t.batchSize());
        training.put("optimizer", t.optimizer());
        training.put("learningRate", t.learningRate());
        training.put("seed", t.seed());
        training.put("checkpointEvery", t.checkpointEvery());
        training.put("earlyStoppingPatience", t.earlyStoppingPatience());
        if (t.validationSplit() > 0) {
            training.put("validationSplit", t.validationSplit());
        }
        if (!t.selectOn().equals("last")) {
            training.put("selectOn", t.selectOn());
        }
        training.putAll(project.sectionExtras("training"));
        root.put("training", training);
        Map<String, Object> ui = new LinkedHashMap<>();
        ui.put("positions", positions);
        if (!project.graph().groups().isEmpty()) {
            List<Object> groups = new ArrayList<>();
            for (var g : project.graph().groups()) {
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("id", g.id());
                group.put("label", g.label());
                group.put("members", g.members().stream().filter(project.graph()::contains).toList());
                group.put("collapsed", g.collapsed());
                group.putAll(project.elementExtras("ui.groups", g.id()));
                groups.add(group);
            }
            ui.put("groups", groups);
        }
        if (!project.graph().notes().isEmpty()) {
            List<Object> notes = new ArrayList<>();
            for (var n : project.graph().notes()) {
                Map<String, Object> note = new LinkedHashMap<>();
                note.put("id", n.id());
                note.put("text", n.text());
                note.put("x", n.x());
                note.put("y", n.y());
                note.putAll(project.elementExtras("ui.notes", n.id()));
                notes.add(note);
            }
            ui.put("notes", notes);
        }
        ui.putAll(project.sectionExtras("ui"));
        root.put("ui", ui);
        root.putAll(project.extras());
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a project always serialises", e);
        }
    }
}
