package dev.deepwire.inspect.walk;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.VertexActivations;
import dev.deepwire.compiler.Vertices;
import dev.deepwire.data.Dataset;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import dev.deepwire.model.PortSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A knowledge-graph scorer (any block with head, relation and tail inputs) on the example's triple: the vectors on
 * its head and relation wires, its score, and its score with every entity as the tail — the network itself re-run on
 * the example with only the tail id changed, in batches — for the top five and the true tail's rank.
 */
final class TripleScorer {
    /** Tails scored per forward pass. */
    private static final int BATCH = 2048;

    private TripleScorer() {
    }

    /**
     * A 1-N scorer (head and relation in, a score for every entity out, trained by a ranking output whose label is the
     * true tail's id): its scores read directly. Null for any other block.
     */
    static TripleScores oneToAll(Graph graph, BlockCatalog catalog, CompiledNetwork compiled, Node node,
                                 WalkTensor out, Dataset one) {
        BlockType type = catalog.require(node.type());
        List<String> ports = type.inputs().stream().map(PortSpec::name).toList();
        if (!ports.containsAll(List.of("head", "relation")) || ports.contains("tail") || out == null || out.values().length < 2) {
            return null;
        }
        Optional<Edge> head = graph.edgeInto(new Port(node.id(), "head"));
        Optional<Edge> relation = graph.edgeInto(new Port(node.id(), "relation"));
        int o = -1;
        for (Edge e : graph.edgesFrom(node.id())) {
            for (int i = 0; i < compiled.outputs().size(); i++) {
                if (compiled.outputs().get(i).nodeId().equals(e.to().nodeId())) {
                    o = i;
                }
            }
        }
        if (head.isEmpty() || relation.isEmpty() || o < 0 || one.labels() == null || one.labels()[o].length() != 1) {
            return null;
        }
        float[] scores = out.values();
        int truth = (int) one.labels()[o].getDouble(0);
        List<String> names = one.labelNames();
        List<TripleScores.Scored> all = new ArrayList<>();
        for (int e = 0; e < scores.length; e++) {
            all.add(new TripleScores.Scored(name(names, e), scores[e]));
        }
        double trueScore = truth >= 0 && truth < scores.length ? scores[truth] : Double.NaN;
        int rank = 1;
        for (float s : scores) {
            rank += s > trueScore ? 1 : 0;
        }
        List<TripleScores.Scored> top = all.stream().sorted(Comparator.comparingDouble(TripleScores.Scored::score).reversed())
                .limit(5).toList();
        return new TripleScores(idName(one, idInput(graph, catalog, compiled, head.get())),
                idName(one, idInput(graph, catalog, compiled, relation.get())), name(names, truth), new float[0], new float[0],
                trueScore, top, rank);
    }

    /** The scores, or null when the node is not a triple scorer or its tail does not come from an id input. */
    static TripleScores of(Graph graph, BlockCatalog catalog, CompiledNetwork compiled, ComputationGraph net, Node node,
                           Map<String, INDArray> acts, Dataset one) {
        BlockType type = catalog.require(node.type());
        List<String> ports = type.inputs().stream().map(PortSpec::name).toList();
        if (!ports.containsAll(List.of("head", "relation", "tail"))) {
            return null;
        }
        Optional<Edge> head = graph.edgeInto(new Port(node.id(), "head"));
        Optional<Edge> relation = graph.edgeInto(new Port(node.id(), "relation"));
        Optional<Edge> tail = graph.edgeInto(new Port(node.id(), "tail"));
        if (head.isEmpty() || relation.isEmpty() || tail.isEmpty()) {
            return null;
        }
        int tailInput = idInput(graph, catalog, compiled, tail.get());
        int headInput = idInput(graph, catalog, compiled, head.get());
        int relationInput = idInput(graph, catalog, compiled, relation.get());
        if (tailInput < 0 || compiled.inputs().get(tailInput).shape().range() <= 0) {
            return null;
        }
        int entities = compiled.inputs().get(tailInput).shape().range();
        float[] scores = new float[entities];
        for (int from = 0; from < entities; from += BATCH) {
            int n = Math.min(BATCH, entities - from);
            INDArray[] features = new INDArray[one.features().length];
            for (int i = 0; i < features.length; i++) {
                INDArray f = one.features()[i];
                long[] shape = f.shape().clone();
                shape[0] = n;
                features[i] = f.broadcast(shape).dup();
            }
            for (int k = 0; k < n; k++) {
                features[tailInput].putScalar(new long[] {k, 0}, from + k);
            }
            INDArray s = VertexActivations.of(net, features, null, null, false).get(node.id());
            float[] v = s.castTo(DataType.FLOAT).reshape(n).toFloatVector();
            System.arraycopy(v, 0, scores, from, n);
        }
        int truth = (int) one.features()[tailInput].getDouble(0, 0);
        double trueScore = acts.get(node.id()).getDouble(0);
        List<TripleScores.Scored> all = new ArrayList<>();
        List<String> names = one.inputNames(tailInput);
        for (int e = 0; e < entities; e++) {
            all.add(new TripleScores.Scored(name(names, e), scores[e]));
        }
        int rank = 1;
        for (float s : scores) {
            rank += s > trueScore ? 1 : 0;
        }
        List<TripleScores.Scored> top = all.stream().sorted(Comparator.comparingDouble(TripleScores.Scored::score).reversed())
                .limit(5).toList();
        return new TripleScores(idName(one, headInput), idName(one, relationInput), name(names, truth),
                WalkTensor.of("", "", acts.get(Vertices.of(graph, catalog, head.get().from()))).values(),
                WalkTensor.of("", "", acts.get(Vertices.of(graph, catalog, relation.get().from()))).values(),
                trueScore, top, rank);
    }

    private static String idName(Dataset one, int input) {
        return input < 0 ? "?" : name(one.inputNames(input), (int) one.features()[input].getDouble(0, 0));
    }

    private static String name(List<String> names, int id) {
        return id >= 0 && id < names.size() ? names.get(id) : "#" + id;
    }

    /**
     * The network input behind a wire: upstream from its source, through a port {@code x_out} to the block's input
     * {@code x} (the entity table's tail) or else the block's first wired input.
     */
    static int idInput(Graph graph, BlockCatalog catalog, CompiledNetwork compiled, Edge edge) {
        Port at = edge.from();
        for (int guard = 0; guard < graph.nodes().size() + 1; guard++) {
            Node n = graph.require(at.nodeId());
            BlockType type = catalog.require(n.type());
            if (type.isInput()) {
                for (int i = 0; i < compiled.inputs().size(); i++) {
                    if (compiled.inputs().get(i).nodeId().equals(n.id())) {
                        return i;
                    }
                }
                return -1;
            }
            String wanted = at.name().endsWith("_out") ? at.name().substring(0, at.name().length() - 4) : null;
            Optional<Edge> up = wanted != null ? graph.edgeInto(new Port(n.id(), wanted)) : Optional.empty();
            if (up.isEmpty()) {
                up = type.inputs().stream().map(p -> graph.edgeInto(new Port(n.id(), p.name())))
                        .flatMap(Optional::stream).findFirst();
            }
            if (up.isEmpty()) {
                return -1;
            }
            at = up.get().from();
        }
        return -1;
    }
}
