package dev.deepwire.ui.editor;

import dev.deepwire.model.Node;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Bounds;

/**
 * Which block an arrow key selects on the canvas: the nearest one whose middle lies that way from the selected
 * block's (straight ahead counting more than off to the side), or with nothing selected the top-left one. Without it
 * the arrow keys did nothing to the graph and moved the keyboard off the canvas, so a person building from the
 * keyboard could not come back to an earlier block to branch from it.
 */
final class ArrowSelection {
    private ArrowSelection() {
    }

    /**
     * The block to select from {@code from} (null: none selected) going (dx, dy), one of them ±1 and the other 0;
     * empty when no block lies that way. {@code bounds}: where each block is drawn.
     */
    static Optional<Node> next(Collection<Node> shown, Node from, int dx, int dy, Function<Node, Bounds> bounds) {
        if (from == null) {
            return shown.stream().min(Comparator.comparingDouble((Node n) -> {
                Bounds b = bounds.apply(n);
                return b.getMinY() + b.getMinX();
            }));
        }
        Bounds f = bounds.apply(from);
        double fx = f.getCenterX();
        double fy = f.getCenterY();
        Node best = null;
        double bestScore = Double.MAX_VALUE;
        for (Node n : shown) {
            if (n.id().equals(from.id())) {
                continue;
            }
            Bounds b = bounds.apply(n);
            double ahead = (b.getCenterX() - fx) * dx + (b.getCenterY() - fy) * dy;
            double aside = Math.abs((b.getCenterX() - fx) * dy) + Math.abs((b.getCenterY() - fy) * dx);
            if (ahead <= 1) {
                continue;
            }
            double score = ahead + 2 * aside;
            if (score < bestScore) {
                bestScore = score;
                best = n;
            }
        }
        return Optional.ofNullable(best);
    }
}
