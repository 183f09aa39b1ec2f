package dev.deepwire.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A group holds only blocks that exist: deleting a grouped block takes it out of its group, deleting the last one
 * takes the group away, and undo puts block and group back as they were (a collapsed group deleted whole left an
 * empty box on the canvas and in the file).
 */
class GroupMembershipTest {

    private static Graph threeBlocks() {
        Graph g = new Graph();
        for (String id : List.of("emb", "attn", "out")) {
            g.insertNode(g.nodes().size(), new Node(id, "dense", id, Map.of(), 0, 0));
        }
        return g;
    }

    @Test
    void deletingEveryBlockOfACollapsedGroupRemovesTheGroupAndUndoBringsItBack() {
        Graph g = threeBlocks();
        CommandStack stack = new CommandStack(g);
        NodeGroup group = new NodeGroup("group_1", "embedding and attention", Set.of("emb", "attn"), true);
        stack.execute(new GroupNodesCommand(group));
        stack.execute(new CompoundCommand("Delete 2 blocks",
                List.of(new RemoveNodeCommand("emb"), new RemoveNodeCommand("attn"))));
        assertThat(g.groups()).as("no group of no blocks").isEmpty();
        assertThat(g.nodes()).extracting(Node::id).containsExactly("out");
        stack.undo();
        assertThat(g.groups()).containsExactly(group);
        assertThat(g.groupOf("emb")).contains(group);
        assertThat(g.groupOf("attn")).contains(group);
        stack.redo();
        assertThat(g.groups()).isEmpty();
    }

    @Test
    void deletingOneBlockOfAGroupLeavesTheOthersGroupedInTheirOrder() throws Exception {
        Graph g = threeBlocks();
        CommandStack stack = new CommandStack(g);
        NodeGroup group = new NodeGroup("group_1", "all three", new java.util.LinkedHashSet<>(List.of("emb", "attn", "out")), false);
        stack.execute(new GroupNodesCommand(group));
        stack.execute(new RemoveNodeCommand("attn"));
        assertThat(g.group("group_1").orElseThrow().members()).containsExactly("emb", "out");
        assertThat(g.groupOf("attn")).isEmpty();
        Project p = new Project("p", "", g, null, TrainingSettings.defaults());
        Project back = new ProjectReader().parse(new ProjectWriter().toJson(p));
        assertThat(back.graph().group("group_1").orElseThrow().members()).containsExactly("emb", "out");
        stack.undo();
        assertThat(g.group("group_1").orElseThrow().members()).as("back in its place").containsExactly("emb", "attn", "out");
    }

    @Test
    void aFileWithAGroupOfNoBlocksOpensWithoutIt() throws Exception {
        String json = "{\"format\":\"deepwire-project\",\"formatVersion\":1,\"nodes\":[],\"edges\":[],"
                + "\"ui\":{\"groups\":[{\"id\":\"group_1\",\"label\":\"embedding and attention\",\"members\":[],"
                + "\"collapsed\":true},{\"id\":\"group_2\",\"label\":\"gone\",\"members\":[\"nowhere\"]}]}}";
        assertThat(new ProjectReader().parse(json).graph().groups()).isEmpty();
    }

    @Test
    void collapsingAndExpandingAreNamedByTheGroupsLabelNotItsId() {
        Graph g = threeBlocks();
        CommandStack stack = new CommandStack(g);
        stack.execute(new GroupNodesCommand(new NodeGroup("group_1", "The part that reads the tokens", Set.of("emb", "attn"), false)));
        stack.execute(new SetGroupCollapsedCommand("group_1", true));
        assertThat(stack.undoDescription()).hasValue("Undo Collapse The part that reads the tokens");
        stack.execute(new SetGroupCollapsedCommand("group_1", false));
        assertThat(stack.undoDescription()).hasValue("Undo Expand The part that reads the tokens");
    }
}
