package dev.deepwire.ui.editor;

import dev.deepwire.ui.controls.TextWidth;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * How much of a block the canvas shows at a zoom. Close up (zoom {@value #OVERVIEW_BELOW} and more) every line: title,
 * kind, output shape, parameters. Further out those lines are a few pixels high — at Fit view on a projector the
 * title was about 7 px, unreadable from the back of a room — so the block shows its title alone, as large as the block
 * holds it up to what {@value #READABLE} px on screen needs (in one or two lines, broken between words); the rest is in the tooltip.
 * Groups' names and notes' text grow the same way ({@link #groupTitleSize}, {@link #noteTextSize}).
 */
final class BlockDetail {
    /** Below this zoom a block shows its title alone. */
    static final double OVERVIEW_BELOW = 0.65;
    /** The title's size on screen, in pixels, that the overview aims for (the window's own text size). */
    static final double READABLE = 13;
    /** The title's size at zoom 1 (the window's text size, workbench.css). */
    static final double BASE = 13;
    /** The room a title has in a block, in canvas units: its width less the padding, its height less the margins. */
    private static final double ROOM_WIDTH = 0.9 * (NodeView.WIDTH - 24); // a margin for the font's own rounding
    private static final double ROOM_HEIGHT = 74;
    private static final double LINE = 1.3;

    private BlockDetail() {
    }

    /** The {@link #level} of every zoom from {@link #OVERVIEW_BELOW} up: every line of a block shown. */
    static final int DETAIL = Integer.MAX_VALUE;

    /** A zoom rounded to steps of about 10 %, so the titles are laid out again only when the step changes. */
    static int level(double zoom) {
        return level(zoom, OVERVIEW_BELOW);
    }

    /** As {@link #level(double)}, with the overview below {@code overviewBelow} (presenting: where close-up text is small). */
    static int level(double zoom, double overviewBelow) {
        return zoom >= overviewBelow ? DETAIL : (int) Math.round(Math.log(zoom) / Math.log(1.1));
    }

    /** The zoom a {@link #level} stands for. */
    static double zoomOf(int level) {
        return Math.pow(1.1, level);
    }

    /** The band above an expanded group's frame that holds its name, in canvas units (GroupView.place). */
    private static final double GROUP_BAND = 20;

    /**
     * An expanded group's name at a zoom level: zoomed out, as large as reads as {@link #READABLE} px on screen up to
     * what the band above its frame holds (it stayed 13 canvas units, about 5 px at Fit view, beside the titles).
     */
    static double groupTitleSize(int level) {
        return level == DETAIL ? BASE : Math.max(BASE, Math.floor(Math.min(READABLE / zoomOf(level), GROUP_BAND)));
    }

    /** A note's text size at zoom 1 (workbench.css .note-text). */
    static final double NOTE_BASE = 12;
    /** The width a note's text wraps to, in canvas units (the card less its padding). */
    static final double NOTE_TEXT_WIDTH = NoteView.WIDTH - 20;
    /** The largest a note's text grows, in canvas units: about ten characters to a line of its card. */
    private static final double NOTE_MOST = Math.floor(NOTE_TEXT_WIDTH / (10 * 0.55));

    /**
     * A note's text at a zoom level: zoomed out, as large as reads as {@link #READABLE} px on screen (it stayed 12
     * canvas units, about 5 px at Fit view, beside the titles), up to about ten characters a line; the card keeps the
     * room it has at zoom 1 ({@link #noteTextHeight}), so what no longer fits is cut with "…" and whole on hover.
     */
    static double noteTextSize(int level) {
        return level == DETAIL ? NOTE_BASE : Math.max(NOTE_BASE, Math.floor(Math.min(READABLE / zoomOf(level), NOTE_MOST)));
    }

    /**
     * A note's text size zoomed out when its card may grow to {@code room} canvas units of text height (the free space
     * below it, {@link CanvasViews}): {@link #noteTextSize} when the whole text fits there at that size (a note had
     * shown "2. After …" at Fit view), else the largest size, down to the note's zoom-1 size, at which it does — a note
     * is always shown whole (cut with "…" at three quarters of the readable size, the lowest note of a lesson had lost
     * its tail at Fit view).
     */
    static double noteTextSizeIn(String text, int level, double room) {
        double wanted = noteTextSize(level);
        for (double s = wanted; s > NOTE_BASE; s--) {
            if (textHeight(text, s) * SLACK <= room) {
                return s;
            }
        }
        return NOTE_BASE;
    }

    /** What the measure leaves out (the label breaks lines a little earlier than the measured text). */
    static final double SLACK = 1.12;

    /** The height {@code text} takes wrapped in a note's card at font size {@code size}, in canvas units. */
    static double textHeight(String text, double size) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(Font.font("DejaVu Sans", size));
        t.setWrappingWidth(NOTE_TEXT_WIDTH);
        return t.getLayoutBounds().getHeight();
    }

    /**
     * The height a note's text takes at zoom 1 (its card's room for text zoomed out, so a note grows into nothing
     * beside it), and never less than one line at {@code size}.
     */
    static double noteTextHeight(String text, double size) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(Font.font("DejaVu Sans", NOTE_BASE));
        t.setWrappingWidth(NOTE_TEXT_WIDTH);
        return Math.max(t.getLayoutBounds().getHeight(), Math.ceil(size * LINE));
    }

    /** The widths, at {@link #BASE}, of a title's whole text and of its longest word. */
    record Measure(double whole, double longestWord) {
        static Measure of(String title) {
            Font font = Font.font("DejaVu Sans", FontWeight.BOLD, BASE);
            double longest = 0;
            // lines break between words only, not after a hyphen: a word too long for a line is cut ("Self-attentio" / "n")
            for (String word : title.split("\\s+")) {
                longest = Math.max(longest, TextWidth.of(word, font));
            }
            return new Measure(TextWidth.of(title, font), longest);
        }
    }

    /**
     * The title's font size in canvas units at {@code zoom} for an overview: what reads as {@link #READABLE} px on
     * screen, or less where the block cannot hold it (one line, or two lines broken between words), never less than
     * {@link #BASE}.
     */
    static double titleSize(Measure m, double zoom) {
        return titleSize(m, zoom, ROOM_HEIGHT);
    }

    /**
     * A collapsed group's name in its box ({@code roomHeight} canvas units for text) when zoomed out: two lines of what
     * reads as {@link #READABLE} px, its longest word whole; a longer name is cut with "…" (whole on hover). Sized to
     * fit whole, a name such as "The first residual stage with its layer norm" stayed {@link #BASE}: 5 px at Fit view.
     */
    static double cutTitleSize(Measure m, double zoom, double roomHeight) {
        double fits = Math.min(ROOM_WIDTH * BASE / Math.max(1, m.longestWord()), roomHeight / (2 * LINE));
        return Math.max(BASE, Math.floor(Math.min(READABLE / zoom, fits)));
    }

    /** The least share of the readable size that {@link #sharedTitleSize} gives every title. */
    private static final double SHARED_LEAST = 0.6;

    /**
     * The one title size for every block on the canvas at {@code zoom} zoomed out: the largest at which each title fits
     * its block ({@link #titleSize}), up to what reads as {@link #READABLE} px, but never under {@value #SHARED_LEAST} of
     * that, so that one long title does not make every other small (it is cut with "…" instead, whole on hover). Sized
     * block by block, "Tokens" had stood at twice the size of "Self-attention" beside it at Fit view.
     */
    static double sharedTitleSize(java.util.Collection<Measure> titles, double zoom) {
        double most = Math.max(BASE, Math.floor(Math.min(READABLE / zoom, ROOM_HEIGHT / (NodeView.TITLE_LINES * LINE))));
        double least = Math.max(BASE, Math.floor(SHARED_LEAST * most));
        double size = most;
        for (Measure m : titles) {
            size = Math.min(size, titleSize(m, zoom));
        }
        return Math.max(least, size);
    }

    private static double titleSize(Measure m, double zoom, double roomHeight) {
        double wanted = READABLE / zoom;
        double oneLine = Math.min(ROOM_WIDTH * BASE / Math.max(1, m.whole()), roomHeight / LINE);
        double twoLines = Math.min(Math.min(2 * 0.85 * ROOM_WIDTH * BASE / Math.max(1, m.whole()),
                ROOM_WIDTH * BASE / Math.max(1, m.longestWord())), roomHeight / (2 * LINE));
        double fits = Math.max(oneLine, twoLines);
        return Math.max(BASE, Math.floor(Math.min(wanted, fits)));
    }

    /**
     * The zoom nearest {@code fit} (the zoom that shows the whole drawing) at which every one of {@code titles} reads
     * at least {@code floor} px on screen: the largest such zoom not above {@code fit} where there is one down to
     * {@link #LEGIBLE_LEAST} (the whole drawing still shows), else the least above it (the drawing is then larger than
     * the view). Close up (at {@code overviewBelow} and more) a title is {@link #BASE} canvas units.
     */
    static double legibleZoom(java.util.Collection<Measure> titles, double fit, double floor, double overviewBelow) {
        for (double z = fit; z >= LEGIBLE_LEAST; z /= 1.02) {
            if (titlePixels(titles, z, overviewBelow) >= floor) {
                return z;
            }
        }
        double z = fit;
        while (titlePixels(titles, z, overviewBelow) < floor && z < 1) {
            z = Math.min(1, z * 1.02);
        }
        return Math.max(fit, z);
    }

    /** The least zoom {@link #legibleZoom} goes down to (below it titles only get smaller on screen). */
    static final double LEGIBLE_LEAST = 0.4;

    /**
     * How tall every one of {@code titles} is on screen, in px, at {@code zoom}, as the canvas sizes them with its
     * overview below {@code overviewBelow}.
     */
    static double titlePixels(java.util.Collection<Measure> titles, double zoom, double overviewBelow) {
        int level = level(zoom, overviewBelow);
        return (level == DETAIL ? BASE : sharedTitleSize(titles, zoomOf(level))) * zoom;
    }
}
