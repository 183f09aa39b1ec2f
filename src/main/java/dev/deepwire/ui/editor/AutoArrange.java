package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
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
            int rows = catalog.find(n.type()).map(t -> Math.max(t.inputs().size(), t.outputs().size())).orElse(1);
            e.setDimensions(NodeView.WIDTH, Math.max(86, 44 + rows * 22));
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
