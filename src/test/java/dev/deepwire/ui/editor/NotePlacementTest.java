package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

/** Where an added block goes when the view is nearly full. */
class NotePlacementTest {
    @Test
    void aSecondBlockInASmallViewGoesBesideTheFirstRatherThanOnIt() {
        // Measured in the real window at 1024 × 700: a new project's canvas, an Image input in the middle (as drawn,
        // with its badge), the minimap in the corner. Token sequence, double-clicked next, had landed on it, 32 px off.
        var visible = new BoundingBox(0, 0, 552, 333);
        var image = new BoundingBox(174, 109, 211, 114);
        var minimap = new BoundingBox(415.6, 240.8, 142.4, 98.2);
        var spot = NotePlacement.freeSpot(visible, List.of(image, minimap), NodeView.WIDTH, 86, new Point2D(184, 123.5));
        assertThat(spot).isPresent();
        var block = new BoundingBox(spot.get().getX(), spot.get().getY(), NodeView.WIDTH, 86);
        assertThat(block.intersects(image)).as("%s on the first block", block).isFalse();
        assertThat(block.intersects(minimap)).as("%s under the minimap", block).isFalse();
        assertThat(visible.contains(block)).isTrue();
    }

    @Test
    void nothingFreeInViewGivesTheNearestFreeSpotAroundItNeverOnABlock() {
        // zoomed in on one block: the view holds it and no room for another
        var visible = new javafx.geometry.BoundingBox(0, 0, 256, 175);
        var block = new javafx.geometry.BoundingBox(36, 44, NodeView.WIDTH, 86);
        var beside = new javafx.geometry.BoundingBox(-300, 44, NodeView.WIDTH, 86);
        assertThat(NotePlacement.freeSpot(visible, List.of(block, beside), NodeView.WIDTH, 86, new Point2D(36, 44))).isEmpty();
        Point2D spot = NotePlacement.freeSpotAround(visible, List.of(block, beside), NodeView.WIDTH, 86, new Point2D(36, 44));
        var placed = new javafx.geometry.BoundingBox(spot.getX(), spot.getY(), NodeView.WIDTH, 86);
        assertThat(placed.intersects(block)).as("%s clear of %s", placed, block).isFalse();
        assertThat(placed.intersects(beside)).isFalse();
        assertThat(Math.hypot(spot.getX() - 36, spot.getY() - 44)).as("near the view").isLessThan(400);
    }
}
