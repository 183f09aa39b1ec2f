package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

/** A block chosen after dropping a wire on empty canvas: which of its inputs the wire goes to, and where it goes. */
class DroppedWireTest {

    private static EditorViewModel vm(GraphFixture g) {
        return new EditorViewModel(BlockCatalog.standard(), new Project("t", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
    }

    private static GraphFixture imageAndText() {
        return new GraphFixture().node("img", "image_input").node("patches", "patches").node("proj", "sequence_dense")
                .wire("img.out", "patches.in").wire("patches.out", "proj.in")
                .node("text", "token_input").node("emb", "token_embedding").wire("text.out", "emb.in");
    }

    private static Port inputWiredFrom(EditorViewModel vm, Port from, String to) {
        return vm.graph().edgesFrom(from.nodeId()).stream().map(Edge::to).filter(p -> p.nodeId().equals(to))
                .findFirst().orElseThrow();
    }

    @Test
    void imagePatchesDroppedIntoCrossAttentionGoToTheKeysAndValues() {
        EditorViewModel vm = vm(imageAndText());
        String attn = vm.quickAdd().addBlockConnected("cross_attention", 600, 0, new Port("patches", "out"));
        assertThat(inputWiredFrom(vm, new Port("patches", "out"), attn).name()).isEqualTo("keys");
        String after = vm.quickAdd().addBlockConnected("cross_attention", 600, 200, new Port("proj", "out"));
        assertThat(inputWiredFrom(vm, new Port("proj", "out"), after).name())
                .as("projected patches are still the image").isEqualTo("keys");
    }

    @Test
    void aTokenSequenceStillGoesToTheQueries() {
        EditorViewModel vm = vm(imageAndText());
        String attn = vm.quickAdd().addBlockConnected("cross_attention", 600, 0, new Port("emb", "out"));
        assertThat(inputWiredFrom(vm, new Port("emb", "out"), attn).name()).isEqualTo("queries");
        // text that attended to the image is still text: the cross-attention's output keeps the queries' sequence
        vm.connect(new Port("patches", "out"), new Port(attn, "keys"));
        String next = vm.quickAdd().addBlockConnected("cross_attention", 900, 0, new Port(attn, "out"));
        assertThat(inputWiredFrom(vm, new Port(attn, "out"), next).name()).isEqualTo("queries");
    }

    @Test
    void theStatusBarSaysWhichBlockWasAddedAfterWhichNotAnEarlierMessage() {
        EditorViewModel vm = vm(imageAndText());
        String tokens = vm.addBlock("token_input", 0, 400);
        assertThat(vm.messageProperty().get()).isEqualTo("Added \u201cToken sequence\u201d");

        vm.quickAdd().addBlockConnected("token_embedding", 300, 400, new Port(tokens, "out"));

        assertThat(Words.named(vm.messageProperty().get(), vm.graph()))
                .as("as the status bar shows it").isEqualTo("Added \u201cToken embedding\u201d after \u201cToken sequence\u201d");
    }

    // --- where it goes: NotePlacement.freeSpotAfter, in world coordinates ----------------------------------------

    private static final Bounds VIEW = new BoundingBox(0, 0, 1000, 600);
    private static final Bounds SOURCE = new BoundingBox(400, 200, NodeView.WIDTH, 90);

    @Test
    void aBlockDroppedRightOfItsWireIsPlacedWhereTheWireWasDropped() {
        var spot = NotePlacement.freeSpotAfter(VIEW, List.of(SOURCE), NodeView.WIDTH, 90, new Point2D(700, 220), SOURCE);
        assertThat(spot).isEqualTo(new Point2D(700, 220));
    }

    @Test
    void aWireDroppedBelowItsOwnBlockPutsTheNewBlockAfterItNotUnderIt() {
        // dragged down and a little back: the drop point was free, so the block went under its own source, the wire
        // running back across it
        Point2D dropped = new Point2D(SOURCE.getMinX() + 20, SOURCE.getMaxY() + 30);
        assertThat(NotePlacement.freeSpot(VIEW, List.of(SOURCE), NodeView.WIDTH, 90, dropped))
                .as("the rule for a block added without a wire keeps the free point").contains(dropped);
        var spot = NotePlacement.freeSpotAfter(VIEW, List.of(SOURCE), NodeView.WIDTH, 90, dropped, SOURCE);
        assertThat(spot.getX()).isGreaterThanOrEqualTo(SOURCE.getMaxX() + NotePlacement.AFTER_GAP);
        assertThat(spot.getY()).as("at the drop's height").isEqualTo(dropped.getY());
    }

    @Test
    void aTakenDropPointGivesTheNearestFreeSpotOnTheWiresSide() {
        Bounds taken = new BoundingBox(680, 180, NodeView.WIDTH, 120);
        var spot = NotePlacement.freeSpotAfter(VIEW, List.of(SOURCE, taken), NodeView.WIDTH, 90, new Point2D(690, 200), SOURCE);
        var block = new BoundingBox(spot.getX(), spot.getY(), NodeView.WIDTH, 90);
        assertThat(block.intersects(taken)).isFalse();
        assertThat(spot.getX()).isGreaterThanOrEqualTo(SOURCE.getMaxX() + NotePlacement.AFTER_GAP);
    }

    @Test
    void noRoomRightOfTheBlockInViewPutsItPastTheViewsEdgeNotAboveOrLeftOfIt() {
        // the source at the view's right edge: the new block had gone to the nearest free spot anywhere, above and
        // left of its own block, the wire running back across it
        Bounds atTheEdge = new BoundingBox(900, 200, NodeView.WIDTH, 90);
        Point2D spot = NotePlacement.freeSpotAfter(VIEW, List.of(atTheEdge), NodeView.WIDTH, 90, new Point2D(950, 220),
                atTheEdge);
        assertThat(spot.getX()).as("right of its block, past the view").isGreaterThanOrEqualTo(atTheEdge.getMaxX()
                + NotePlacement.AFTER_GAP);
        assertThat(spot.getY()).as("at the drop's height").isEqualTo(220);
    }

    @Test
    void aRightSideFullInViewAndBeyondStillGivesAFreeSpotToTheRight() {
        // a column of blocks right of the source, top to bottom of the view, and another past the view's edge
        List<Bounds> occupied = new java.util.ArrayList<>(List.of(SOURCE));
        for (double x : new double[] {640, 860, 1080}) {
            for (double y = -40; y < 640; y += 100) {
                occupied.add(new BoundingBox(x, y, NodeView.WIDTH, 90));
            }
        }
        Point2D spot = NotePlacement.freeSpotAfter(VIEW, occupied, NodeView.WIDTH, 90, new Point2D(700, 220), SOURCE);
        var block = new BoundingBox(spot.getX(), spot.getY(), NodeView.WIDTH, 90);
        assertThat(occupied).as("the spot %s overlaps no block", spot).noneMatch(block::intersects);
        assertThat(spot.getX()).isGreaterThanOrEqualTo(SOURCE.getMaxX() + NotePlacement.AFTER_GAP);
    }
}
