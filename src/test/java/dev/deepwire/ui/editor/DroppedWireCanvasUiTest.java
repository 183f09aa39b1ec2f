package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Quick-add after a wire dropped on empty canvas from a block at the view's right edge, at 1024 × 700: the new block
 * goes right of its source, past the view's edge if need be, and the canvas scrolls to show it — it had gone above and
 * left of the source, the wire running back across it.
 */
@ExtendWith(ApplicationExtension.class)
class DroppedWireCanvasUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        GraphFixture g = new GraphFixture().node("src", "dense").node("left", "dense");
        g.graph().moveNode("left", 0, 300);
        g.graph().moveNode("src", 760, 300);
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("drop", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        stage.setScene(new Scene(canvas, 1024, 700));
        stage.show();
    }

    @Test
    void noRoomRightOfTheSourceInViewPutsTheBlockRightOfItAndScrollsToIt(FxRobot robot) {
        AtomicReference<Point2D> spot = new AtomicReference<>();
        AtomicReference<Bounds> visibleAfter = new AtomicReference<>();
        robot.interact(() -> {
            canvas.zoomAt(1 / canvas.zoom(), 0, 0);
            canvas.centreOn(560, 350); // the source's right edge 40 px from the view's
            var type = vm.catalog().require("dense");
            spot.set(canvas.blockSpotNear(type, new Point2D(900, 320), new Port("src", "out")));
            visibleAfter.set(canvas.visibleWorldBounds());
        });
        var source = vm.graph().require("src");
        assertThat(spot.get().getX()).as("right of its source").isGreaterThanOrEqualTo(source.x() + NodeView.WIDTH
                + NotePlacement.AFTER_GAP);
        var block = new BoundingBox(spot.get().getX(), spot.get().getY(), NodeView.WIDTH, 90);
        assertThat(block.intersects(new BoundingBox(source.x(), source.y(), NodeView.WIDTH, 90))).isFalse();
        assertThat(visibleAfter.get().contains(block)).as("scrolled so %s shows in %s", block, visibleAfter.get()).isTrue();
    }

    @Test
    void aBlockAddedWhenNothingInViewIsFreeGoesBesideTheBlockThereAndIsScrolledTo(FxRobot robot) {
        // zoomed in on one block: a block double-clicked in the palette had gone on top of it, in the view's middle
        AtomicReference<String> added = new AtomicReference<>();
        AtomicReference<Bounds> visibleAfter = new AtomicReference<>();
        robot.interact(() -> {
            canvas.zoomAt(4 / canvas.zoom(), 0, 0);
            canvas.centreOn(760 + NodeView.WIDTH / 2, 340);
            added.set(canvas.addBlockInView(vm.catalog().require("dense")));
            visibleAfter.set(canvas.visibleWorldBounds());
        });
        var n = vm.graph().require(added.get());
        var block = new BoundingBox(n.x(), n.y(), NodeView.WIDTH, 86);
        var source = vm.graph().require("src");
        assertThat(block.intersects(new BoundingBox(source.x(), source.y(), NodeView.WIDTH, 86)))
                .as("%s on the block already there", block).isFalse();
        assertThat(visibleAfter.get().contains(block)).as("scrolled so %s shows in %s", block, visibleAfter.get()).isTrue();
    }
}
