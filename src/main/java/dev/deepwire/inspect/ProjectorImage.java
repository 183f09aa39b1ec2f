package dev.deepwire.inspect;

import dev.deepwire.io.CsvText;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A projected table as a file: CSV (each drawn row's label, x, y and colour columns) or a PNG scatter with the
 * same colours, legend and curve as the workbench's projector.
 */
public final class ProjectorImage {
    /** Tables with at most this many rows get every point labelled in the picture. */
    static final int LABEL_ALL = 80;
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 720;
    private static final int PLOT = 640;

    private ProjectorImage() {
    }

    /** {@code label,x,y,<columns>}: one line per drawn row, in table order. */
    public static String csv(LearnedTable table, Projection p) {
        StringBuilder b = new StringBuilder("row,label,x,y");
        table.columns().forEach(c -> b.append(',').append(CsvText.cell(c.name())));
        b.append('\n');
        for (int i = 0; i < p.rows().length; i++) {
            int row = p.rows()[i];
            b.append(row).append(',').append(CsvText.cell(table.labels().get(row)));
            b.append(String.format(Locale.ROOT, ",%.6g,%.6g", p.xy()[i][0], p.xy()[i][1]));
            for (RowColumn c : table.columns()) {
                b.append(',').append(CsvText.cell(c.text(row)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * The scatter: points coloured by {@code colourBy} (a column name, or null for one colour), a legend, the rows
     * of a positions table joined in order, and labels where there are few enough points to read them.
     */
    public static BufferedImage image(LearnedTable table, Projection p, String colourBy) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x1b, 0x1d, 0x22));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Color text = new Color(0xd7, 0xda, 0xe0);
        g.setColor(text);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title(table), 16, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(p.note(), 16, 44);
        RowColumn column = colourBy == null ? null : table.column(colourBy).orElse(null);
        int[] colours = column == null ? null : column.colours();
        double[][] screen = ScatterLayout.fit(p.xy(), 40, 64, PLOT + 200, PLOT);
        if (table.sequential() && screen.length > 1) {
            Path2D path = new Path2D.Double();
            path.moveTo(screen[0][0], screen[0][1]);
            for (int i = 1; i < screen.length; i++) {
                path.lineTo(screen[i][0], screen[i][1]);
            }
            g.setColor(new Color(0x80, 0x86, 0x90));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(path);
        }
        double r = screen.length > 1000 ? 2.5 : screen.length > 200 ? 3.5 : 5;
        for (int i = 0; i < screen.length; i++) {
            g.setColor(new Color(colours == null ? 0x4e79a7 : colours[p.rows()[i]]));
            g.fill(new Ellipse2D.Double(screen[i][0] - r, screen[i][1] - r, 2 * r, 2 * r));
        }
        if (screen.length <= LABEL_ALL) {
            g.setColor(text);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
            for (int i = 0; i < screen.length; i++) {
                g.drawString(table.labels().get(p.rows()[i]), (float) (screen[i][0] + r + 2), (float) (screen[i][1] + 4));
            }
        }
        legend(g, column, text);
        g.dispose();
        return img;
    }

    static String title(LearnedTable table) {
        return String.format(Locale.ROOT, "%s · %s · %d × %d%s", table.nodeId(), table.kind(), table.size(),
                table.dimensions(), table.step() >= 0 ? " · step " + table.step() : "");
    }

    private static void legend(Graphics2D g, RowColumn column, Color text) {
        if (column == null) {
            return;
        }
        int x = WIDTH - 230;
        int y = 80;
        g.setColor(text);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString("colour: " + column.name(), x, y);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (column.isNumeric()) {
            double lo = java.util.Arrays.stream(column.numbers()).min().orElse(0);
            double hi = java.util.Arrays.stream(column.numbers()).max().orElse(0);
            for (int i = 0; i < 160; i++) {
                g.setColor(new Color(Viridis.rgb(i / 159.0)));
                g.fillRect(x + i, y + 10, 1, 14);
            }
            g.setColor(text);
            g.drawString(ScatterLayout.number(lo), x, y + 40);
            g.drawString(ScatterLayout.number(hi), x + 130, y + 40);
            return;
        }
        List<String> legend = column.legend();
        for (int i = 0; i <= legend.size(); i++) {
            g.setColor(new Color(RowColumn.colourOf(i < legend.size() ? i : -1)));
            g.fillOval(x, y + 12 + i * 20, 10, 10);
            g.setColor(text);
            String name = i < legend.size() ? legend.get(i) : RowColumn.OTHER;
            g.drawString(name.length() > 28 ? name.substring(0, 27) + "…" : name, x + 16, y + 22 + i * 20);
        }
    }
}
