package dev.deepwire.compiler;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.GraphChecker;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Node;
import dev.deepwire.model.ParamSpec;
import dev.deepwire.model.Port;
import dev.deepwire.model.PortSpec;
import dev.deepwire.model.TensorShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every wire its tensor shape and every node its parameter count without building or training
 * anything. Pure and fast, so the editor can run it after each edit (off the UI thread).
 */
public final class ShapeInference {
    private final BlockCatalog catalog;

    public ShapeInference(BlockCatalog catalog) {
        this.catalog = catalog;
    }

    public ShapeReport infer(Graph graph) {
        Map<String, Map<String, TensorShape>> outputs = new HashMap<>();
        Map<Edge, TensorShape> edgeShapes = new HashMap<>();
        Map<String, Long> params = new HashMap<>();
        List<Issue> issues = new ArrayList<>();
        Optional<List<String>> order = GraphChecker.topologicalOrder(graph);
        if (order.isEmpty()) {
            return new ShapeReport(outputs, edgeShapes, params, issues); // the checker reports the cycle
        }
        for (String id : order.get()) {
            Node node = graph.require(id);
            Optional<BlockType> type = catalog.find(node.type());
            Optional<BlockTranslator> tr = Translators.forBlock(node.type());
            if (type.isEmpty() || tr.isEmpty() || !paramsValid(node, type.get())) {
                continue; // the checker names these problems
            }
            Map<String, TensorShape> inShapes = new LinkedHashMap<>();
            Map<String, String> inVertices = new LinkedHashMap<>();
            boolean ready = true;
            for (PortSpec in : type.get().inputs()) {
                Optional<Edge> e = graph.edgeInto(new Port(id, in.name()));
                if (e.isEmpty() && !in.required()) {
                    continue;
                }
                TensorShape s = e.map(edgeShapes::get).orElse(null);
                if (s == null) {
                    ready = false;
                    break;
                }
                inShapes.put(in.name(), s);
                inVertices.put(in.name(), Vertices.of(graph, catalog, e.get().from()));
            }
            if (!ready) {
                continue;
            }
            try {
                Inferred inferred = tr.get().infer(new NodeContext(node, catalog, inShapes, inVertices));
                outputs.put(id, inferred.outputs());
                params.put(id, inferred.params());
                java.util.Set<String> givesNothing = new java.util.TreeSet<>();
                for (Edge e : graph.edgesFrom(id)) {
                    TensorShape s = inferred.outputs().get(e.from().name());
                    if (s != null) {
                        edgeShapes.put(e, s);
                    } else {
                        givesNothing.add(e.from().name());
                    }
                }
                // An output the block gives only with an optional input wired (an entity table's tail_out without
                // its tail id): wired onward, it had left '?' on every wire after it and the graph "ready to train".
                for (String out : givesNothing) {
                    List<String> unwired = type.get().inputs().stream().filter(in -> !in.required())
                            .map(PortSpec::name).filter(in -> graph.edgeInto(new Port(id, in)).isEmpty()).toList();
                    issues.add(Issue.error(id, "output '" + out + "' is wired onward but gives nothing"
                            + (unwired.isEmpty() ? "" : " until input '" + String.join("', '", unwired) + "' is wired")));
                }
            } catch (ShapeProblem p) {
                issues.add(Issue.error(id, p.getMessage()));
            }
        }
        return new ShapeReport(outputs, edgeShapes, params, issues);
    }

    private static boolean paramsValid(Node node, BlockType type) {
        for (ParamSpec p : type.params()) {
            Object v = node.param(p.name());
            if (v != null && p.validate(v).isPresent()) {
                return false;
            }
        }
        return true;
    }
}
