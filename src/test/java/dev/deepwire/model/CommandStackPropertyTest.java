package dev.deepwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.GraphFixture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Any sequence of edits undone step by step gives back the original graph; redo gives back the edited one. */
class CommandStackPropertyTest {
    private final BlockCatalog catalog = BlockCatalog.standard();
    private final GraphChecker checker = new GraphChecker(catalog);

    @Property(tries = 300)
    void undoingEveryCommandRestoresTheOriginalAndRedoRestoresTheEdit(@ForAll long seed,
                                                                      @ForAll @IntRange(min = 1, max = 40) int edits) {
        Graph graph = sample();
        Graph original = graph.copy();
        CommandStack stack = new CommandStack(graph);
        Random r = new Random(seed);
        int done = 0;
        for (int i = 0; i < edits; i++) {
            Command c = randomCommand(graph, r);
            if (c != null) {
                stack.execute(c);
                done++;
            }
        }
        Graph edited = graph.copy();
        for (int i = 0; i < done; i++) {
            stack.undo();
        }
        assertThat(graph).isEqualTo(original);
        assertThat(stack.canUndo()).isFalse();
        for (int i = 0; i < done; i++) {
            stack.redo();
        }
        assertThat(graph).isEqualTo(edited);
    }

    @Property(tries = 100)
    void longRandomEditUndoRedoSequencesKeepTheGraphConsistent(@ForAll long seed) {
        Graph graph = sample();
        CommandStack stack = new CommandStack(graph);
        Random r = new Random(seed);
        for (int step = 0; step < 200; step++) {
            int action = r.nextInt(10);
            if (action < 6) {
                Command c = randomCommand(graph, r);
                if (c != null) {
                    stack.execute(c);
                }
            } else if (action < 8 && stack.canUndo()) {
                stack.undo();
            } else if (stack.canRedo()) {
                stack.redo();
            }
            assertConsistent(graph, step);
        }
    }

    /** Wires join existing ports of existing blocks, ids are unique, an input has at most one wire. */
    private void assertConsistent(Graph g, int step) {
        Set<String> ids = new HashSet<>();
        for (Node n : g.nodes()) {
            assertThat(ids.add(n.id())).as("unique id %s at step %d", n.id(), step).isTrue();
        }
        Set<Port> inputs = new HashSet<>();
        for (Edge e : g.edges()) {
            BlockType from = catalog.require(g.require(e.from().nodeId()).type());
            BlockType to = catalog.require(g.require(e.to().nodeId()).type());
            assertThat(from.output(e.from().name())).as("%s at step %d", e, step).isPresent();
            assertThat(to.input(e.to().name())).as("%s at step %d", e, step).isPresent();
            assertThat(inputs.add(e.to())).as("one wire into %s at step %d", e.to(), step).isTrue();
        }
        for (NodeGroup group : g.groups()) {
            for (NodeGroup other : g.groups()) {
                if (other != group) {
                    assertThat(Collections.disjoint(group.members(), other.members())).isTrue();
                }
            }
        }
    }

    private Command randomCommand(Graph g, Random r) {
        List<Node> nodes = g.nodes();
        switch (r.nextInt(9)) {
            case 7 -> {
                List<String> free = nodes.stream().map(Node::id).filter(id -> g.groupOf(id).isEmpty()).limit(3).toList();
                return free.size() < 2 ? null
                        : new GroupNodesCommand(new NodeGroup(g.freshId("group"), "G", Set.copyOf(free), false));
            }
            case 8 -> {
                if (g.groups().isEmpty()) {
                    return null;
                }
                NodeGroup grp = g.groups().get(r.nextInt(g.groups().size()));
                return r.nextBoolean() ? new UngroupCommand(grp.id()) : new SetGroupCollapsedCommand(grp.id(), !grp.collapsed());
            }
            case 0 -> {
                String type = new ArrayList<>(catalog.all()).get(r.nextInt(catalog.all().size())).id();
                return new AddNodeCommand(catalog.newNode(type, g.freshId(type), r.nextInt(800), r.nextInt(600)));
            }
            case 1 -> {
                return nodes.isEmpty() ? null : new RemoveNodeCommand(nodes.get(r.nextInt(nodes.size())).id());
            }
            case 2 -> {
                if (nodes.size() < 2) {
                    return null;
                }
                Node a = nodes.get(r.nextInt(nodes.size()));
                Node b = nodes.get(r.nextInt(nodes.size()));
                BlockType ta = catalog.require(a.type());
                BlockType tb = catalog.require(b.type());
                if (ta.outputs().isEmpty() || tb.inputs().isEmpty()) {
                    return null;
                }
                Port from = new Port(a.id(), ta.outputs().get(0).name());
                Port to = new Port(b.id(), tb.inputs().get(r.nextInt(tb.inputs().size())).name());
                boolean free = g.edgeInto(to).isEmpty();
                return free && checker.canConnect(g, from, to).allowed() ? new ConnectPortsCommand(from, to) : null;
            }
            case 3 -> {
                return g.edges().isEmpty() ? null : new DisconnectCommand(g.edges().get(r.nextInt(g.edges().size())));
            }
            case 4 -> {
                return nodes.isEmpty() ? null
                        : new MoveNodeCommand(nodes.get(r.nextInt(nodes.size())).id(), r.nextInt(900), r.nextInt(900));
            }
            case 5 -> {
                if (nodes.isEmpty()) {
                    return null;
                }
                Node n = nodes.get(r.nextInt(nodes.size()));
                List<ParamSpec> params = catalog.require(n.type()).params();
                if (params.isEmpty()) {
                    return null;
                }
                ParamSpec p = params.get(r.nextInt(params.size()));
                return new SetParamCommand(n.id(), p.name(), r.nextBoolean() ? p.defaultValue() : null);
            }
            default -> {
                if (nodes.size() < 2) {
                    return null;
                }
                return new CompoundCommand("Delete 2 blocks", List.of(new RemoveNodeCommand(nodes.get(0).id()),
                        new RemoveNodeCommand(nodes.get(nodes.size() - 1).id())));
            }
        }
    }

    private static Graph sample() {
        return new GraphFixture()
                .node("tokens", "token_input").node("embed", "token_embedding").node("attn", "self_attention")
                .node("res", "add").node("pool", "global_pool").node("out", "softmax_output")
                .wire("tokens.out", "embed.in").wire("embed.out", "attn.in").wire("embed.out", "res.a")
                .wire("attn.out", "res.b").wire("res.out", "pool.in").wire("pool.out", "out.in").graph();
    }
}
