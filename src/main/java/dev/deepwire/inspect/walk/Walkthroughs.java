package dev.deepwire.inspect.walk;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.VertexActivations;
import dev.deepwire.compiler.Vertices;
import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.AxisLabels;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.GraphChecker;
import dev.deepwire.model.Node;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.PortSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds a {@link Walkthrough}: one forward pass of the model on one example ({@code feedForward}, masks applied)
 * gives every vertex's activation; each block then becomes a step with the tensors on its wires and its formula
 * filled in. Nothing is recomputed for display except the attention arithmetic (checked against the block) and a
 * triple scorer's other tails (the network re-run).
 */
public final class Walkthroughs {
    private Walkthroughs() {
    }

    /**
     * @param one      one example, its inputs in the network's order (as training binds them)
     * @param position the sequence position the formulas show
     * @param head     the attention head the formulas show
     */
    public static Walkthrough of(String project, String example, Graph graph, BlockCatalog catalog,
                                 CompiledNetwork compiled, ComputationGraph net, Dataset one, int position, int head) {
        if (one.size() != 1) {
            throw new IllegalArgumentException("a walk-through follows one example, not " + one.size());
        }
        Map<String, INDArray> acts = VertexActivations.of(net, one.features(), one.featureMasks(), null, false);
        List<String> order = GraphChecker.topologicalOrder(graph).orElseThrow(
                () -> new IllegalArgumentException("the graph has a cycle"));
        List<Step> steps = new ArrayList<>();
        for (String id : order) {
            if (!compiled.vertices().containsKey(id)) {
                continue; // an unused branch: not part of the network
            }
            steps.add(step(steps.size(), graph, catalog, compiled, net, graph.require(id), acts, one, position, head));
        }
        return new Walkthrough(project, example, position, head, steps, null);
    }

    private static Step step(int index, Graph graph, BlockCatalog catalog, CompiledNetwork compiled, ComputationGraph net,
                             Node node, Map<String, INDArray> acts, Dataset one, int position, int head) {
        BlockType type = catalog.require(node.type());
        List<WalkTensor> inputs = new ArrayList<>();
        for (PortSpec p : type.inputs()) {
            for (Edge e : graph.edgesInto(node.id())) {
                if (e.to().name().equals(p.name())) {
                    String vertex = Vertices.of(graph, catalog, e.from());
                    INDArray a = acts.get(vertex);
                    if (a != null) {
                        java.util.Set<PortKind> kinds = graph.node(e.from().nodeId()).flatMap(n -> catalog.find(n.type()))
                                .flatMap(t -> t.output(e.from().name())).map(PortSpec::kinds).orElse(java.util.Set.of());
                        inputs.add(named(WalkTensor.of(wireName(e), wireLabel(graph, e), vertex, a), kinds, net, one));
                    }
                }
            }
        }
        List<WalkTensor> outputs = new ArrayList<>();
        if (type.isOutput()) {
            outputs.add(WalkTensor.of(node.id() + " (output)", shownName(node) + " (output)", node.id(), acts.get(node.id())));
        }
        for (PortSpec p : type.outputs()) {
            String vertex = Vertices.of(node.id(), type, p.name());
            INDArray a = type.isInput() ? inputOf(compiled, node.id(), one) : acts.get(vertex);
            if (a != null) {
                outputs.add(named(WalkTensor.of(node.id() + "." + p.name(), shownName(node) + "." + p.name(), vertex, a),
                        p.kinds(), net, one));
            }
        }
        int pos = Math.max(0, Math.min(position, positionsOf(inputs, outputs) - 1));
        AttentionStep attention = AttentionMath.of(net, node.id(), acts, one, pos, head);
        TripleScores triple = TripleScorer.of(graph, catalog, compiled, net, node, acts, one);
        if (triple == null) {
            triple = TripleScorer.oneToAll(graph, catalog, compiled, node, outputs.isEmpty() ? null : outputs.get(0), one);
        }
        Prediction prediction = null;
        if (type.isOutput() && !outputs.isEmpty()) {
            int o = outputIndex(compiled, node.id());
            INDArray label = o < 0 || one.labels() == null || o >= one.labels().length ? null : one.labels()[o];
            prediction = Predictions.of(node.type(), outputs.get(0), label, one.labelNames(), pos);
        }
        // an input block names its ids by its own input's names (an entity, a relation); other blocks by the first input's
        int tokenInput = type.isInput() ? networkInput(compiled, node.id())
                : inputs.isEmpty() ? -1 : AttentionMath.networkInput(net.getConfiguration(), inputs.get(0).vertex());
        // a token input's ids by their names, as the attention inspector's axes name them (AxisLabels): "y = [31, 26, …]"
        // had left the tokens to guess
        List<String> tokens = type.isInput() && tokenInput >= 0 && tokenInput < one.features().length
                && type.outputs().stream().anyMatch(p -> p.kinds().contains(PortKind.TOKEN_IDS))
                ? AxisLabels.of(one, tokenInput, 0) : List.of();
        List<String> lines = Formulas.lines(node.type(), inputs, outputs, pos, attention, triple, prediction,
                Formulas.params(net, node.id()), Formulas.names(one, tokenInput), tokens);
        return new Step(index, node.id(), shownName(node),
                node.type(), type.formula() == null ? "" : type.formula(), inputs, outputs, lines, attention, triple, prediction);
    }

    /** An input block's tensor: the example's features for that network input. */
    private static INDArray inputOf(CompiledNetwork compiled, String nodeId, Dataset one) {
        for (int i = 0; i < compiled.inputs().size(); i++) {
            if (compiled.inputs().get(i).nodeId().equals(nodeId) && i < one.features().length) {
                return one.features()[i];
            }
        }
        return null;
    }

    /** Which network input an input block is (-1: none). */
    /**
     * Token ids, or a sequence over them, with their positions named by the tokens of the network input they come from,
     * as the step's formulas and the attention inspector name them ({@link AxisLabels}): the larger view of a wire had
     * read "[3] = 31", the id without its token.
     */
    private static WalkTensor named(WalkTensor t, java.util.Set<PortKind> kinds, ComputationGraph net, Dataset one) {
        if (!kinds.contains(PortKind.TOKEN_IDS) && !(kinds.contains(PortKind.SEQUENCE) && t.isSequence())) {
            return t;
        }
        int input = AttentionMath.networkInput(net.getConfiguration(), t.vertex());
        return input < 0 || input >= one.features().length || one.features()[input].rank() != 2 ? t
                : t.withTokens(AxisLabels.of(one, input, 0));
    }

    private static int networkInput(CompiledNetwork compiled, String nodeId) {
        for (int i = 0; i < compiled.inputs().size(); i++) {
            if (compiled.inputs().get(i).nodeId().equals(nodeId)) {
                return i;
            }
        }
        return -1;
    }

    private static int outputIndex(CompiledNetwork compiled, String nodeId) {
        for (int i = 0; i < compiled.outputs().size(); i++) {
            if (compiled.outputs().get(i).nodeId().equals(nodeId)) {
                return i;
            }
        }
        return -1;
    }

    /** How many positions the step's sequences (or token ids) have: the largest, at least 1. */
    private static int positionsOf(List<WalkTensor> inputs, List<WalkTensor> outputs) {
        int n = 1;
        for (WalkTensor t : inputs) {
            n = Math.max(n, t.isSequence() || t.shape().length == 1 && t.shape()[0] > 1 && isIds(t) ? t.positions() : 1);
        }
        for (WalkTensor t : outputs) {
            n = Math.max(n, t.isSequence() ? t.positions() : 1);
        }
        return n;
    }

    private static boolean isIds(WalkTensor t) {
        for (float v : t.values()) {
            if (v != Math.rint(v) || v < 0) {
                return false;
            }
        }
        return true;
    }

    /** A wire as the canvas names it: {@code from.port → to.port}. */
    public static String wireName(Edge e) {
        return e.from().nodeId() + "." + e.from().name() + " → " + e.to().nodeId() + "." + e.to().name();
    }

    /**
     * A wire as the user reads it: by its blocks' names, as the canvas and the inspector show them
     * ({@code Head entity.out → DistMult (1-N).head}); the step-through showed the ids ({@code head.out → score.head}).
     */
    public static String wireLabel(Graph graph, Edge e) {
        return shownName(graph.require(e.from().nodeId())) + "." + e.from().name() + " → "
                + shownName(graph.require(e.to().nodeId())) + "." + e.to().name();
    }

    /** The name a step gives its block: its name on the canvas, or its id where it has none. */
    public static String shownName(Node node) {
        return node.label() == null || node.label().isBlank() ? node.id() : dev.deepwire.limits.ShownName.of(node.label());
    }
}
