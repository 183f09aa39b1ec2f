package dev.deepwire.inspect.walk;

import dev.deepwire.inspect.Viridis;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One step as a picture for the exported walk-through: the block and its formula, a heatmap of each tensor on its
 * wires (in and out, with shape and min/max/mean), the formula filled in, and for attention the softmax row over the
 * keys.
 */
public final class StepPicture {
    private static final int WIDTH = 1100;
    private static final Color BACK = new Color(0x1b, 0x1d, 0x22);
    private static final Color TEXT = new Color(0xd7, 0xda, 0xe0);
    private static final Color MUTED = new Color(0x9a, 0xa0, 0xaa);

    private StepPicture() {
    }

    public static BufferedImage of(Walkthrough walk, Step step) {
        List<WalkTensor> tensors = new ArrayList<>(step.inputs());
        tensors.addAll(step.outputs());
        int mapHeight = 150;
        int height = 120 + tensors.size() * (mapHeight + 40) + step.lines().size() * 20
                + (step.attention() != null ? 90 : 0) + 30;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACK);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(String.format(Locale.ROOT, "Step %d of %d · %s (%s)", step.index() + 1, walk.steps().size(),
                step.label(), step.blockType()), 16, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(MUTED);
        g.drawString(walk.project() + " · " + walk.example(), 16, 50);
        g.setColor(TEXT);
        g.drawString(step.formula(), 16, 74);
        int y = 100;
        for (WalkTensor t : tensors) {
            g.setColor(TEXT);
            g.drawString(String.format(Locale.ROOT, "%s   %s   min %s  max %s  mean %s%s", t.shown(), t.shapeText(),
                    Numbers.of(t.min()), Numbers.of(t.max()), Numbers.of(t.mean()),
                    t.layout().isEmpty() ? "" : "   (" + t.layout() + ")"), 16, y + 14);
            drawTensor(g, t, 16, y + 22, WIDTH - 32, mapHeight);
            y += mapHeight + 40;
        }
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
        for (String line : step.lines()) {
            g.setColor(TEXT);
            g.drawString(line, 16, y + 14);
            y += 20;
        }
        if (step.attention() != null) {
            drawRow(g, step.attention(), 16, y + 10, WIDTH - 32);
        }
        g.dispose();
        return img;
    }

    /** A tensor's cells scaled into a box (keeping cells square where they fit). */
    static void drawTensor(Graphics2D g, WalkTensor t, int x, int y, int w, int h) {
        float[][] cells = TensorRaster.cells(t);
        if (cells.length == 0 || cells[0].length == 0) {
            return;
        }
        int cols = cells[0].length;
        int rows = cells.length;
        BufferedImage raster = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_ARGB);
        raster.setRGB(0, 0, cols, rows, TensorRaster.argb(t), 0, cols);
        double cell = Math.min((double) w / cols, (double) h / rows);
        int dw = (int) Math.max(1, Math.round(cols * cell));
        int dh = (int) Math.max(1, Math.round(rows * cell));
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(raster, x, y, dw, dh, null);
    }

    /** The softmax row as cells over the keys, each with its key and weight. */
    private static void drawRow(Graphics2D g, AttentionStep a, int x, int y, int w) {
        int n = a.softmax().length;
        int cell = Math.max(4, Math.min(60, w / Math.max(1, n)));
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.min(11, cell / 3 + 4)));
        for (int j = 0; j < n; j++) {
            g.setColor(new Color(Viridis.rgb(a.softmax()[j])));
            g.fillRect(x + j * cell, y, cell - 1, 30);
            g.setColor(TEXT);
            String key = a.keys().get(j);
            g.drawString(key.length() > 6 ? key.substring(0, 5) + "…" : key, x + j * cell + 2, y + 46);
            if (cell >= 36) {
                g.drawString(Numbers.of(a.softmax()[j]), x + j * cell + 2, y + 62);
            }
        }
    }
}
