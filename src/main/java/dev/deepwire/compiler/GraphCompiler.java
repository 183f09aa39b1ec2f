package dev.deepwire.compiler;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Graph;
import dev.deepwire.model.GraphChecker;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import dev.deepwire.model.PortSpec;
import dev.deepwire.model.TensorShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * Turns a graph into a DL4J {@link ComputationGraphConfiguration}, or into issues attached to nodes.
 * A pure function of the graph and options. It never calls {@code setInputTypes} (which overwrites
 * explicit sizes in DL4J M2.1): every size comes from {@link ShapeInference}.
 */
public final class GraphCompiler {
    private final BlockCatalog catalog;
    private final GraphChecker checker;
    private final ShapeInference inference;

    public GraphCompiler(BlockCatalog catalog) {
        this.catalog = catalog;
        this.checker = new GraphChecker(catalog);
        this.inference = new ShapeInference(catalog);
    }

    public CompileResult compile(Graph graph, CompileOptions options) {
        List<Issue> issues = new ArrayList<>(checker.check(graph));
        ShapeReport shapes = inference.infer(graph);
        issues.addAll(shapes.issues());
        if (issues.stream().anyMatch(Issue::isError)) {
            return new CompileResult(Optional.empty(), issues, shapes);
        }
        List<String> order = GraphChecker.topologicalOrder(graph).orElseThrow();
        // A half-built branch (common while editing) reaches no output: DL4J refuses such a network, so it is
        // left out and said so; the connected part compiles and trains.
        Set<String> live = checker.reachingOutputs(graph);
        Set<String> warned = new HashSet<>();
        issues.stream().filter(i -> !i.isError() && GraphChecker.UNUSED.equals(i.message())).forEach(i -> warned.add(i.nodeId()));
        boolean deadInput = false;
        for (String id : order) {
            if (!live.contains(id)) {
                deadInput |= catalog.require(graph.require(id).type()).isInput();
                if (!warned.contains(id)) {
                    issues.add(Issue.warn(id, GraphChecker.UNUSED));
                }
            }
        }
        order = order.stream().filter(live::contains).toList();
        GraphBuilder builder = new NeuralNetConfiguration.Builder()
                .seed(options.seed())
                .dataType(options.dataType())
                .updater(options.updater())
                .weightInit(WeightInit.XAVIER)
                .graphBuilder();
        List<CompiledNetwork.Input> inputs = new ArrayList<>();
        List<CompiledNetwork.Output> outputs = new ArrayList<>();
        Map<String, List<String>> vertices = new LinkedHashMap<>();
        Map<String, List<String>> ownVertices = new HashMap<>();
        for (Node n : InputOrder.of(graph, catalog)) { // a triple's id inputs as the data gives them
            builder.addInputs(n.id());
            inputs.add(new CompiledNetwork.Input(n.id(), shapes.outputOf(n.id()).orElseThrow()));
            vertices.put(n.id(), List.of(n.id()));
        }
        for (String id : order) {
            Node node = graph.require(id);
            BlockType type = catalog.require(node.type());
            if (type.isInput()) {
                continue;
            }
            NodeContext ctx = context(graph, node, type, shapes);
            BlockTranslator translator = Translators.forBlock(node.type()).orElseThrow();
            try {
                translator.build(ctx, builder);
            } catch (RuntimeException e) {
                issues.add(Issue.error(id, "DL4J refused this block: " + e.getMessage()
                        + "; check its parameters"));
                return new CompileResult(Optional.empty(), issues, shapes);
            }
            List<String> own = new ArrayList<>();
            vertices.put(id, own);
            ownVertices.put(id, own);
            if (type.isOutput()) {
                Map<String, Object> settings = new LinkedHashMap<>();
                type.params().forEach(p -> settings.put(p.name(), catalog.paramValue(node, p.name())));
                outputs.add(new CompiledNetwork.Output(node.id(), node.type(), translator.labelSize(ctx), settings));
            }
        }
        // A block's vertices are named by its id or "<id>.<part>" (ids have no dots): one pass assigns them all.
        for (String v : builder.getVertices().keySet()) {
            int dot = v.indexOf('.');
            List<String> own = ownVertices.get(dot < 0 ? v : v.substring(0, dot));
            if (own != null) {
                own.add(v);
            }
        }
        if (deadInput) {
            builder.allowDisconnected(true); // the data still feeds an unused input; nothing reads it
        }
        builder.setOutputs(outputs.stream().map(CompiledNetwork.Output::nodeId).toArray(String[]::new));
        ComputationGraphConfiguration conf;
        try {
            conf = builder.build();
        } catch (RuntimeException e) {
            issues.add(Issue.error(null, "DL4J could not build the network: " + e.getMessage()));
            return new CompileResult(Optional.empty(), issues, shapes);
        }
        // The network's shapes and parameter counts are those of what was built (an unused branch is not).
        ShapeReport built = live.size() == graph.nodes().size() ? shapes : shapes.only(live);
        return new CompileResult(Optional.of(new CompiledNetwork(conf, inputs, outputs, built, vertices)), issues, shapes);
    }

    private NodeContext context(Graph graph, Node node, BlockType type, ShapeReport shapes) {
        Map<String, TensorShape> in = new LinkedHashMap<>();
        Map<String, String> vertices = new LinkedHashMap<>();
        for (PortSpec p : type.inputs()) {
            graph.edgeInto(new Port(node.id(), p.name())).ifPresent(e -> {
                in.put(p.name(), shapes.shapeOf(e).orElseThrow());
                vertices.put(p.name(), Vertices.of(graph, catalog, e.from()));
            });
        }
        return new NodeContext(node, catalog, in, vertices);
    }
}
