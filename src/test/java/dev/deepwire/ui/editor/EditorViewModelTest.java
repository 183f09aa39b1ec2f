package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TensorShape;
import dev.deepwire.model.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editor's logic without a display: background work runs inline. */
class EditorViewModelTest {

    private static EditorViewModel vm(GraphFixture g) {
        return new EditorViewModel(BlockCatalog.standard(), new Project("t", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
    }

    private static GraphFixture chain() {
        return new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("pool", "global_pool").node("out", "softmax_output")
                .wire("tokens.out", "emb.in").wire("emb.out", "pool.in").wire("pool.out", "out.in");
    }

    @Test
    void addedBlockIsSelectedAndUndoRemovesIt() {
        EditorViewModel vm = vm(chain());
        String id = vm.addBlock("self_attention", 100, 50);
        assertThat(id).isEqualTo("self_attention_1");
        assertThat(vm.selection()).containsExactly(id);
        assertThat(vm.graph().require(id).x()).isEqualTo(100);
        vm.undo();
        assertThat(vm.graph().contains(id)).isFalse();
        assertThat(vm.selection()).isEmpty();
    }

    @Test
    void aBlockAddedWhereOneStandsIsPlacedBesideItNotOnTop() {
        EditorViewModel vm = vm(chain());
        String a = vm.addBlock("dense", 400, 300);
        String b = vm.addBlock("dense", 400, 300); // Space, Space without moving the pointer
        assertThat(vm.graph().require(b).x()).isGreaterThan(vm.graph().require(a).x());
        assertThat(vm.graph().require(b).y()).isGreaterThan(vm.graph().require(a).y());
        String c = vm.addBlock("dense", 400, 300);
        assertThat(vm.graph().require(c).x()).isGreaterThan(vm.graph().require(b).x());
        String far = vm.addBlock("dense", 900, 50);
        assertThat(vm.graph().require(far).x()).as("a free spot is kept as asked").isEqualTo(900);
    }

    @Test
    void undoAndRedoAreOffWhileARunHoldsTheGraphAndBackAfter() {
        EditorViewModel vm = vm(chain());
        assertThat(vm.canUndoProperty().get()).as("nothing to undo yet").isFalse();
        vm.addBlock("self_attention", 100, 50);
        assertThat(vm.canUndoProperty().get()).isTrue();
        vm.setLocked(true); // a run starts
        assertThat(vm.canUndoProperty().get()).as("off while training, not refused when chosen").isFalse();
        assertThat(vm.canRedoProperty().get()).isFalse();
        vm.setLocked(false);
        assertThat(vm.canUndoProperty().get()).isTrue();
        vm.undo();
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.canRedoProperty().get()).isTrue();
        vm.setLocked(true);
        assertThat(vm.canRedoProperty().get()).isFalse();
        vm.setLocked(false);
        assertThat(vm.canRedoProperty().get()).isTrue();
    }

    @Test
    void refusedConnectionLeavesGraphAndSaysWhy() {
        EditorViewModel vm = vm(chain());
        var check = vm.connect(new Port("emb", "out"), new Port("out", "in"));
        assertThat(check.allowed()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Cannot connect:").contains("takes vector, not sequence");
        assertThat(vm.graph().edges()).hasSize(3);
        assertThat(vm.history().canUndo()).isFalse();
    }

    @Test
    void connectingToAnOccupiedInputReplacesTheWireInOneStep() {
        EditorViewModel vm = vm(chain().node("attn", "self_attention").wire("emb.out", "attn.in"));
        vm.connect(new Port("attn", "out"), new Port("pool", "in"));
        assertThat(vm.graph().edgeInto(new Port("pool", "in")).orElseThrow().from()).isEqualTo(new Port("attn", "out"));
        assertThat(vm.history().undoDescription()).contains("Undo Replace the wire Token embedding.out \u2192 Pool over time.in with one from Multi-head self-attention.out");
        vm.undo();
        assertThat(vm.graph().edgeInto(new Port("pool", "in")).orElseThrow().from()).isEqualTo(new Port("emb", "out"));
    }

    /** A collapsed group's box deleted is undone by its name, as the box shows it (it said "Undo Delete 3 blocks"). */
    @Test
    void deletingACollapsedGroupIsNamedByTheGroup() {
        EditorViewModel vm = vm(chain());
        vm.select("emb", false);
        vm.select("pool", true);
        vm.select("out", true);
        String group = vm.groupSelection("Middle part").orElseThrow();
        vm.toggleCollapsed(group);
        vm.select("emb", false);
        vm.select("pool", true);
        vm.select("out", true);
        vm.messageProperty().set("Added Dense");
        vm.deleteSelection();
        assertThat(vm.graph().nodes()).hasSize(1);
        assertThat(vm.history().undoDescription()).contains("Undo Delete group \u2018Middle part\u2019 (3 blocks) and 3 wires");
        assertThat(vm.messageProperty().get()).as("the status bar says what was deleted, not what was done before")
                .isEqualTo("Deleted group \u2018Middle part\u2019 (3 blocks) and 3 wires — Undo (Ctrl+Z) puts it back");
        vm.undo();
        assertThat(vm.graph().nodes()).hasSize(4);
        // with another block beside the box, both are named
        vm.select("emb", false);
        vm.select("pool", true);
        vm.select("out", true);
        vm.select("tokens", true);
        vm.deleteSelection();
        assertThat(vm.history().undoDescription())
                .contains("Undo Delete group \u2018Middle part\u2019 (3 blocks) and 1 block, with 3 wires");
    }

    @Test
    void outOfRangeParameterIsRefusedWithTheRange() {
        EditorViewModel vm = vm(chain());
        assertThat(vm.setParam("emb", "dim", 0)).contains("Size d (dim) must be between 1 and 8192; got 0");
        assertThat(vm.graph().require("emb").param("dim")).isEqualTo(64);
        assertThat(vm.setParam("emb", "dim", 32)).isEmpty();
        assertThat(vm.analysisProperty().get().shapes().outputOf("emb")).contains(TensorShape.sequence(32, 24, false));
        vm.undo();
        assertThat(vm.graph().require("emb").param("dim")).isEqualTo(64);
    }

    @Test
    void deletingASelectionIsOneUndoableStep() {
        EditorViewModel vm = vm(chain());
        vm.select("emb", false);
        vm.select("pool", true);
        vm.deleteSelection();
        assertThat(vm.graph().nodes()).hasSize(2);
        assertThat(vm.graph().edges()).isEmpty();
        assertThat(vm.history().undoDescription()).contains("Undo Delete 2 blocks and 3 wires");
        vm.undo();
        assertThat(vm.graph()).isEqualTo(chain().graph());
    }

    @Test
    void draggingSeveralBlocksIsOneMove() {
        EditorViewModel vm = vm(chain());
        vm.moveNodes(Map.of("emb", new double[] {10, 20}, "pool", new double[] {30, 40}));
        assertThat(vm.graph().require("pool").y()).isEqualTo(40);
        vm.undo();
        assertThat(vm.graph()).isEqualTo(chain().graph());
    }

    @Test
    void analysisMarksTheNodeWithTheProblem() {
        EditorViewModel vm = vm(chain());
        assertThat(vm.analysisProperty().get().issues()).isEmpty();
        vm.disconnect(new Edge(new Port("emb", "out"), new Port("pool", "in")));
        assertThat(vm.analysisProperty().get().issuesOf("pool")).anySatisfy(i -> assertThat(i.message()).contains("not connected"));
    }

    @Test
    void staleAnalysisNeverReplacesANewerOne() {
        List<Runnable> queued = new ArrayList<>();
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(),
                new Project("t", "", chain().graph(), null, TrainingSettings.defaults()), queued::add, Runnable::run);
        vm.setParam("emb", "dim", 16);
        vm.setParam("emb", "dim", 8);
        // Run the newest analysis first, then the older ones.
        for (int i = queued.size() - 1; i >= 0; i--) {
            queued.get(i).run();
        }
        assertThat(vm.analysisProperty().get().shapes().outputOf("emb")).contains(TensorShape.sequence(8, 24, false));
    }

    @Test
    void renameChangesTheLabelNotTheId() {
        EditorViewModel vm = vm(chain());
        vm.rename("emb", "  Characters  ");
        assertThat(vm.graph().require("emb").label()).isEqualTo("Characters");
        assertThat(vm.history().undoDescription()).contains("Undo Rename \u201cToken embedding\u201d to \u201cCharacters\u201d");
    }
}
