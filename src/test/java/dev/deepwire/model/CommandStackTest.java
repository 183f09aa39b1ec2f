package dev.deepwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.deepwire.GraphFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandStackTest {

    private static Graph chain() {
        return new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("attention", "self_attention").wire("tokens.out", "emb.in").wire("emb.out", "attention.in").graph();
    }

    @Test
    void undoRestoresRemovedEdgesInTheirOrder() {
        Graph g = chain();
        List<Edge> before = List.copyOf(g.edges());
        CommandStack stack = new CommandStack(g);
        stack.execute(new RemoveNodeCommand("emb"));
        assertThat(g.edges()).isEmpty();
        assertThat(g.contains("emb")).isFalse();
        stack.undo();
        assertThat(g.edges()).containsExactlyElementsOf(before);
        assertThat(g.nodes().get(1).id()).isEqualTo("emb");
    }

    @Test
    void editMenuNamesTheCommandToUndoAndRedo() {
        Graph g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding").graph();
        CommandStack stack = new CommandStack(g);
        stack.execute(new ConnectPortsCommand(new Port("tokens", "out"), new Port("emb", "in")));
        assertThat(stack.undoDescription()).contains("Undo Connect \u201cToken sequence\u201d to \u201cToken embedding\u201d");
        stack.undo();
        assertThat(stack.redoDescription()).contains("Redo Connect \u201cToken sequence\u201d to \u201cToken embedding\u201d");
        assertThat(stack.undoDescription()).isEmpty();
    }

    @Test
    void failedCompoundLeavesGraphAndHistoryUntouched() {
        Graph g = chain();
        Graph original = g.copy();
        CommandStack stack = new CommandStack(g);
        Command bad = new CompoundCommand("Delete", List.of(new RemoveNodeCommand("emb"), new RemoveNodeCommand("ghost")));
        assertThatThrownBy(() -> stack.execute(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(g).isEqualTo(original);
        assertThat(stack.canUndo()).isFalse();
    }

    @Test
    void commandStartingAnotherCommandIsRefused() {
        Graph g = chain();
        CommandStack stack = new CommandStack(g);
        Command reentrant = new Command() {
            @Override
            public void execute(Graph graph) {
                stack.execute(new MoveNodeCommand("emb", 1, 1));
            }

            @Override
            public void undo(Graph graph) {
            }

            @Override
            public String description() {
                return "nested";
            }
        };
        assertThatThrownBy(() -> stack.execute(reentrant)).hasMessageContaining("may not start another command");
    }

    @Test
    void dirtyAfterEditCleanAfterSave() {
        CommandStack stack = new CommandStack(chain());
        assertThat(stack.isDirty()).isFalse();
        stack.execute(new SetParamCommand("attention", "heads", 8));
        assertThat(stack.isDirty()).isTrue();
        stack.markSaved();
        assertThat(stack.isDirty()).isFalse();
        assertThat(stack.graph().require("attention").param("heads")).isEqualTo(8);
    }

    @Test
    void undoingBackToTheSavedStateIsCleanAndANewBranchIsNot() {
        CommandStack stack = new CommandStack(chain());
        stack.execute(new SetParamCommand("attention", "heads", 8));
        stack.markSaved();
        stack.execute(new SetParamCommand("attention", "heads", 2));
        assertThat(stack.isDirty()).isTrue();
        stack.undo();
        assertThat(stack.isDirty()).as("back at the saved state").isFalse();
        stack.undo();
        assertThat(stack.isDirty()).isTrue();
        stack.redo();
        assertThat(stack.isDirty()).isFalse();
        stack.undo();
        stack.execute(new SetParamCommand("attention", "heads", 8));
        assertThat(stack.isDirty()).as("the same value by another path is still a change since the save").isTrue();
    }

    @Test
    void projectSettingsAreUndoableCommandsInTheSameHistory() {
        Project p = new Project("p", "", chain(), null, TrainingSettings.defaults());
        CommandStack stack = new CommandStack(p.graph());
        stack.execute(ProjectSettingCommand.training(p, p.training().withEpochs(7)));
        assertThat(stack.undoDescription()).contains("Undo Set epochs to 7");
        assertThat(p.training().epochs()).isEqualTo(7);
        stack.execute(ProjectSettingCommand.dataset(p, new DatasetSpec("marker", Map.of())));
        stack.undo();
        assertThat(p.dataset()).isNull();
        stack.undo();
        assertThat(p.training().epochs()).isEqualTo(10);
        assertThat(stack.isDirty()).isFalse();
    }
}
