package dev.deepwire.ui;

import dev.deepwire.ui.editor.GraphCanvas;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The workbench's resizable middle: palette | canvas | block inspector side by side, the training dock below.
 * The panels keep their size in pixels when the window is resized (the canvas takes the change), each can be
 * hidden (View menu, Shortcut+1…4) and their sizes and visibility are remembered in the user's preferences.
 */
final class WorkbenchLayout {
    static final double PALETTE_WIDTH = 190;
    static final double INSPECTOR_WIDTH = 240;
    /** The dock's height when nothing is remembered: a third of the middle (at least {@link #MIN_DOCK_HEIGHT}), at most this many pixels. */
    static final double DOCK_HEIGHT = 250;
    /** The dock's height when nothing is remembered and the middle has room for it beside the canvas. */
    static final double MIN_DOCK_HEIGHT = 240;

    private final SplitPane sides = new SplitPane();
    private final SplitPane centre = new SplitPane();
    private final Node palette;
    private final GraphCanvas canvas;
    private final Node inspector;
    private final ScrollPane dock;
    private final Preferences prefs;
    private final CheckMenuItem paletteShown = new CheckMenuItem("_Palette");
    private final CheckMenuItem inspectorShown = new CheckMenuItem("Block _Inspector");
    private final CheckMenuItem dockShown = new CheckMenuItem("_Training Dock");
    private final CheckMenuItem minimapShown = new CheckMenuItem("_Minimap");
    private double paletteWidth;
    private double inspectorWidth;
    private double dockHeight;
    /**
     * While a step-through is shown the palette and the dock give their room to the canvas and the step's panel: at
     * 1024 × 700 the panel over a canvas 330 px tall showed two lines of a step's text (the rest scrolled), and the
     * block it explained was pushed up under the toolbar. Nothing the user set changes: the View menu's items, the
     * sizes and what is remembered stay, and both come back as they were when stepping ends.
     */
    private boolean stepping;
    /**
     * While presenting to a room (View ▸ Presenting Mode) the palette, the block inspector and the dock are hidden —
     * the menu's items say so, and a panel can be shown again for the while — and nothing is remembered: what the
     * panels were when presenting began ({@link #before}) comes back when it ends, their sizes untouched.
     */
    private boolean presentingMode;
    /** The palette's, inspector's and dock's items as they were when presenting began. */
    private boolean[] before;
    /** Set while the layout moves the dividers itself, so the move is not remembered as the user's. */
    private boolean applying;
    private boolean sized;

    WorkbenchLayout(Region palette, GraphCanvas canvas, Region inspector, Region dock, Preferences prefs) {
        this.palette = palette;
        this.canvas = canvas;
        this.inspector = inspector;
        this.prefs = prefs;
        palette.setMinWidth(150);
        inspector.setMinWidth(190);
        canvas.setMinSize(200, 160);
        this.dock = new ScrollPane(dock);
        this.dock.setId("training-dock");
        this.dock.setFitToWidth(true);
        this.dock.setFitToHeight(true);
        this.dock.setMinHeight(90);
        paletteWidth = remembered(prefs, "paletteWidth", PALETTE_WIDTH);
        inspectorWidth = remembered(prefs, "inspectorWidth", INSPECTOR_WIDTH);
        dockHeight = remembered(prefs, "dockHeight", -1);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setId("workbench-centre");
        sides.setId("workbench-sides");
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        SplitPane.setResizableWithParent(this.dock, false);
        bind(paletteShown, "paletteShown", "Shortcut+1");
        bind(inspectorShown, "inspectorShown", "Shortcut+2");
        bind(dockShown, "dockShown", "Shortcut+3");
        bind(minimapShown, "minimapShown", "Shortcut+4");
        canvas.minimapVisibleProperty().bind(minimapShown.selectedProperty());
        rebuild();
        // Only a divider the user let go of is remembered (not the shifts of a window being resized).
        for (SplitPane pane : List.of(sides, centre)) {
            pane.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
                if (e.getTarget() instanceof Node n && n.getStyleClass().contains("split-pane-divider")
                        || e.getTarget() instanceof Node m && m.getParent() != null
                        && m.getParent().getStyleClass().contains("split-pane-divider")) {
                    Platform.runLater(this::remember);
                }
            });
        }
        sides.widthProperty().addListener((o, a, w) -> firstSize());
        centre.heightProperty().addListener((o, a, h) -> firstSize());
    }

    private void bind(CheckMenuItem item, String key, String keys) {
        item.setSelected(prefs.getBoolean(key, true));
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.selectedProperty().addListener((o, a, now) -> {
            if (!presentingMode) { // shown or hidden while presenting: for the while (see presentingMode)
                prefs.putBoolean(key, now);
            }
            // the user's choice of a panel wins (not presenting's beginning or end: a step-through goes on)
            stepping &= item == minimapShown || item == inspectorShown || switching;
            if (item != minimapShown && !switching) {
                rebuild();
            }
        });
    }

    /**
     * A remembered size in pixels, or {@code fallback} when the preference holds none a window can use: NaN (which
     * hung the window as it first opened, the split panes' layout looping on a NaN divider), an infinity, a negative
     * size or more pixels than any screen has — a preferences file edited by hand, damaged, or left by another version.
     */
    static double remembered(Preferences prefs, String key, double fallback) {
        double v = prefs.getDouble(key, fallback);
        return Double.isFinite(v) && v >= 0 && v <= 100_000 ? v : fallback;
    }

    /** Where the user's layout is remembered (under the user's home, like every DeepWire preference). */
    static Preferences userPrefs() {
        return Preferences.userRoot().node("dev/deepwire/layout");
    }

    /** The middle of the window. */
    SplitPane root() {
        return centre;
    }

    private boolean paletteOn() {
        return paletteShown.isSelected() && !stepping;
    }

    private boolean dockOn() {
        return dockShown.isSelected() && !stepping;
    }

    /** Gives the palette's and the dock's room to the canvas while a step-through is shown ({@link #stepping}). */
    void stepping(boolean on) {
        if (on != stepping) {
            stepping = on;
            rebuild();
        }
    }

    /** Presenting to a room begins or ends ({@link #presentingMode}). */
    void presentingMode(boolean on) {
        if (on == presentingMode) {
            return;
        }
        // the minimap too: in the corner of a canvas that now holds the drawing at a legible size it covered a note
        List<CheckMenuItem> panels = List.of(paletteShown, inspectorShown, dockShown, minimapShown);
        switching = true; // one rebuild for the three (one each had left the dock at its least height)
        try {
            if (on) {
                before = new boolean[] {paletteShown.isSelected(), inspectorShown.isSelected(), dockShown.isSelected(),
                        minimapShown.isSelected()};
                presentingMode = true;
                panels.forEach(p -> p.setSelected(false));
            } else {
                presentingMode = false;
                for (int i = 0; i < panels.size(); i++) {
                    panels.get(i).setSelected(before[i]);
                }
            }
        } finally {
            switching = false;
        }
        rebuild();
        // once laid out again: the block inspector, back without a width yet, had asked for the height of its text
        // wrapped at no width, and the split pane squeezed the dock to its least height for it
        var scene = centre.getScene();
        if (scene != null) {
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                applyDividers();
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        }
    }

    /** Set while presenting begins or ends: the panels' items change together, the panes are rebuilt once. */
    private boolean switching;

    /** Whether presenting to a room ({@link #presentingMode}). */
    boolean presentingMode() {
        return presentingMode;
    }

    /** The View menu's items that show or hide each panel. */
    List<MenuItem> viewItems() {
        return List.of(paletteShown, inspectorShown, dockShown, minimapShown);
    }

    BooleanProperty paletteShownProperty() {
        return paletteShown.selectedProperty();
    }

    BooleanProperty inspectorShownProperty() {
        return inspectorShown.selectedProperty();
    }

    BooleanProperty dockShownProperty() {
        return dockShown.selectedProperty();
    }

    BooleanProperty minimapShownProperty() {
        return minimapShown.selectedProperty();
    }

    /** The sizes are first applied once the window has one (fractions of nothing would be lost). */
    private void firstSize() {
        if (!sized && sides.getWidth() > 0 && centre.getHeight() > 0) {
            sized = true;
            if (dockHeight < 0) {
                // a third of the middle, but enough for the run controls and the first rows of settings where
                // the canvas keeps at least three fifths (1024 × 700: 240 px rather than 206)
                dockHeight = Math.min(DOCK_HEIGHT, Math.max(centre.getHeight() / 3,
                        Math.min(MIN_DOCK_HEIGHT, centre.getHeight() * 2 / 5)));
            }
            applyDividers();
        }
    }

    private void rebuild() {
        applying = true;
        try {
            sides.getItems().setAll(canvas);
            if (paletteOn()) {
                sides.getItems().add(0, palette);
            }
            if (inspectorShown.isSelected()) {
                sides.getItems().add(inspector);
            }
            centre.getItems().setAll(sides);
            if (dockOn()) {
                centre.getItems().add(dock);
            }
        } finally {
            applying = false;
        }
        applyDividers();
    }

    /** Puts the dividers where the remembered pixel sizes say, the canvas taking the rest. */
    private void applyDividers() {
        double w = sides.getWidth();
        double h = centre.getHeight();
        if (!sized || w <= 0 || h <= 0) {
            return;
        }
        applying = true;
        try {
            double left = paletteOn() ? Math.min(paletteWidth, w / 3) : 0;
            double right = inspectorShown.isSelected() ? Math.min(inspectorWidth, w / 3) : 0;
            var ds = sides.getDividers();
            int i = 0;
            if (paletteOn()) {
                ds.get(i++).setPosition(left / w);
            }
            if (inspectorShown.isSelected()) {
                ds.get(i).setPosition(1 - right / w);
            }
            if (dockOn()) {
                centre.getDividers().get(0).setPosition(1 - Math.min(dockHeight, h * 0.6) / h);
            }
        } finally {
            applying = false;
        }
    }

    /** A divider the user let go of: the panels' sizes in pixels are remembered. */
    private void remember() {
        if (applying || !sized || presentingMode) { // a divider moved while presenting is for the while
            return;
        }
        double w = sides.getWidth();
        double h = centre.getHeight();
        var ds = sides.getDividers();
        int i = 0;
        if (paletteOn() && ds.size() > i) {
            paletteWidth = ds.get(i++).getPosition() * w;
            prefs.putDouble("paletteWidth", paletteWidth);
        }
        if (inspectorShown.isSelected() && ds.size() > i) {
            inspectorWidth = (1 - ds.get(i).getPosition()) * w;
            prefs.putDouble("inspectorWidth", inspectorWidth);
        }
        if (dockOn() && !centre.getDividers().isEmpty()) {
            dockHeight = (1 - centre.getDividers().get(0).getPosition()) * h;
            prefs.putDouble("dockHeight", dockHeight);
        }
    }

    /** The dock's height now (0 when hidden). */
    double dockHeight() {
        return dockOn() ? dock.getHeight() : 0;
    }
}
