package dev.deepwire.inspect;

import dev.deepwire.io.CsvText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Writes a query × key attention map as CSV (exact weights, token labels) or as a labelled PNG heatmap. */
public final class Heatmaps {
    private Heatmaps() {
    }

    /** Rows are queries, columns keys; the first row and column hold the token labels. */
    public static String csv(INDArray map, List<String> queries, List<String> keys) {
        return csv(map.castTo(DataType.FLOAT).toFloatMatrix(), queries, keys);
    }

    /** The same for weights already on the heap. */
    public static String csv(float[][] map, List<String> queries, List<String> keys) {
        StringBuilder b = new StringBuilder("query\\key");
        keys.forEach(k -> b.append(',').append(CsvText.cell(k)));
        b.append('\n');
        for (int q = 0; q < map.length; q++) {
            b.append(CsvText.cell(queries.get(q)));
            for (int k = 0; k < map[q].length; k++) {
                b.append(',').append(String.format(Locale.ROOT, "%.8g", (double) map[q][k]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** A heatmap with token labels on both axes (queries down, keys across) and a colour scale. */
    public static BufferedImage image(INDArray map, List<String> queries, List<String> keys, String title) {
        return image(map.castTo(DataType.FLOAT).toFloatMatrix(), queries, keys, title);
    }

    /** The same for weights already on the heap; cells are coloured by {@link HeatmapRaster}, as on screen. */
    public static BufferedImage image(float[][] map, List<String> queries, List<String> keys, String title) {
        int rows = map.length;
        int cols = map[0].length;
        int cell = Math.max(8, Math.min(28, 720 / Math.max(rows, cols)));
        int left = 70;
        int top = 70;
        int width = left + cols * cell + 90;
        int height = top + rows * cell + 20;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x1b, 0x1d, 0x22));
        g.fillRect(0, 0, width, height);
        float max = HeatmapRaster.top(map);
        BufferedImage cells = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_ARGB);
        cells.setRGB(0, 0, cols, rows, HeatmapRaster.argb(map), 0, cols);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(cells, left, top, cols * cell, rows * cell, null);
        g.setColor(new Color(0xd7, 0xda, 0xe0));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, 10, 18);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.min(12, cell)));
        for (int q = 0; q < rows; q++) {
            g.drawString(shorten(queries.get(q)), 4, top + q * cell + cell - 3);
        }
        for (int k = 0; k < cols; k++) {
            Graphics2D r = (Graphics2D) g.create();
            r.translate(left + k * cell + cell - 3, top - 4);
            r.rotate(-Math.PI / 2);
            r.drawString(shorten(keys.get(k)), 0, 0);
            r.dispose();
        }
        g.drawString("query ↓  key →", 4, 36);
        int barX = left + cols * cell + 20;
        for (int y = 0; y < rows * cell; y++) {
            g.setColor(new Color(Viridis.rgb(1 - (double) y / (rows * cell))));
            g.fillRect(barX, top + y, 14, 1);
        }
        g.setColor(new Color(0xd7, 0xda, 0xe0));
        g.setStroke(new BasicStroke(1));
        g.drawString(String.format(Locale.ROOT, "%.2f", max), barX + 18, top + 10);
        g.drawString("0", barX + 18, top + rows * cell);
        g.dispose();
        return img;
    }

    /** Pictures laid out {@code across} to a row, left to right and top to bottom (one picture: itself). */
    public static BufferedImage tiled(List<BufferedImage> images, int across) {
        if (images.size() == 1) {
            return images.get(0);
        }
        int w = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int h = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        int down = (images.size() + across - 1) / across;
        BufferedImage all = new BufferedImage(w * across, h * down, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(new Color(0x1b, 0x1d, 0x22));
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), i % across * w, i / across * h, null);
        }
        g.dispose();
        return all;
    }

    /** The picture as PNG bytes (the caller saves them). */
    public static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static String shorten(String s) {
        return s.length() > 8 ? s.substring(0, 7) + "…" : s;
    }
}
