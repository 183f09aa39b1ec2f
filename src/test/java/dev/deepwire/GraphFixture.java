package dev.deepwire;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds small graphs for tests: {@code new GraphFixture().node("a", "dense", "units", 4).wire("a.out", "b.in")}. */
public final class GraphFixture {
    private final Graph graph = new Graph();
    private final BlockCatalog catalog = BlockCatalog.standard();

    public GraphFixture node(String id, String type, Object... params) {
        Node n = catalog.newNode(type, id, graph.nodes().size() * 200.0, 0);
        Map<String, Object> p = new LinkedHashMap<>(n.params());
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        graph.addNode(new Node(id, type, n.label(), p, n.x(), n.y()));
        return this;
    }

    public GraphFixture wire(String from, String to) {
        graph.connect(new Edge(Port.parse(from), Port.parse(to)));
        return this;
    }

    public Graph graph() {
        return graph;
    }
}
