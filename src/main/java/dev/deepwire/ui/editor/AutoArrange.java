package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import dev.deepwire.model.Note;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /**
     * Moves for the notes after the blocks were arranged at {@code positions}: a column to the right of the blocks, in
     * the notes' order from top to bottom, each below the one before by its text's height (estimated from its length,
     * generously). Left where they were, they could lie over the arranged blocks (marker's Residual 1 under a note).
     */
    static List<dev.deepwire.model.Command> notesBeside(List<Note> notes, Map<String, double[]> positions) {
        if (notes.isEmpty() || positions.isEmpty()) {
            return List.of();
        }
        double right = positions.values().stream().mapToDouble(p -> p[0] + NodeView.WIDTH).max().orElse(0) + 60;
        double y = positions.values().stream().mapToDouble(p -> p[1]).min().orElse(0);
        List<dev.deepwire.model.Command> moves = new ArrayList<>();
        List<Note> ordered = notes.stream().sorted(java.util.Comparator.comparingDouble(Note::y).thenComparingDouble(Note::x)).toList();
        for (Note n : ordered) {
            if (n.x() != right || n.y() != y) {
                moves.add(dev.deepwire.model.NoteCommand.change(n, n.at(right, y)));
            }
            y += estimatedHeight(n.text()) + 16;
        }
        return moves;
    }

    /** A note's height on the canvas, estimated on the high side: about 30 characters a line of 17 px, and its padding. */
    static double estimatedHeight(String text) {
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(line.length() / 30.0));
        }
        return 24 + 17.0 * lines;
    }
}
