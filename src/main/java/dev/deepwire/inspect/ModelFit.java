package dev.deepwire.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.Dataset;
import dev.deepwire.limits.FileProblems;
import dev.deepwire.limits.ModelZips;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Loads a model zip for a compiled network: the zip is checked within limits before DL4J reads it, and the model must
 * have the network's blocks and their parameter counts, and finite parameters — so a model of another project (or of
 * the project before an edit), or of a run that diverged, is refused with the reason instead of failing deep inside
 * ND4J or giving NaN figures. The command line and the workbench load models for a project through it.
 */
public final class ModelFit {
    /** The file is read, but it is not a model DL4J can restore. */
    public static final class NotAModel extends IOException {
        NotAModel(String why) {
            super(why);
        }
    }

    /** The model is not the network's (the reason names the first difference). */
    public static final class Mismatch extends IOException {
        Mismatch(String why) {
            super(why);
        }
    }

    /** The model's parameters hold NaN or infinite values: the run that wrote it diverged. */
    public static final class NotFinite extends IOException {
        NotFinite() {
            super("it holds parameters that are not numbers (NaN or infinite): the run that wrote it diverged; train "
                    + "again, e.g. with a lower learning rate");
        }
    }

    private ModelFit() {
    }

    /**
     * The model in {@code model}, checked against {@code network}; a file that cannot be read throws the reading
     * problem (a {@code LimitException}, {@code NoSuchFileException}, …).
     */
    /** DL4J's reading of a checked model file; what it cannot read is {@link NotAModel}. */
    private static ComputationGraph restore(Path checked) throws NotAModel {
        try {
            return ModelSerializer.restoreComputationGraph(checked.toFile(), false);
        } catch (IOException e) {
            throw new NotAModel(FileProblems.describe(e));
        } catch (RuntimeException e) {
            throw new NotAModel(e.getMessage() == null ? "DL4J could not restore it (" + e.getClass().getSimpleName() + ")"
                    : FileProblems.plain(e.getMessage()));
        }
    }

    public static ComputationGraph load(Path model, CompiledNetwork network) throws IOException {
        ComputationGraph net;
        try (ModelZips.Checked checked = ModelZips.checkedCopy(model)) {
            if (checked.params() != network.totalParams()) {
                throw new Mismatch(String.format("it holds %,d parameters but the project's network has %,d",
                        checked.params(), network.totalParams()));
            }
            net = restore(checked.file());
        }
        for (var entry : network.shapes().paramCounts().entrySet()) {
            if (net.getVertex(entry.getKey()) == null) {
                throw new Mismatch("it has no block '" + entry.getKey() + "'");
            }
            long held = blockParams(net, entry.getKey());
            if (held != entry.getValue()) {
                throw new Mismatch(String.format("its block '%s' has %,d parameters, the project's %,d",
                        entry.getKey(), held, entry.getValue()));
            }
        }
        sameSettings(net, network);
        if (BooleanIndexing.or(net.params(), Conditions.notFinite())) {
            throw new NotFinite(); // every figure from it would be NaN (evaluation, ablation, an embedding map)
        }
        return net;
    }

    /**
     * The model in {@code model}, checked against {@code network} as {@link #load(Path, CompiledNetwork)} does, and
     * then run on one of {@code examples}: a model whose blocks have the network's parameter counts but not its
     * shapes (a sequence length changed since, a crafted configuration) fails there, refused as not the network's,
     * instead of deep inside DL4J in whatever used it next.
     */
    public static ComputationGraph load(Path model, CompiledNetwork network, Dataset examples) throws IOException {
        ComputationGraph net = load(model, network);
        if (examples != null && examples.size() > 0) {
            MultiDataSet one = examples.range(0, 1).batches(1, null).get(0);
            try {
                net.output(false, one.getFeatures(), one.getFeaturesMaskArrays(), one.getLabelsMaskArrays());
            } catch (RuntimeException | StackOverflowError e) {
                throw new Mismatch("it does not run on the project's data: " + FileProblems.plain(
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        return net;
    }

    /**
     * What training sets on a layer (the updater and its learning rate, dropout, weight decay, initialisation, counters):
     * a model trained with other training settings is still the network's.
     */
    private static final Set<String> TRAINING_ONLY = Set.of("iupdater", "biasUpdater", "idropout", "weightNoise",
            "constraints", "regularization", "regularizationBias", "gradientNormalization",
            "gradientNormalizationThreshold", "weightInitFn", "biasInit", "gainInit", "epochCount", "iterationCount",
            "cacheMode", "dataType", "seed", "variables",
            // a layer's name is set by DL4J as the network is built (null in a configuration not yet built): the
            // vertex's own name is what tells blocks apart, checked above
            "layerName");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Every block of the network set as in the model (heads, activations, sizes — whatever the configuration holds
     * beyond training settings): four heads and two have the same parameter count, and the figures would have come
     * from the model's settings, not the project's.
     */
    public static void sameSettings(ComputationGraph net, CompiledNetwork network) throws Mismatch {
        JsonNode model;
        JsonNode project;
        try {
            model = JSON.readTree(net.getConfiguration().toJson()).path("vertices");
            project = JSON.readTree(network.configurationJson()).path("vertices");
        } catch (IOException | RuntimeException e) {
            return; // a configuration that does not serialise: the forward pass on an example judges it
        }
        var names = project.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode mine = model.get(name);
            if (mine == null) {
                throw new Mismatch("it has no part '" + name + "'");
            }
            String difference = difference(project.get(name), mine, "");
            if (difference != null) {
                String block = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                throw new Mismatch("its block '" + block + "' is set differently (" + difference + ")");
            }
        }
    }

    /** The first setting in which two configurations differ ("nHeads: 2 in the project, 4 in the model"), or null. */
    private static String difference(JsonNode project, JsonNode model, String path) {
        if (project.isObject() && model.isObject()) {
            var fields = new java.util.TreeSet<String>();
            project.fieldNames().forEachRemaining(fields::add);
            model.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                if (TRAINING_ONLY.contains(f)) {
                    continue;
                }
                JsonNode a = project.get(f);
                JsonNode b = model.get(f);
                String d = a == null || b == null ? (java.util.Objects.equals(a, b) ? null
                        : describe(path + f, a, b)) : difference(a, b, path + f + ".");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return project.equals(model) ? null : describe(path.endsWith(".") ? path.substring(0, path.length() - 1) : path,
                project, model);
    }

    private static String describe(String path, JsonNode project, JsonNode model) {
        String name = path.replaceAll("^layerConf\\.layer\\.", "").replace("@class", "kind");
        return name + ": " + shortly(project) + " in the project, " + shortly(model) + " in the model";
    }

    private static String shortly(JsonNode n) {
        if (n == null) {
            return "none";
        }
        String s = n.isTextual() ? n.asText().replaceAll("^.*\\.", "") : n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    /** A block's parameters: its own vertex and the parts it compiles to ({@code id.part}, e.g. a transformer block's). */
    private static long blockParams(ComputationGraph net, String nodeId) {
        long n = 0;
        for (GraphVertex v : net.getVertices()) {
            if (v.getVertexName().equals(nodeId) || v.getVertexName().startsWith(nodeId + ".")) {
                n += v.numParams();
            }
        }
        return n;
    }
}
