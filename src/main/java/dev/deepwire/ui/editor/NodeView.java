package dev.deepwire.ui.editor;

import dev.deepwire.compiler.ShapeReport;
import dev.deepwire.limits.ShownName;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import dev.deepwire.model.PortSpec;
import dev.deepwire.training.NodeHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** One block on the canvas: title, type, output shape and parameter count, ports, and an issue badge. */
final class NodeView extends Pane {
    static final double WIDTH = 184;
    private static final double PORT_TOP = 44;
    private static final double PORT_STEP = 22;
    /** Close up, a title wraps onto this many lines (the block grows to hold them), then is cut with "…". */
    static final int TITLE_LINES = 2;

    private final String nodeId;
    private final Label title = new Label();
    private final Label shape = new Label();
    private final Label params = new Label();
    private final Label badge = new Label();
    private String badgeText = "";
    private final LazyTooltip badgeTip = LazyTooltip.install(badge, () -> badgeText);
    private final List<PortView> ports = new ArrayList<>();
    private final Circle health = new Circle(5);
    private NodeHealth shownHealth;
    private final LazyTooltip healthTip = LazyTooltip.install(health, this::healthText);
    /** The whole title and kind on hover (a long label is cut with "…" on the block), and zoomed out what is hidden. */
    private final LazyTooltip titleTip = LazyTooltip.install(this, () -> ShownName.hover(this.name)
            // the kind only where it says more than the name (a block named as its kind had it twice: "Link prediction
            // output / Link prediction output")
            + (this.kindText.equals(this.name) ? "" : "\n" + this.kindText)
            + (showsDetail() ? "" : "\n" + shape.getText() + "\n" + params.getText()));
    private String kindText = "";
    /** The block's whole name (its title shows at most {@link ShownName#MOST} characters of it). */
    private String name = "";
    private final Label kind;
    private BlockDetail.Measure titleMeasure;
    private int zoomLevel = BlockDetail.DETAIL;
    /** The title's size zoomed out (0 close up). */
    private double shownTitleSize;

    NodeView(Node node, BlockType type) {
        this.nodeId = node.id();
        getStyleClass().addAll("node", "category-" + (type == null ? "unknown" : type.category().name().toLowerCase()));
        title.getStyleClass().add("node-title");
        kind = new Label(type == null ? "unknown block " + node.type() : type.label());
        kindText = kind.getText();
        kind.getStyleClass().add("node-type");
        shape.getStyleClass().add("node-info");
        params.getStyleClass().add("node-info");
        VBox body = new VBox(1, title, kind, shape, params);
        body.setPadding(new Insets(5, 12, 6, 12));
        body.setPrefWidth(WIDTH);
        body.setMouseTransparent(true);
        getChildren().add(body);
        int rows = 0;
        if (type != null) {
            for (int i = 0; i < type.inputs().size(); i++) {
                addPort(new Port(node.id(), type.inputs().get(i).name()), type.inputs().get(i), true, 0, i);
            }
            for (int i = 0; i < type.outputs().size(); i++) {
                addPort(new Port(node.id(), type.outputs().get(i).name()), type.outputs().get(i), false, WIDTH, i);
            }
            rows = Math.max(type.inputs().size(), type.outputs().size());
        }
        badge.getStyleClass().add("badge");
        badge.setVisible(false);
        badge.relocate(WIDTH - 16, -8);
        getChildren().add(badge);
        health.getStyleClass().add("health");
        health.setVisible(false);
        health.setCenterX(WIDTH - 12);
        getChildren().add(health);
        double base = heightFor(type);
        setPrefSize(WIDTH, base);
        setMinSize(WIDTH, Region.USE_PREF_SIZE);
        // a title on two lines ("Entity embedding (shared)" had read "Entity embedding (…") makes the block taller
        body.heightProperty().addListener((o, a, h) -> setPrefHeight(Math.max(base, h.doubleValue())));
        update(node);
        title.setWrapText(true);
        title.setMaxHeight(Math.ceil(TITLE_LINES * BlockDetail.BASE * 1.34));
    }

    /** A block's height on the canvas: room for its ports. */
    static double heightFor(BlockType type) {
        int rows = type == null ? 0 : Math.max(type.inputs().size(), type.outputs().size());
        return Math.max(86, PORT_TOP + rows * PORT_STEP);
    }

    private void addPort(Port port, PortSpec spec, boolean input, double x, int index) {
        PortView view = new PortView(port, spec, input);
        view.setCenterX(x);
        view.setCenterY(portY(index));
        ports.add(view);
        getChildren().add(view);
    }

    private static double portY(int index) {
        return PORT_TOP + index * PORT_STEP;
    }

    String nodeId() {
        return nodeId;
    }

    List<PortView> ports() {
        return ports;
    }

    /** Where a port's centre is, in canvas coordinates. */
    double[] portCentre(Port port) {
        for (PortView p : ports) {
            if (p.port().equals(port)) {
                return new double[] {getLayoutX() + p.getCenterX(), getLayoutY() + p.getCenterY()};
            }
        }
        return new double[] {getLayoutX() + WIDTH / 2, getLayoutY() + getPrefHeight() / 2};
    }

    void update(Node node) {
        if (!node.label().equals(name)) {
            name = node.label();
            title.setText(ShownName.of(name)); // bounded: 50,000 emoji had made the block a column over the canvas
            titleMeasure = null; // zoomed out, the canvas sizes every title again (CanvasViews.fitTitles)
        }
        titleTip.refresh();
        relocate(node.x(), node.y());
    }

    /** The widths of the title's text, for the one title size the canvas works out zoomed out. */
    BlockDetail.Measure titleMeasure() {
        if (titleMeasure == null) {
            titleMeasure = BlockDetail.Measure.of(title.getText());
        }
        return titleMeasure;
    }

    /**
     * Shows the block as {@link BlockDetail} has it at a zoom level: every line close up; further out the title alone
     * at {@code shared} (the same for every block, {@link BlockDetail#sharedTitleSize}), on at most
     * {@link #TITLE_LINES} lines, cut with "…" after them (whole in the tooltip).
     */
    void showZoom(int level, double shared) {
        boolean overview = level != BlockDetail.DETAIL;
        // (a block made before the canvas has sized the titles: its own size until then)
        double titleSize = shared > 0 || !overview ? shared : BlockDetail.titleSize(titleMeasure(), BlockDetail.zoomOf(level));
        if (level == zoomLevel && (!overview || titleSize == shownTitleSize)) {
            return;
        }
        zoomLevel = level;
        shownTitleSize = overview ? titleSize : 0;
        for (Label detail : List.of(kind, shape, params)) {
            detail.setVisible(!overview);
            detail.setManaged(!overview);
        }
        title.setWrapText(true);
        title.setStyle(overview ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.0fpx;", titleSize) : "");
        title.setMaxHeight(Math.ceil(TITLE_LINES * (overview ? titleSize : BlockDetail.BASE) * 1.34));
        titleTip.refresh();
    }

    /** The title's font size now (larger than the window's text when zoomed out). */
    double titleFontSize() {
        return title.getFont().getSize();
    }

    /** Whether the block shows its kind, output shape and parameters (false in the zoomed-out overview). */
    boolean showsDetail() {
        return shape.isVisible();
    }

    /** The text shown when hovering the block (its whole title and kind). */
    String hoverText() {
        return titleTip.tooltip().getText();
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(PseudoClass.getPseudoClass("selected"), selected);
    }

    void showAnalysis(ShapeReport shapes, List<Issue> issues, boolean isOutput) {
        shape.setText(shapes.outputOf(nodeId).map(s -> "out " + s).orElse(isOutput ? "loss" : "out ?"));
        params.setText(String.format("%,d parameters", shapes.paramCounts().getOrDefault(nodeId, 0L)));
        titleTip.refresh(); // zoomed out, the shape and parameters are read there
        boolean errors = issues.stream().anyMatch(Issue::isError);
        badge.setVisible(!issues.isEmpty());
        badge.setText(errors ? "!" : "?");
        badge.getStyleClass().removeAll("badge-error", "badge-warn");
        badge.getStyleClass().add(errors ? "badge-error" : "badge-warn");
        badgeText = issues.stream().map(i -> (i.isError() ? "Error: " : "Warning: ") + i.message())
                .collect(Collectors.joining("\n"));
        badgeTip.refresh();
    }

    /**
     * Shows a block's training health: a green dot when fine, amber or red with the reason when not;
     * {@code null} hides it.
     */
    void showHealth(NodeHealth h) {
        health.setVisible(h != null);
        if (h == null || h.equals(shownHealth)) {
            return;
        }
        shownHealth = h;
        health.setCenterY(getPrefHeight() - 12);
        var problem = h.problem();
        String style = problem.isEmpty() ? "health-ok" : h.nonFinite() > 0 ? "health-bad" : "health-warn";
        if (!health.getStyleClass().contains(style)) { // a class removed and added again restyles the node
            health.getStyleClass().removeAll("health-ok", "health-warn", "health-bad");
            health.getStyleClass().add(style);
        }
        healthTip.refresh(); // formats the text only when a tooltip has been made (the pointer was over the dot)
    }

    private String healthText() {
        var h = shownHealth;
        if (h == null) {
            return "";
        }
        var problem = h.problem();
        return (problem.isEmpty() ? "Healthy" : problem.get()) + (h.nonFinite() > 0 && h.params() == 0 ? "" : "\n" + h.summary());
    }

    String shapeText() {
        return shape.getText();
    }
}
