package dev.deepwire.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network as drawn: nodes in insertion order and wires between named ports. Edits in the
 * workbench go through {@link Command}s so they can be undone; the reader builds graphs directly.
 * Node and edge order is kept (and restored by undo) so saved files stay stable.
 */
public final class Graph {
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byId = new HashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    /** Wires by source node and by target node, built on first use after a change (large graphs ask often). */
    private Map<String, List<Edge>> fromIndex;
    private Map<String, List<Edge>> intoIndex;
    private Set<Edge> edgeSet;
    private final List<NodeGroup> groups = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    /** Groups and notes by id, and each grouped node's group: lookups stay constant-time in large files. */
    private final Map<String, NodeGroup> groupById = new HashMap<>();
    private final Map<String, NodeGroup> groupByMember = new HashMap<>();
    private final Map<String, Note> noteById = new HashMap<>();

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<Edge> edges() {
        return Collections.unmodifiableList(edges);
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The node with this id; throws with the id when absent. */
    public Node require(String id) {
        Node n = byId.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node '" + id + "' in the graph");
        }
        return n;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public void addNode(Node node) {
        insertNode(nodes.size(), node);
    }

    /** Inserts at a position in the node order (used by undo to restore the exact order). */
    public void insertNode(int index, Node node) {
        if (byId.containsKey(node.id())) {
            throw new IllegalArgumentException("a node with id '" + node.id() + "' already exists");
        }
        nodes.add(index, node);
        byId.put(node.id(), node);
    }

    /** Removes a node that has no wires left; returns its index in the node order. */
    public int removeNode(String id) {
        Node n = require(id);
        if (edges.stream().anyMatch(e -> e.touches(id))) {
            throw new IllegalStateException("node '" + id + "' still has wires; disconnect them first");
        }
        int index = nodes.indexOf(n);
        nodes.remove(index);
        byId.remove(id);
        return index;
    }

    public int indexOf(String nodeId) {
        return nodes.indexOf(byId.get(nodeId));
    }

    public void connect(Edge edge) {
        insertEdge(edges.size(), edge);
    }

    public void insertEdge(int index, Edge edge) {
        if (!byId.containsKey(edge.from().nodeId()) || !byId.containsKey(edge.to().nodeId())) {
            throw new IllegalArgumentException("wire " + edge + " names a node that is not in the graph");
        }
        if (edgeSet().contains(edge)) {
            throw new IllegalArgumentException("wire " + edge + " already exists");
        }
        edges.add(index, edge);
        fromIndex = null;
        intoIndex = null;
        edgeSet().add(edge); // kept up to date: wiring a graph edge by edge (a copy, a file) stays linear
    }

    private void edgesChanged() {
        fromIndex = null;
        intoIndex = null;
        edgeSet = null;
    }

    private Set<Edge> edgeSet() {
        if (edgeSet == null) {
            edgeSet = new HashSet<>(edges);
        }
        return edgeSet;
    }

    private void index() {
        if (fromIndex == null) {
            fromIndex = new HashMap<>();
            intoIndex = new HashMap<>();
            for (Edge e : edges) {
                fromIndex.computeIfAbsent(e.from().nodeId(), k -> new ArrayList<>()).add(e);
                intoIndex.computeIfAbsent(e.to().nodeId(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** Removes a wire; returns its index in the edge order. */
    public int disconnect(Edge edge) {
        int index = edges.indexOf(edge);
        if (index < 0) {
            throw new IllegalArgumentException("no wire " + edge);
        }
        edges.remove(index);
        edgesChanged();
        return index;
    }

    /** Whether this exact wire is in the graph (constant time). */
    public boolean hasEdge(Edge edge) {
        return edgeSet().contains(edge);
    }

    public int indexOf(Edge edge) {
        return edges.indexOf(edge);
    }

    /** Wires ending at any input of the node. */
    public List<Edge> edgesInto(String nodeId) {
        index();
        return List.copyOf(intoIndex.getOrDefault(nodeId, List.of()));
    }

    /** Wires leaving any output of the node. */
    public List<Edge> edgesFrom(String nodeId) {
        index();
        return List.copyOf(fromIndex.getOrDefault(nodeId, List.of()));
    }

    /** The wire feeding an input port, if any. */
    public Optional<Edge> edgeInto(Port input) {
        index();
        return intoIndex.getOrDefault(input.nodeId(), List.of()).stream().filter(e -> e.to().equals(input)).findFirst();
    }

    public void setParam(String nodeId, String name, Object value) {
        require(nodeId).putParam(name, value);
    }

    public void moveNode(String nodeId, double x, double y) {
        require(nodeId).moveTo(x, y);
    }

    public void setLabel(String nodeId, String label) {
        require(nodeId).setLabel(label);
    }

    public List<NodeGroup> groups() {
        return Collections.unmodifiableList(groups);
    }

    public Optional<NodeGroup> group(String id) {
        return Optional.ofNullable(groupById.get(id));
    }

    /** The group a node belongs to, if any (the first listed, should two claim it). */
    public Optional<NodeGroup> groupOf(String nodeId) {
        NodeGroup g = groupByMember.get(nodeId);
        return g != null ? Optional.of(g) : Optional.empty();
    }

    public void insertGroup(int index, NodeGroup group) {
        if (groupById.containsKey(group.id())) {
            throw new IllegalArgumentException("a group with id '" + group.id() + "' already exists");
        }
        groups.add(index, group);
        groupById.put(group.id(), group);
        if (index == groups.size() - 1) {
            group.members().forEach(m -> groupByMember.putIfAbsent(m, group)); // appended: a file read stays linear
        } else {
            reindexMembers();
        }
    }

    /** Removes a group (its blocks stay); returns its index. */
    public int removeGroup(String id) {
        NodeGroup g = group(id).orElseThrow(() -> new IllegalArgumentException("no group '" + id + "'"));
        int index = groups.indexOf(g);
        groups.remove(index);
        groupById.remove(id);
        reindexMembers();
        return index;
    }

    /** Replaces a group with a changed version of itself (same id). */
    public void replaceGroup(NodeGroup group) {
        int index = groups.indexOf(group(group.id()).orElseThrow(() -> new IllegalArgumentException("no group '" + group.id() + "'")));
        groups.set(index, group);
        groupById.put(group.id(), group);
        reindexMembers();
    }

    private void reindexMembers() {
        groupByMember.clear();
        for (NodeGroup g : groups) {
            g.members().forEach(m -> groupByMember.putIfAbsent(m, g));
        }
    }

    public List<Note> notes() {
        return Collections.unmodifiableList(notes);
    }

    public Optional<Note> note(String id) {
        return Optional.ofNullable(noteById.get(id));
    }

    public void insertNote(int index, Note note) {
        if (note(note.id()).isPresent() || contains(note.id()) || group(note.id()).isPresent()) {
            throw new IllegalArgumentException("the id '" + note.id() + "' is already used");
        }
        notes.add(index, note);
        noteById.put(note.id(), note);
    }

    /** Removes a note; returns where it was. */
    public int removeNote(String id) {
        Note n = note(id).orElseThrow(() -> new IllegalArgumentException("no note '" + id + "'"));
        int index = notes.indexOf(n);
        notes.remove(index);
        noteById.remove(id);
        return index;
    }

    public void replaceNote(Note note) {
        int index = notes.indexOf(note(note.id()).orElseThrow(() -> new IllegalArgumentException("no note '" + note.id() + "'")));
        notes.set(index, note);
        noteById.put(note.id(), note);
    }

    /** A readable id not yet used by a block, group or note: {@code prefix_1}, {@code prefix_2}, ... */
    public String freshId(String prefix) {
        String base = prefix.replaceAll("[^A-Za-z0-9_-]", "_");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "n" + base;
        }
        return numbered(base, Set.of());
    }

    /**
     * {@code wanted} itself when neither this graph nor {@code alsoTaken} uses it (e.g. blocks being pasted keep
     * their ids), else its base with the first free number ({@code attn_2} → {@code attn_1}, {@code attn_3}, ...).
     */
    public String freshId(String wanted, Set<String> alsoTaken) {
        if (!used(wanted) && !alsoTaken.contains(wanted)) {
            return wanted;
        }
        return numbered(wanted.replaceAll("_\\d+$", ""), alsoTaken);
    }

    private String numbered(String base, Set<String> alsoTaken) {
        for (int i = 1; ; i++) {
            String id = base + "_" + i;
            if (!used(id) && !alsoTaken.contains(id)) {
                return id;
            }
        }
    }

    private boolean used(String id) {
        return byId.containsKey(id) || group(id).isPresent() || note(id).isPresent();
    }

    /** A deep copy, e.g. to compile a snapshot while the editor goes on. */
    public Graph copy() {
        Graph g = new Graph();
        nodes.forEach(n -> g.addNode(n.copy()));
        edges.forEach(g::connect);
        groups.forEach(gr -> g.insertGroup(g.groups.size(), gr));
        notes.forEach(n -> g.insertNote(g.notes.size(), n));
        return g;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Graph g && nodes.equals(g.nodes) && edges.equals(g.edges) && groups.equals(g.groups)
                && notes.equals(g.notes);
    }

    @Override
    public int hashCode() {
        return nodes.hashCode() * 31 + edges.hashCode();
    }

    @Override
    public String toString() {
        return "Graph" + nodes + edges;
    }

    /**
     * What a network compiled from this graph depends on — each block's id, type and parameters and the wires — written
     * as one comparable text. Names, positions, groups and notes are not in it: an edit of those leaves a trained model
     * describing the graph (step mode goes on through a rename or a move; it ended on any edit).
     */
    public String computation() {
        StringBuilder b = new StringBuilder();
        nodes().stream().sorted(java.util.Comparator.comparing(Node::id)).forEach(n -> b.append(n.id()).append(':')
                .append(n.type()).append(new java.util.TreeMap<>(n.params())).append(';'));
        edges().stream().map(Edge::toString).sorted().forEach(e -> b.append(e).append(';'));
        return b.toString();
    }
}
