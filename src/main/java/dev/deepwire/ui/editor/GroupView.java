package dev.deepwire.ui.editor;

import dev.deepwire.limits.ShownName;
import dev.deepwire.model.NodeGroup;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A group on the canvas: expanded, a frame around its blocks with the name on top; collapsed, one box
 * standing for them, with wires from outside meeting its left and right edges. Double-click the name
 * (or the box) to collapse or expand; drag it to move the whole group.
 * <p>A group's name is not drawn in its frame or box (below the blocks and notes, where a block above the group or a
 * note over the box hid it) but in a layer above them ({@link GroupViews} puts it there), placed in world coordinates
 * over the frame's top or inside the box, on the box's own colour: a note placed over a collapsed box had hidden its
 * name and its expand control.
 */
final class GroupView extends Pane {
    static final double COLLAPSED_HEIGHT = 70;
    private final NodeGroup group;
    private final Rectangle frame = new Rectangle();
    private final Label title = new Label();
    private boolean overview;
    /** The title at full detail (a collapsed box's name and summary). */
    private final String detailText;

    GroupView(NodeGroup group, String summary) {
        this.group = group;
        getStyleClass().addAll("group", group.collapsed() ? "group-collapsed" : "group-expanded");
        frame.getStyleClass().add("group-frame");
        frame.setArcWidth(14);
        frame.setArcHeight(14);
        title.getStyleClass().add("group-title");
        detailText = (group.collapsed() ? "▸ " : "▾ ") + ShownName.of(group.label()) + (group.collapsed() ? "\n" + summary : "");
        title.setText(detailText);
        if (group.collapsed()) {
            // The box has a fixed size: the name and summary wrap inside it, and read whole on hover.
            title.setWrapText(true);
            title.setMaxWidth(NodeView.WIDTH - 24);
            title.setMaxHeight(COLLAPSED_HEIGHT - 14);
            title.setTooltip(new Tooltip(ShownName.hover(group.label()) + "\n" + summary));
        }
        getChildren().add(frame);
        title.getStyleClass().add(group.collapsed() ? "group-title-box" : "group-title-above");
        setPickOnBounds(false);
        frame.setMouseTransparent(!group.collapsed());
    }

    NodeGroup group() {
        return group;
    }

    /** A collapsed box wholly selected is drawn as a selected block is. */
    void setSelected(boolean selected) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
    }

    /** A collapsed box hiding a selected block (not all of its blocks): outlined, dashed. */
    void setHoldsSelection(boolean holds) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("holds-selection"), holds);
    }

    boolean holdsSelection() {
        return getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("holds-selection"));
    }

    boolean isSelected() {
        return getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("selected"));
    }

    Label title() {
        return title;
    }

    /**
     * An expanded group's name at a zoom level ({@link BlockDetail#groupTitleSize}); zoomed out it is cut with "…" at
     * the frame's width, whole on hover. A collapsed box keeps its size; zoomed out it shows its name alone, larger.
     */
    void showZoom(int level) {
        overview = level != BlockDetail.DETAIL;
        if (group.collapsed()) {
            // zoomed out, a collapsed box is read as a block is: its name alone, larger, cut with "…" where it is long
            // (it kept name and summary at 13 canvas units, about 5 px at Fit view); both whole in the tooltip
            title.setText(overview ? "▸ " + ShownName.of(group.label()) : detailText);
            title.setStyle(overview ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.0fpx;", BlockDetail.cutTitleSize(
                    BlockDetail.Measure.of(title.getText()), BlockDetail.zoomOf(level), COLLAPSED_HEIGHT - 16)) : "");
            return;
        }
        title.setStyle(overview ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.0fpx;",
                BlockDetail.groupTitleSize(level)) : "");
        title.setTooltip(overview ? new Tooltip(ShownName.hover(group.label())) : null);
        fitTitle();
    }

    private void fitTitle() {
        title.setMaxWidth(overview ? Math.max(frame.getWidth(), NodeView.WIDTH) : Region.USE_COMPUTED_SIZE);
    }

    private static final double PAD = 14;
    private static final double TITLE = 22;

    /**
     * What an expanded group around {@code members} takes on the canvas — its frame and the name above it — whether it
     * is expanded now or will be: what a note or block placed beside it keeps clear of.
     */
    static Bounds frameAround(Bounds members) {
        return new javafx.geometry.BoundingBox(members.getMinX() - PAD, members.getMinY() - PAD - TITLE,
                members.getWidth() + 2 * PAD, members.getHeight() + 2 * PAD + TITLE);
    }

    /** Places the frame around the given bounds (expanded) or the box at their top-left (collapsed). */
    void place(Bounds members) {
        if (group.collapsed()) {
            relocate(members.getMinX(), members.getMinY());
            frame.setWidth(NodeView.WIDTH);
            frame.setHeight(COLLAPSED_HEIGHT);
            title.relocate(getLayoutX() + 12, getLayoutY() + 10); // in the title layer, in the box's coordinates
        } else {
            double pad = PAD;
            relocate(members.getMinX() - pad, members.getMinY() - pad - TITLE);
            frame.setY(TITLE);
            frame.setWidth(members.getWidth() + 2 * pad);
            frame.setHeight(members.getHeight() + 2 * pad);
            title.relocate(getLayoutX() + 4, getLayoutY()); // in the title layer, which shares the frame's coordinates
            fitTitle();
        }
    }

    /** Where wires from outside meet a collapsed group: left edge for inputs, right edge for outputs. */
    double[] anchor(boolean input) {
        return new double[] {getLayoutX() + (input ? 0 : NodeView.WIDTH), getLayoutY() + COLLAPSED_HEIGHT / 2};
    }
}
