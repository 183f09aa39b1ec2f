package dev.deepwire.ui.editor;

import javafx.geometry.Bounds;
import javafx.scene.layout.Region;

/**
 * Fit view: every block and note whole and centred, at a zoom that fits (never above 1), clear of the minimap — the
 * drawing beside or above it, whichever leaves it larger; an empty graph at 100 %. With a title floor (presenting to a
 * room) never so far out that blocks' titles read under it: then the drawing shows from its start instead.
 */
final class FitView {
    /** At most this many measures: what is drawn at a zoom depends on the zoom. */
    private static final int TRIES = 6;
    private final EditorViewModel vm;
    private final Region canvas;
    private final Viewport viewport;
    private final CanvasViews views;
    private final Minimap minimap;
    private final StepOverlay step;
    private double titleFloor;

    FitView(EditorViewModel vm, Region canvas, Viewport viewport, CanvasViews views, Minimap minimap, StepOverlay step) {
        this.vm = vm;
        this.canvas = canvas;
        this.viewport = viewport;
        this.views = views;
        this.minimap = minimap;
        this.step = step;
    }

    /**
     * Sets the least title height on screen, in px (0: none); whether it changed. With one, blocks show their titles
     * alone wherever their lines close up would read under it.
     */
    boolean setTitleFloor(double px) {
        boolean changed = px != titleFloor;
        titleFloor = px;
        views.overviewBelow(px > 0 ? Math.max(BlockDetail.OVERVIEW_BELOW, px / BlockDetail.BASE) : BlockDetail.OVERVIEW_BELOW);
        return changed;
    }

    void fit() {
        if (canvas.getWidth() <= 0) {
            return;
        }
        if (vm.graph().nodes().isEmpty() && vm.graph().notes().isEmpty()) {
            viewport.reset();
            return;
        }
        if (views.isEmpty()) {
            return;
        }
        // Views made for a project just opened have no size until styled and laid out: measure them laid out. Notes
        // and titles are drawn larger zoomed out, so the drawing is measured again at the zoom chosen, until what is
        // drawn there is what was measured (measured once, at the zoom before, the lowest note's card had been cut).
        for (int tries = 0; tries < TRIES; tries++) {
            canvas.applyCss();
            canvas.layout();
            Bounds b = views.bounds().drawingBounds();
            double mw = minimap.isVisible() ? minimap.getWidth() + 10 : 0;
            double mh = minimap.isVisible() ? minimap.getHeight() + 10 : 0;
            double width = canvas.getWidth();
            double height = canvas.getHeight();
            boolean beside = Viewport.fitScale(b, width - mw, height) >= Viewport.fitScale(b, width, height - mh);
            double before = viewport.zoom();
            viewport.fit(b, beside ? width - mw : width, beside ? height : height - mh,
                    s -> titleFloor > 0 ? BlockDetail.legibleZoom(views.shownTitles(), s, titleFloor, views.overviewBelow()) : s);
            if (tries > 0 && Math.abs(viewport.zoom() - before) < 1e-9) {
                break;
            }
        }
        if (step.active()) {
            step.placePanel(); // the block explained back above the step's panel (a fit had centred it under it)
        }
    }
}
