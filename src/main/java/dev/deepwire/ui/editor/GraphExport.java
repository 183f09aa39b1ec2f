package dev.deepwire.ui.editor;

import dev.deepwire.io.AtomicFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/** Writes the graph as a PNG picture of the canvas or as an SVG drawing made from the model. */
public final class GraphExport {
    private static final Map<String, String> CATEGORY_COLOURS = Map.of("INPUTS", "#61afef", "EMBEDDING", "#c678dd",
            "ATTENTION", "#e5c07b", "FUSION", "#98c379", "CORE", "#56b6c2", "CONVOLUTION", "#d19a66",
            "RECURRENT", "#be5046", "OUTPUT", "#e06c75");

    private GraphExport() {
    }

    /** A picture of every block and wire at full size (whatever the zoom), written atomically. */
    public static void writePng(GraphCanvas canvas, Path file) throws IOException {
        WritableImage image = canvas.snapshotGraph();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        AtomicFiles.write(file, out.toByteArray());
    }

    public static void writeSvg(EditorViewModel vm, Path file) throws IOException {
        AtomicFiles.write(file, toSvg(vm.graph(), vm.catalog(), vm.analysisProperty().get()).getBytes(StandardCharsets.UTF_8));
    }

    /** An SVG drawing: blocks with title, type, output shape and parameter count; wires labelled with shapes. */
    static String toSvg(Graph graph, BlockCatalog catalog, GraphAnalysis analysis) {
        double minX = graph.nodes().stream().mapToDouble(Node::x).min().orElse(0) - 40;
        double minY = graph.nodes().stream().mapToDouble(Node::y).min().orElse(0) - 40;
        double maxX = graph.nodes().stream().mapToDouble(n -> n.x() + NodeView.WIDTH).max().orElse(100) + 40;
        double maxY = graph.nodes().stream().mapToDouble(n -> n.y() + height(n, catalog)).max().orElse(100) + 40;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%.0f %.0f %.0f %.0f\" "
                + "width=\"%.0f\" height=\"%.0f\" font-family=\"DejaVu Sans, sans-serif\">%n", minX, minY, maxX - minX,
                maxY - minY, maxX - minX, maxY - minY));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.0f\" width=\"100%%\" height=\"100%%\" fill=\"#1b1d22\"/>%n", minX, minY));
        for (Edge e : graph.edges()) {
            double[] a = portPoint(graph.require(e.from().nodeId()), e.from().name(), false, catalog);
            double[] b = portPoint(graph.require(e.to().nodeId()), e.to().name(), true, catalog);
            double dx = Math.max(50, Math.abs(b[0] - a[0]) / 2);
            svg.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f C %.1f %.1f %.1f %.1f %.1f %.1f\" stroke=\"#7f8896\" "
                    + "stroke-width=\"2\" fill=\"none\"/>%n", a[0], a[1], a[0] + dx, a[1], b[0] - dx, b[1], b[0], b[1]));
            analysis.shapes().shapeOf(e).ifPresent(s -> svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" fill=\"#aab3c0\" font-size=\"11\" text-anchor=\"middle\" "
                            + "font-family=\"DejaVu Sans Mono, monospace\">%s</text>%n", (a[0] + b[0]) / 2, (a[1] + b[1]) / 2 - 7,
                    escape(s.toString()))));
        }
        for (Node n : graph.nodes()) {
            BlockType t = catalog.find(n.type()).orElse(null);
            String colour = t == null ? "#ff0000" : CATEGORY_COLOURS.getOrDefault(t.category().name(), "#5c6370");
            // the name as the canvas draws it, cut with "…" (50,000 emoji ran far out of the block); whole on hover
            svg.append("<g><title>").append(escape(dev.deepwire.limits.ShownName.hover(n.label()))).append("</title>");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" rx=\"8\" "
                    + "fill=\"#2c3038\" stroke=\"%s\" stroke-width=\"2\"/>%n", n.x(), n.y(), NodeView.WIDTH, height(n, catalog), colour));
            List<String> lines = List.of(dev.deepwire.limits.ShownName.of(n.label()).replace('\n', ' '), t == null ? n.type() : t.label(),
                    analysis.shapes().outputOf(n.id()).map(s -> "out " + s).orElse(t != null && t.isOutput() ? "loss" : ""),
                    String.format(Locale.ROOT, "%,d parameters", analysis.shapes().paramCounts().getOrDefault(n.id(), 0L)));
            for (int i = 0; i < lines.size(); i++) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-size=\"%d\"%s>%s</text>%n",
                        n.x() + 12, n.y() + 20 + i * 16, i == 0 ? "#eceff4" : "#aab3c0", i == 0 ? 13 : 11,
                        i == 0 ? " font-weight=\"bold\"" : "", escape(lines.get(i))));
            }
            if (t != null) {
                for (int i = 0; i < t.inputs().size(); i++) {
                    svg.append(port(n.x(), n.y() + 44 + i * 22, colour));
                }
                for (int i = 0; i < t.outputs().size(); i++) {
                    svg.append(port(n.x() + NodeView.WIDTH, n.y() + 44 + i * 22, colour));
                }
            }
            svg.append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String port(double x, double y, String colour) {
        return String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" stroke=\"#15171a\" stroke-width=\"2\"/>%n",
                x, y, colour);
    }

    private static double height(Node n, BlockCatalog catalog) {
        int rows = catalog.find(n.type()).map(t -> Math.max(t.inputs().size(), t.outputs().size())).orElse(1);
        return Math.max(86, 44 + rows * 22);
    }

    private static double[] portPoint(Node n, String port, boolean input, BlockCatalog catalog) {
        BlockType t = catalog.find(n.type()).orElse(null);
        int index = 0;
        if (t != null) {
            var ports = input ? t.inputs() : t.outputs();
            for (int i = 0; i < ports.size(); i++) {
                if (ports.get(i).name().equals(port)) {
                    index = i;
                }
            }
        }
        return new double[] {n.x() + (input ? 0 : NodeView.WIDTH), n.y() + 44 + index * 22};
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static SnapshotParameters background() {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.web("#1b1d22"));
        return p;
    }
}
