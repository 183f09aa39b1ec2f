package dev.deepwire.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Structural checks that need no shapes: unknown blocks, parameter ranges, missing and doubled wires,
 * port-kind mismatches and cycles. Every issue names its node and says how to fix it.
 */
public final class GraphChecker {
    /** The warning on a block whose work reaches no output: it is left out when the network is built. */
    public static final String UNUSED = "output unused — this branch is not trained (wire it onward to an output, or "
            + "delete it)";
    private final BlockCatalog catalog;

    public GraphChecker(BlockCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Issue> check(Graph graph) {
        List<Issue> issues = new ArrayList<>();
        // Counted once, not per port: a graph of 1,000 blocks was checked in O(blocks × wires).
        Map<Port, Long> wiresInto = new HashMap<>();
        Set<String> feeding = new HashSet<>();
        for (Edge e : graph.edges()) {
            wiresInto.merge(e.to(), 1L, Long::sum);
            feeding.add(e.from().nodeId());
        }
        for (Node node : graph.nodes()) {
            Optional<BlockType> type = catalog.find(node.type());
            if (type.isEmpty()) {
                issues.add(Issue.error(node.id(), "unknown block type '" + node.type()
                        + "'; replace it with a block from the palette"));
                continue;
            }
            checkParams(node, type.get(), issues);
            checkInputsWired(node, type.get(), wiresInto, feeding, issues);
        }
        checkEdges(graph, issues);
        findCycle(graph).ifPresent(cycle -> issues.add(Issue.error(cycle.get(0), "the graph has a cycle ("
                + String.join(" → ", cycle) + " → " + cycle.get(0) + "); remove one of these wires")));
        boolean hasOutput = graph.nodes().stream().anyMatch(n -> catalog.find(n.type()).map(BlockType::isOutput).orElse(false));
        boolean hasInput = graph.nodes().stream().anyMatch(n -> catalog.find(n.type()).map(BlockType::isInput).orElse(false));
        if (!hasInput) {
            issues.add(Issue.error(null, "the graph has no input block; add one from the Inputs category"));
        }
        if (!hasOutput) {
            issues.add(Issue.error(null, "the graph has no output block; add one from the Output category"));
        }
        return issues;
    }

    private void checkParams(Node node, BlockType type, List<Issue> issues) {
        for (ParamSpec spec : type.params()) {
            Object value = node.param(spec.name());
            if (value != null) {
                spec.validate(value).ifPresent(msg -> issues.add(Issue.error(node.id(), msg)));
            }
        }
        for (String name : node.params().keySet()) {
            if (type.param(name).isEmpty()) {
                issues.add(Issue.warn(node.id(), "parameter '" + name + "' is not used by " + type.label()
                        + " and will be ignored; remove it"));
            }
        }
    }

    private void checkInputsWired(Node node, BlockType type, Map<Port, Long> wiresInto, Set<String> feeding,
                                  List<Issue> issues) {
        for (PortSpec in : type.inputs()) {
            long wires = wiresInto.getOrDefault(new Port(node.id(), in.name()), 0L);
            if (wires == 0 && in.required()) {
                issues.add(Issue.error(node.id(), "input '" + in.name() + "' is not connected; wire "
                        + anOutput(kinds(in)) + " into it"));
            } else if (wires > 1) {
                issues.add(Issue.error(node.id(), "input '" + in.name() + "' has " + wires
                        + " wires; keep one (use an Add or Concat block to combine)"));
            }
        }
        if (!type.isOutput() && !feeding.contains(node.id())) {
            issues.add(Issue.warn(node.id(), UNUSED));
        }
    }

    private void checkEdges(Graph graph, List<Issue> issues) {
        for (Edge e : graph.edges()) {
            Optional<PortSpec> out = portOf(graph, e.from(), false);
            Optional<PortSpec> in = portOf(graph, e.to(), true);
            if (out.isEmpty()) {
                issues.add(Issue.error(e.from().nodeId(), "wire " + e + " starts at an output '" + e.from().name()
                        + "' that this block does not have; delete the wire"));
            }
            if (in.isEmpty()) {
                issues.add(Issue.error(e.to().nodeId(), "wire " + e + " ends at an input '" + e.to().name()
                        + "' that this block does not have; delete the wire"));
            }
            if (out.isPresent() && in.isPresent() && !compatible(out.get(), in.get())) {
                issues.add(Issue.error(e.to().nodeId(), "input '" + in.get().name() + "' takes "
                        + kinds(in.get()) + " but " + e.from().nodeId() + " gives " + kinds(out.get())
                        + "; insert a block that converts it (e.g. Pool over time for sequence → vector)"));
            }
        }
    }

    /** Whether a wire may go from {@code from} (an output) to {@code to} (an input), and why not. */
    public ConnectionCheck canConnect(Graph graph, Port from, Port to) {
        if (!graph.contains(from.nodeId()) || !graph.contains(to.nodeId())) {
            return ConnectionCheck.refused("both ends must be blocks on the canvas");
        }
        if (from.nodeId().equals(to.nodeId())) {
            return ConnectionCheck.refused("a block cannot feed itself");
        }
        Optional<PortSpec> out = portOf(graph, from, false);
        Optional<PortSpec> in = portOf(graph, to, true);
        if (out.isEmpty()) {
            return ConnectionCheck.refused(from + " is not an output port; drag from an output on the right side");
        }
        if (in.isEmpty()) {
            return ConnectionCheck.refused(to + " is not an input port; drop on an input on the left side");
        }
        if (!compatible(out.get(), in.get())) {
            return ConnectionCheck.refused(to.nodeId() + "." + to.name() + " takes " + kinds(in.get())
                    + ", not " + kinds(out.get()));
        }
        if (reaches(graph, to.nodeId(), from.nodeId())) {
            return ConnectionCheck.refused("this wire would make a cycle: " + from.nodeId()
                    + " already depends on " + to.nodeId());
        }
        Optional<Edge> existing = graph.edgeInto(to);
        if (existing.isPresent()) {
            if (existing.get().from().equals(from)) {
                return ConnectionCheck.refused("these ports are already wired");
            }
            return ConnectionCheck.ok("replaces the wire from " + existing.get().from());
        }
        return ConnectionCheck.ok(from.nodeId() + " → " + to.nodeId() + " (" + kinds(out.get()) + ")");
    }

    private Optional<PortSpec> portOf(Graph graph, Port port, boolean input) {
        return graph.node(port.nodeId()).flatMap(n -> catalog.find(n.type()))
                .flatMap(t -> input ? t.input(port.name()) : t.output(port.name()));
    }

    private static boolean compatible(PortSpec out, PortSpec in) {
        return out.kinds().stream().anyMatch(in::accepts);
    }

    /** "an id output", "an image output", "a vector output": "wire a id output into it" had greeted a new block. */
    private static String anOutput(String kinds) {
        return (kinds.matches("^[aeiou].*") ? "an " : "a ") + kinds + " output";
    }

    private static String kinds(PortSpec p) {
        return p.kinds().stream().map(PortKind::label).sorted().collect(Collectors.joining(" or "));
    }

    /** True when {@code target} can be reached from {@code start} following wires forward. */
    private static boolean reaches(Graph graph, String start, String target) {
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(target)) {
                return true;
            }
            if (seen.add(id)) {
                graph.edgesFrom(id).forEach(e -> todo.push(e.to().nodeId()));
            }
        }
        return false;
    }

    /** One cycle's node ids in wire order, if the graph has any. Iterative: a chain of any length fits the stack. */
    public static Optional<List<String>> findCycle(Graph graph) {
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        Map<String, List<String>> next = new HashMap<>();
        graph.edges().forEach(e -> next.computeIfAbsent(e.from().nodeId(), k -> new ArrayList<>()).add(e.to().nodeId()));
        List<String> path = new ArrayList<>();
        Deque<int[]> cursor = new ArrayDeque<>(); // per path entry: the next successor to visit
        for (Node n : graph.nodes()) {
            if (state.containsKey(n.id())) {
                continue;
            }
            state.put(n.id(), 1);
            path.add(n.id());
            cursor.push(new int[] {0});
            while (!path.isEmpty()) {
                String id = path.get(path.size() - 1);
                List<String> succ = next.getOrDefault(id, List.of());
                int[] at = cursor.peek();
                if (at[0] >= succ.size()) {
                    state.put(id, 2);
                    path.remove(path.size() - 1);
                    cursor.pop();
                    continue;
                }
                String s = succ.get(at[0]++);
                Integer st = state.get(s);
                if (st == null) {
                    state.put(s, 1);
                    path.add(s);
                    cursor.push(new int[] {0});
                } else if (st == 1) {
                    return Optional.of(new ArrayList<>(path.subList(path.lastIndexOf(s), path.size())));
                }
            }
        }
        return Optional.empty();
    }

    /** The ids of the nodes from which some output block can be reached (the outputs included), following wires. */
    public Set<String> reachingOutputs(Graph graph) {
        Deque<String> todo = new ArrayDeque<>();
        for (Node n : graph.nodes()) {
            if (catalog.find(n.type()).map(BlockType::isOutput).orElse(false)) {
                todo.push(n.id());
            }
        }
        Set<String> live = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (live.add(id)) {
                graph.edgesInto(id).forEach(e -> todo.push(e.from().nodeId()));
            }
        }
        return live;
    }

    /** Node ids in an order where every node comes after the nodes feeding it; empty if there is a cycle. */
    public static Optional<List<String>> topologicalOrder(Graph graph) {
        Map<String, Integer> indegree = new HashMap<>();
        graph.nodes().forEach(n -> indegree.put(n.id(), 0));
        graph.edges().forEach(e -> indegree.merge(e.to().nodeId(), 1, Integer::sum));
        Deque<String> ready = new ArrayDeque<>();
        graph.nodes().stream().filter(n -> indegree.get(n.id()) == 0).forEach(n -> ready.add(n.id()));
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (Edge e : graph.edgesFrom(id)) {
                if (indegree.merge(e.to().nodeId(), -1, Integer::sum) == 0) {
                    ready.add(e.to().nodeId());
                }
            }
        }
        return order.size() == graph.nodes().size() ? Optional.of(order) : Optional.empty();
    }
}
