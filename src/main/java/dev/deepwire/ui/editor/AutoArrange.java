package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/** Left-to-right layered layout of a graph with Eclipse ELK (the Sugiyama-style "layered" algorithm). */
final class AutoArrange {
    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private AutoArrange() {
    }

    /**
     * Lays out a small graph once so ELK's classes are loaded and compiled: its first layout in a JVM takes
     * about a second whatever the size (1,000 blocks take 0.1 s after that). Call off the UI thread.
     */
    static void warmUp(BlockCatalog catalog) {
        Graph g = new Graph();
        g.addNode(catalog.newNode("token_input", "a", 0, 0));
        g.addNode(catalog.newNode("token_embedding", "b", 0, 0));
        g.addNode(catalog.newNode("global_pool", "c", 0, 0));
        g.connect(new Edge(new Port("a", "out"), new Port("b", "in")));
        g.connect(new Edge(new Port("b", "out"), new Port("c", "in")));
        for (int i = 0; i < 20; i++) {
            layout(g, catalog);
        }
    }

    /** New top-left positions for every node, keyed by node id. */
    static Map<String, double[]> layout(Graph graph, BlockCatalog catalog) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 40.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 20.0);
        Map<String, ElkNode> elk = new HashMap<>();
        for (Node n : graph.nodes()) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setDimensions(NodeView.WIDTH, NodeView.heightFor(catalog.find(n.type()).orElse(null)));
            elk.put(n.id(), e);
        }
        for (Edge e : graph.edges()) {
            ElkGraphUtil.createSimpleEdge(elk.get(e.from().nodeId()), elk.get(e.to().nodeId()));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            ElkNode e = elk.get(n.id());
            out.put(n.id(), new double[] {Math.round(e.getX()), Math.round(e.getY())});
        }
        return out;
    }
}
