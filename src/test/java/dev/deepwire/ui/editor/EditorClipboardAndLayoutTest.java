package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** Copy/paste, duplicate, auto-arrange and SVG export, without a display. */
class EditorClipboardAndLayoutTest {

    private static EditorViewModel vm(Graph g) {
        return new EditorViewModel(BlockCatalog.standard(), new Project("t", "", g, null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
    }

    private static Graph chain() {
        return new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("attn", "self_attention").node("pool", "global_pool").node("out", "softmax_output")
                .wire("tokens.out", "emb.in").wire("emb.out", "attn.in").wire("attn.out", "pool.in")
                .wire("pool.out", "out.in").graph();
    }

    @Test
    void selectAllCopiesAndPastesTheNotesWithTheBlocks() {
        EditorViewModel vm = vm(chain());
        String note = vm.addNote("Attention goes here", 10, 400);
        vm.selectAll();
        assertThat(vm.selectedNotes()).containsExactly(note);
        String copied = vm.copySelection().orElseThrow();
        assertThat(vm.paste(copied, 40, 40, false)).isTrue();
        assertThat(vm.graph().notes()).extracting(dev.deepwire.model.Note::text)
                .containsExactly("Attention goes here", "Attention goes here");
        assertThat(vm.graph().notes().get(1).x()).isEqualTo(50);
        assertThat(vm.selectedNotes()).as("the pasted note is selected").containsExactly(vm.graph().notes().get(1).id());
        assertThat(vm.history().undoDescription()).contains("Undo Paste 5 blocks and 1 note");
        vm.select("attn", false);
        assertThat(vm.selectedNotes()).as("picking a block leaves the notes").isEmpty();
    }

    @Test
    void pasteGivesFreshIdsKeepsInnerWiresAndShiftsPositions() {
        EditorViewModel vm = vm(chain());
        vm.select("attn", false);
        vm.select("pool", true);
        String copied = vm.copySelection().orElseThrow();
        assertThat(vm.paste(copied, 40, 40, false)).isTrue();
        assertThat(vm.graph().nodes()).hasSize(7);
        assertThat(vm.selection()).containsExactlyInAnyOrder("attn_1", "pool_1");
        assertThat(vm.graph().edges()).contains(new Edge(new Port("attn_1", "out"), new Port("pool_1", "in")));
        assertThat(vm.graph().edgeInto(new Port("attn_1", "in"))).isEmpty();
        assertThat(vm.graph().require("attn_1").x()).isEqualTo(vm.graph().require("attn").x() + 40);
        assertThat(vm.history().undoDescription()).contains("Undo Paste 2 blocks");
        vm.undo();
        assertThat(vm.graph()).isEqualTo(chain());
    }

    @Test
    void pasteKeepingIncomingWiresReconnectsTheirSources() {
        EditorViewModel vm = vm(chain());
        vm.select("attn", false);
        String copied = vm.copySelection().orElseThrow();
        vm.paste(copied, 0, 120, true);
        assertThat(vm.graph().edgeInto(new Port("attn_1", "in")).orElseThrow().from()).isEqualTo(new Port("emb", "out"));
    }

    @Test
    void pasteIntoAnotherProjectWorksThroughText() {
        EditorViewModel source = vm(chain());
        source.selectAll();
        String copied = source.copySelection().orElseThrow();
        EditorViewModel target = vm(new Graph());
        target.paste(copied, 0, 0, true);
        assertThat(target.graph().nodes()).hasSize(5);
        assertThat(target.graph().edges()).hasSize(4);
        assertThat(target.analysisProperty().get().issues()).isEmpty();
    }

    @Test
    void pastingSomethingElseIsRefusedWithAMessage() {
        EditorViewModel vm = vm(chain());
        assertThat(vm.paste("hello", 0, 0, false)).isFalse();
        assertThat(vm.paste("{\"format\": \"deepwire-project\", \"formatVersion\": 1, \"name\": \"x\", \"nodes\": []}", 0, 0, false)).isFalse();
        assertThat(vm.messageProperty().get()).contains("Nothing to paste");
        assertThat(vm.history().canUndo()).isFalse();
    }

    @Test
    void duplicateCopiesTheSelectionBesideIt() {
        EditorViewModel vm = vm(chain());
        vm.select("emb", false);
        vm.duplicateSelection();
        assertThat(vm.graph().contains("emb_1")).isTrue();
        assertThat(vm.selection()).containsExactly("emb_1");
    }

    @Test
    void autoArrangeLaysWiresLeftToRightInOneStep() throws Exception {
        Graph g = new ProjectReader().read(Path.of("sample-projects/marker.dwproj")).graph();
        g.nodes().forEach(n -> g.moveNode(n.id(), 0, 0));
        EditorViewModel vm = vm(g);
        vm.autoArrange();
        for (Edge e : vm.graph().edges()) {
            assertThat(vm.graph().require(e.from().nodeId()).x()).as(e.toString())
                    .isLessThan(vm.graph().require(e.to().nodeId()).x());
        }
        assertThat(vm.history().undoDescription()).contains("Undo Arrange 11 blocks left to right, notes beside them");
        vm.undo();
        assertThat(vm.graph().nodes()).allMatch(n -> n.x() == 0 && n.y() == 0);
    }

    @Test
    void autoArrangePutsTheNotesBesideTheBlocksNotOverThem() throws Exception {
        Graph g = new ProjectReader().read(Path.of("sample-projects/marker.dwproj")).graph();
        assertThat(g.notes()).hasSizeGreaterThan(1);
        var before = java.util.List.copyOf(g.notes());
        EditorViewModel vm = vm(g);
        vm.autoArrange();
        var notes = vm.graph().notes();
        for (var n : notes) {
            javafx.geometry.Bounds note = new javafx.geometry.BoundingBox(n.x(), n.y(), NoteView.WIDTH,
                    AutoArrange.estimatedHeight(n.text()));
            for (var b : vm.graph().nodes()) {
                javafx.geometry.Bounds block = new javafx.geometry.BoundingBox(b.x(), b.y(), NodeView.WIDTH,
                        NodeView.heightFor(vm.catalog().require(b.type())));
                assertThat(note.intersects(block)).as("%s over %s (marker's Residual 1 was under a note)", n.id(), b.label())
                        .isFalse();
            }
        }
        for (int i = 1; i < notes.size(); i++) {
            assertThat(notes.get(i).y()).as("in their order, one below the other")
                    .isGreaterThan(notes.get(i - 1).y() + AutoArrange.estimatedHeight(notes.get(i - 1).text()));
        }
        assertThat(vm.messageProperty().get()).endsWith("notes beside them");
        vm.undo();
        assertThat(vm.graph().notes()).as("one undo step brings the notes back too").isEqualTo(before);
    }

    @Test
    void svgExportIsWellFormedAndShowsBlocksAndShapes() throws Exception {
        Graph g = new ProjectReader().read(Path.of("sample-projects/marker.dwproj")).graph();
        EditorViewModel vm = vm(g);
        String svg = GraphExport.toSvg(vm.graph(), vm.catalog(), vm.analysisProperty().get());
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(svg).contains(">Self-attention<").contains(">64 × 24<").contains("16,384 parameters");
        assertThat(svg.split("<path ").length - 1).isEqualTo(g.edges().size());
    }

    @Test
    void blocksAcceptingASequenceExcludeVectorOnlyBlocks() {
        EditorViewModel vm = vm(chain());
        var ids = vm.quickAdd().blocksAccepting(new Port("emb", "out")).stream().map(t -> t.id()).toList();
        assertThat(ids).contains("self_attention", "layer_norm", "global_pool", "add").doesNotContain("dense", "softmax_output");
        String id = vm.quickAdd().addBlockConnected("layer_norm", 10, 10, new Port("emb", "out"));
        assertThat(vm.graph().edgeInto(new Port(id, "in")).orElseThrow().from()).isEqualTo(new Port("emb", "out"));
    }
}
