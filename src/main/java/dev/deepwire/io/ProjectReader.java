package dev.deepwire.io;

import static dev.deepwire.io.JsonFields.describe;
import static dev.deepwire.io.JsonFields.intField;
import static dev.deepwire.io.JsonFields.longField;
import static dev.deepwire.io.JsonFields.numberField;
import static dev.deepwire.io.JsonFields.requiredText;
import static dev.deepwire.io.JsonFields.scalar;
import static dev.deepwire.io.JsonFields.text;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepwire.limits.BoundedFiles;
import dev.deepwire.limits.FileProblems;
import dev.deepwire.limits.LimitException;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code .dwproj} JSON into a {@link Project}. Every problem becomes a
 * {@link ProjectFormatException} naming the JSON path or line; unknown fields are kept. Reading runs no
 * code from the file: it is plain data.
 */
public final class ProjectReader {
    static final Set<String> TOP = Set.of("format", "formatVersion", "name", "description", "nodes", "edges",
            "dataset", "training", "ui");
    static final Set<String> NODE = Set.of("id", "type", "label", "params");
    private static final Set<String> EDGE = Set.of("from", "to");
    static final Set<String> TRAINING = Set.of("epochs", "batchSize", "optimizer", "learningRate", "seed",
            "checkpointEvery", "earlyStoppingPatience", "validationSplit", "selectOn");

    private final ObjectMapper mapper;

    public ProjectReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
                .build();
        mapper = new ObjectMapper(factory);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public Project read(Path file) throws ProjectFormatException {
        String text;
        try {
            text = BoundedFiles.utf8(BoundedFiles.readAll(file, ProjectFormat.MAX_BYTES, "project file"));
        } catch (LimitException e) {
            String why = e.getMessage().startsWith(file + " ") // the path leads the message once: said once, in front
                    ? e.getMessage().substring(file.toString().length() + 1) : e.getMessage();
            throw new ProjectFormatException(file.toString(), why.contains("the limit") ? why
                    + "; is it really a DeepWire project?" : why);
        } catch (CharacterCodingException e) {
            throw new ProjectFormatException(file.toString(), "the file is not UTF-8 text; is it really a DeepWire project?");
        } catch (IOException e) {
            throw new ProjectFormatException(file.toString(), "cannot be read: " + FileProblems.describe(e));
        }
        return parse(text);
    }

    public Project parse(String json) throws ProjectFormatException {
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // a UTF-8 byte-order mark, as some editors write
        }
        JsonNode root;
        int end;
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            root = mapper.readTree(parser);
            end = root == null ? 0 : (int) parser.currentLocation().getCharOffset();
        } catch (JsonParseException e) {
            throw JsonSyntax.problem(e);
        } catch (JsonProcessingException e) {
            throw JsonSyntax.problem(e);
        } catch (IOException e) {
            throw new ProjectFormatException("line 1", "cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ProjectFormatException("line 1", "the file is empty; it should hold a DeepWire project (JSON)");
        }
        if (!root.isObject()) {
            throw new ProjectFormatException("$", "a project file holds one JSON object, not " + describe(root));
        }
        JsonSyntax.requireNothingAfter(json, end);
        checkFormat(root);
        try {
            Graph graph = new Graph();
            Map<String, double[]> positions = CanvasLayoutReader.positions(root.get("ui"));
            Map<String, Node> nodes = readNodes(root, positions, graph);
            Project project = new Project(text(root, "name", "$", Project.UNTITLED), text(root, "description", "$", ""),
                    graph, readDataset(root.get("dataset")), readTraining(root.get("training")));
            readEdges(root, graph, nodes, project);
            var layout = new CanvasLayoutReader(root.get("ui"), graph, project, this::keepUnknown);
            layout.readGroups();
            layout.readNotes();
            keepUnknown(root, TOP, project.extras());
            if (root.get("training") instanceof ObjectNode t) {
                keepUnknown(t, TRAINING, project.sectionExtras("training"));
            }
            if (root.get("ui") instanceof ObjectNode u) {
                keepUnknown(u, Set.of("positions", "groups", "notes"), project.sectionExtras("ui"));
            }
            return project;
        } catch (ProjectFormatException e) {
            throw e.asInvalidContent(); // a project of this format, its content wrong: invalid, not unusable
        } catch (RuntimeException e) {
            // whatever a hostile file finds that the checks above missed is this file's problem, said as such, never an
            // internal error (a seed of 1e309 was one: exit 3, and the window could not open the file)
            throw new ProjectFormatException("$", "cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (a value DeepWire's reader did not expect; please report it with the file)").asInvalidContent();
        }
    }

    private void checkFormat(JsonNode root) throws ProjectFormatException {
        JsonNode format = root.get("format");
        if (format == null || !ProjectFormat.FORMAT.equals(format.asText())) {
            throw new ProjectFormatException("format", "expected \"" + ProjectFormat.FORMAT + "\""
                    + (format == null ? " but the field is missing" : " but found " + format)
                    + "; this is not a DeepWire project file");
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new ProjectFormatException("formatVersion", "must be a whole number such as "
                    + ProjectFormat.VERSION + (version == null ? "; the field is missing" : "; got " + version));
        }
        int v = version.intValue();
        if (v > ProjectFormat.VERSION) {
            throw new ProjectFormatException("formatVersion", "the file was saved by a newer DeepWire (format version "
                    + v + "; this version reads up to " + ProjectFormat.VERSION + "); update DeepWire to open it");
        }
        if (v < 1) {
            throw new ProjectFormatException("formatVersion", "must be 1 or more; got " + v);
        }
    }

    private Map<String, Node> readNodes(JsonNode root, Map<String, double[]> positions, Graph graph)
            throws ProjectFormatException {
        JsonNode arr = root.get("nodes");
        if (arr == null) {
            throw new ProjectFormatException("nodes", "the field is missing; a project lists its blocks under \"nodes\"");
        }
        if (!arr.isArray()) {
            throw new ProjectFormatException("nodes", "must be a list of blocks, not " + describe(arr));
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (int i = 0; i < arr.size(); i++) {
            String at = "nodes[" + i + "]";
            JsonNode n = arr.get(i);
            if (!n.isObject()) {
                throw new ProjectFormatException(at, "must be an object with id, type and params, not " + describe(n));
            }
            String id = requiredText(n, "id", at);
            if (!Node.ID_PATTERN.matcher(id).matches()) {
                throw new ProjectFormatException(at + ".id", "'" + id + "' is not a valid id: start with a letter and "
                        + "use only letters, digits, '_' or '-' (64 at most)");
            }
            if (nodes.containsKey(id)) {
                throw new ProjectFormatException(at + ".id", "id '" + id + "' is used twice; give each block its own id");
            }
            String type = requiredText(n, "type", at);
            Map<String, Object> params = readParams(n.get("params"), at + ".params");
            // a block without a saved place goes to the next free spot of a grid, in file order: all at (0, 0), a file
            // written by hand or by another tool had opened as one block with the rest hidden under it
            int unplaced = i;
            double[] pos = positions.getOrDefault(id, new double[] {40 + (unplaced % 5) * 230.0, 40 + (unplaced / 5) * 150.0});
            Node node = new Node(id, type, text(n, "label", at, id), params, pos[0], pos[1]);
            keepUnknown(n, NODE, node.extras());
            nodes.put(id, node);
            graph.addNode(node);
        }
        return nodes;
    }

    private Map<String, Object> readParams(JsonNode p, String at) throws ProjectFormatException {
        Map<String, Object> params = new LinkedHashMap<>();
        if (p == null || p.isNull()) {
            return params;
        }
        if (!p.isObject()) {
            throw new ProjectFormatException(at, "must be an object of name: value, not " + describe(p));
        }
        Iterator<Map.Entry<String, JsonNode>> it = p.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), scalar(e.getValue(), at + "." + e.getKey()));
        }
        return params;
    }

    private void readEdges(JsonNode root, Graph graph, Map<String, Node> nodes, Project project)
            throws ProjectFormatException {
        JsonNode arr = root.get("edges");
        if (arr == null || arr.isNull()) {
            return;
        }
        if (!arr.isArray()) {
            throw new ProjectFormatException("edges", "must be a list of wires, not " + describe(arr));
        }
        for (int i = 0; i < arr.size(); i++) {
            String at = "edges[" + i + "]";
            JsonNode e = arr.get(i);
            if (!e.isObject()) {
                throw new ProjectFormatException(at, "must be {\"from\": \"node.port\", \"to\": \"node.port\"}, not "
                        + describe(e));
            }
            Port from = port(e, "from", at, nodes);
            Port to = port(e, "to", at, nodes);
            Edge edge = new Edge(from, to);
            if (graph.hasEdge(edge)) {
                throw new ProjectFormatException(at, "wire " + edge + " is listed twice; delete one");
            }
            graph.connect(edge);
            keepUnknown(e, EDGE, project.elementExtras("edges", edge.id()));
        }
    }

    private Port port(JsonNode e, String field, String at, Map<String, Node> nodes) throws ProjectFormatException {
        String text = requiredText(e, field, at);
        Port p;
        try {
            p = Port.parse(text);
        } catch (IllegalArgumentException ex) {
            throw new ProjectFormatException(at + "." + field, "'" + text + "' must name node.port, e.g. \"embed.out\"");
        }
        if (!nodes.containsKey(p.nodeId())) {
            throw new ProjectFormatException(at + "." + field, "refers to node '" + p.nodeId()
                    + "', which is not in \"nodes\"; fix the id or delete the wire");
        }
        return p;
    }

    private DatasetSpec readDataset(JsonNode d) throws ProjectFormatException {
        if (d == null || d.isNull()) {
            return null;
        }
        if (!d.isObject()) {
            throw new ProjectFormatException("dataset", "must be an object with a kind, not " + describe(d));
        }
        String kind = requiredText(d, "kind", "dataset");
        Map<String, Object> params = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = d.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("kind")) {
                params.put(e.getKey(), scalar(e.getValue(), "dataset." + e.getKey()));
            }
        }
        return new DatasetSpec(kind, params);
    }

    private TrainingSettings readTraining(JsonNode t) throws ProjectFormatException {
        TrainingSettings def = TrainingSettings.defaults();
        if (t == null || t.isNull()) {
            return def;
        }
        if (!t.isObject()) {
            throw new ProjectFormatException("training", "must be an object of settings, not " + describe(t));
        }
        TrainingSettings s = new TrainingSettings(
                intField(t, "epochs", def.epochs()), intField(t, "batchSize", def.batchSize()),
                t.has("optimizer") ? requiredText(t, "optimizer", "training") : def.optimizer(),
                numberField(t, "learningRate", def.learningRate()),
                longField(t, "seed", def.seed()),
                intField(t, "checkpointEvery", def.checkpointEvery()),
                intField(t, "earlyStoppingPatience", def.earlyStoppingPatience()),
                numberField(t, "validationSplit", def.validationSplit()),
                t.has("selectOn") ? requiredText(t, "selectOn", "training") : def.selectOn());
        if (!s.validate().isEmpty()) {
            String first = s.validate().get(0);
            int colon = first.indexOf(' ');
            throw new ProjectFormatException(first.substring(0, colon), first.substring(colon + 1));
        }
        return s;
    }

    private void keepUnknown(JsonNode obj, Set<String> known, Map<String, Object> into) {
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) {
                into.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class));
            }
        }
    }

}
