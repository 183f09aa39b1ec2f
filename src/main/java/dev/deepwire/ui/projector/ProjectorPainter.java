package dev.deepwire.ui.projector;

import dev.deepwire.inspect.LearnedTable;
import dev.deepwire.inspect.RowColumn;
import java.util.HashSet;
import java.util.Set;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** Draws the projector's points: the curve of a positions table, coloured points, search hits, selection, hover. */
final class ProjectorPainter {
    private static final Color BACKGROUND = Color.rgb(0x1b, 0x1d, 0x22);
    private static final Color TEXT = Color.rgb(0xd7, 0xda, 0xe0);
    /** The space a label keeps from the plot's edges, and the height of its line. */
    private static final double EDGE = 2;
    private static final double LINE = 13;

    private ProjectorPainter() {
    }

    static Color fx(int rgb) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    static void paint(GraphicsContext g, double w, double h, ProjectorModel model) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        LearnedTable t = model.shown();
        double[][] screen = model.screen();
        if (t == null || model.projection() == null || screen.length == 0) {
            return;
        }
        int[] rows = model.projection().rows();
        RowColumn column = model.colourColumn();
        int[] colours = column == null ? null : column.colours();
        if (t.sequential() && screen.length > 1) {
            g.setStroke(Color.rgb(0x80, 0x86, 0x90));
            g.setLineWidth(1.2);
            g.beginPath();
            g.moveTo(screen[0][0], screen[0][1]);
            for (int i = 1; i < screen.length; i++) {
                g.lineTo(screen[i][0], screen[i][1]);
            }
            g.stroke();
        }
        Set<Integer> hits = new HashSet<>(model.matches());
        double r = screen.length > 1000 ? 2.5 : screen.length > 200 ? 3.5 : 5;
        boolean labelAll = screen.length <= 80;
        g.setFont(Font.font("Monospaced", 11));
        for (int i = 0; i < screen.length; i++) {
            g.setFill(fx(colours == null ? 0x4e79a7 : colours[rows[i]]));
            g.fillOval(screen[i][0] - r, screen[i][1] - r, 2 * r, 2 * r);
            if (labelAll) {
                g.setFill(TEXT);
                String label = t.labels().get(rows[i]);
                g.fillText(label, labelX(screen[i][0], r + 2, width(label, g.getFont()), w), labelY(screen[i][1] + 4, h));
            }
        }
        for (int i = 0; i < screen.length; i++) {
            if (hits.contains(rows[i])) {
                ring(g, screen[i], r + 3, Color.WHITE);
            }
        }
        model.neighbours().forEach(n -> mark(g, model, n.row(), r + 2, Color.rgb(0xed, 0xc9, 0x48), false));
        mark(g, model, model.selected(), r + 4, Color.WHITE, true);
        mark(g, model, model.hovered(), r + 3, Color.WHITE, true);
    }

    private static void mark(GraphicsContext g, ProjectorModel model, int row, double radius, Color colour, boolean label) {
        double[] at = row < 0 ? null : model.positionOf(row);
        if (at == null) {
            return;
        }
        ring(g, at, radius, colour);
        if (label) {
            g.setFill(TEXT);
            g.setFont(Font.font("SansSerif", 13));
            String text = model.shown().labels().get(row);
            double w = g.getCanvas().getWidth();
            double h = g.getCanvas().getHeight();
            g.fillText(text, labelX(at[0], radius + 3, width(text, g.getFont()), w), labelY(at[1] - radius, h));
        }
    }

    /**
     * Where a point's label starts: right of the point ({@code gap} from its centre), or left of it where the label
     * would run past the plot's right edge ({@code w}); never left of the plot. Labels were cut at the right edge.
     */
    static double labelX(double x, double gap, double labelWidth, double w) {
        double right = x + gap;
        if (right + labelWidth <= w - EDGE) {
            return right;
        }
        return Math.max(EDGE, Math.min(x - gap - labelWidth, w - EDGE - labelWidth));
    }

    /** A label's baseline: inside the plot's height {@code h} (one line of text below its top, above its bottom). */
    static double labelY(double baseline, double h) {
        return Math.max(LINE, Math.min(baseline, h - EDGE - 2));
    }

    private static double width(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static void ring(GraphicsContext g, double[] at, double radius, Color colour) {
        g.setStroke(colour);
        g.setLineWidth(1.5);
        g.strokeOval(at[0] - radius, at[1] - radius, 2 * radius, 2 * radius);
    }
}
