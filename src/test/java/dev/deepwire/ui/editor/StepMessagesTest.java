package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every edit, and every Undo and Redo, is said on the status bar in one voice, naming its blocks by their labels
 * (StepMessages, the one listener on the history): before, Delete said so itself, a rename, a move, a setting or a wire
 * made by W said nothing, and Undo showed the Edit menu's "Undo Rename emb to Characters" with the id.
 */
class StepMessagesTest {

    private static EditorViewModel vm() {
        GraphFixture g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("attn", "self_attention").node("pool", "global_pool").wire("tokens.out", "emb.in")
                .wire("emb.out", "attn.in").wire("attn.out", "pool.in");
        return new EditorViewModel(BlockCatalog.standard(), new Project("t", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
    }

    private static String said(EditorViewModel vm) {
        return vm.messageProperty().get();
    }

    @Test
    void deletingABlockNamesItAndTheWiresThatWentWithIt() {
        EditorViewModel vm = vm();
        vm.select("attn", false);
        vm.deleteSelection();
        assertThat(said(vm)).isEqualTo("Deleted \u201cMulti-head self-attention\u201d and 2 wires"
                + " \u2014 Undo (Ctrl+Z) puts it back");
        vm.undo();
        assertThat(said(vm)).isEqualTo("Undid: delete \u201cMulti-head self-attention\u201d and 2 wires");
        vm.redo();
        assertThat(said(vm)).isEqualTo("Redid: delete \u201cMulti-head self-attention\u201d and 2 wires");
    }

    @Test
    void aRenameUndoneNamesTheOldNameAndTheNew() {
        EditorViewModel vm = vm();
        vm.rename("emb", "Encoder");
        assertThat(said(vm)).isEqualTo("Renamed \u201cToken embedding\u201d to \u201cEncoder\u201d");
        vm.undo();
        assertThat(said(vm)).as("the names as they were when renamed, not as the graph now has them")
                .isEqualTo("Undid: rename \u201cToken embedding\u201d to \u201cEncoder\u201d");
        vm.redo();
        assertThat(said(vm)).isEqualTo("Redid: rename \u201cToken embedding\u201d to \u201cEncoder\u201d");
    }

    @Test
    void editsThatSaidNothingSaySoNow() {
        EditorViewModel vm = vm();
        vm.setParam("attn", "heads", 2);
        assertThat(said(vm)).isEqualTo("Set \u201cMulti-head self-attention\u201d heads to 2");
        vm.moveNodes(Map.of("pool", new double[] {500, 500}));
        assertThat(said(vm)).isEqualTo("Moved \u201cPool over time\u201d");
        vm.setTraining(vm.project().training().withEpochs(vm.project().training().epochs() + 4));
        assertThat(said(vm)).startsWith("Set epochs to ");
        vm.disconnect(vm.graph().edgeInto(new Port("pool", "in")).orElseThrow());
        assertThat(said(vm)).isEqualTo("Removed the wire Multi-head self-attention.out \u2192 Pool over time.in"
                + " \u2014 Undo (Ctrl+Z) puts it back");
        vm.select("attn", false);
        vm.select("pool", true);
        vm.quickAdd().wireSelection();
        assertThat(said(vm)).as("W says what it wired, by name")
                .isEqualTo("Connected \u201cMulti-head self-attention\u201d to \u201cPool over time\u201d");
    }

    @Test
    void aRefusedEditSaysWhyAndTheHistoryStaysQuiet() {
        EditorViewModel vm = vm();
        vm.rename("emb", "   ");
        assertThat(said(vm)).startsWith("A block needs a name");
        assertThat(vm.history().canUndo()).isFalse();
    }

    @Test
    void pasteAndGroupAreSaidAsTheyWereDone() {
        EditorViewModel vm = vm();
        vm.select("emb", false);
        vm.select("attn", true);
        String copied = vm.copySelection().orElseThrow();
        vm.paste(copied, 40, 40, false);
        assertThat(said(vm)).isEqualTo("Pasted 2 blocks");
        vm.select("emb", false);
        vm.select("attn", true);
        vm.groupSelection("Encoder");
        assertThat(said(vm)).isEqualTo("Grouped 2 blocks as \u201cEncoder\u201d");
        vm.undo();
        assertThat(said(vm)).isEqualTo("Undid: group 2 blocks as \u201cEncoder\u201d");
    }
}
