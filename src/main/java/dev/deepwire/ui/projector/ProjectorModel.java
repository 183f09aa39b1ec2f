package dev.deepwire.ui.projector;

import dev.deepwire.inspect.LearnedTable;
import dev.deepwire.inspect.NearestRows;
import dev.deepwire.inspect.Projection;
import dev.deepwire.inspect.RowColumn;
import dev.deepwire.inspect.ScatterLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The projector's state without JavaFX: which table, which capture of it (the step slider, or the newest while
 * following a run), the method, the colour column, the search, the hovered and the selected row, and the points
 * laid out on the canvas. The window draws what this says and forwards the user's actions to it.
 */
final class ProjectorModel {
    /** Hovering finds a point within this many pixels. */
    static final double HIT = 7;
    static final int NEIGHBOURS = 10;

    private List<LearnedTable> history = List.of();
    private int index = -1;
    private Projection.Method method = Projection.Method.PCA;
    private String colourBy;
    private java.util.function.UnaryOperator<String> names = java.util.function.UnaryOperator.identity();
    private LearnedTable projected;
    private Projection projection;
    private double[][] screen = new double[0][];
    private double width;
    private double height;
    private int hovered = -1;
    private int selected = -1;
    private List<Integer> matches = List.of();
    /** The labels of the table the last search ran on (null: none shown then). */
    private List<String> searchedLabels;

    /** The captures of the chosen table, oldest first; the slider keeps following the newest if it did. */
    void setHistory(List<LearnedTable> captures) {
        boolean follow = following();
        history = List.copyOf(captures);
        if (follow || index >= history.size()) {
            index = history.size() - 1;
        }
        if (colourBy == null || history.isEmpty() || shown().column(colourBy).isEmpty()) {
            colourBy = history.isEmpty() || shown().columns().isEmpty() ? null : shown().columns().get(0).name();
        }
    }

    /** Whether the newest capture is shown (new captures move the slider along). */
    boolean following() {
        return index < 0 || index == history.size() - 1;
    }

    /** Shows capture {@code i} of the history (the step slider). */
    void showCapture(int i) {
        index = Math.max(0, Math.min(history.size() - 1, i));
    }

    int captureIndex() {
        return index;
    }

    int captureCount() {
        return history.size();
    }

    /** The capture to show (null when there is none). */
    LearnedTable shown() {
        return history.isEmpty() ? null : history.get(Math.max(0, index));
    }

    void setMethod(Projection.Method m) {
        method = m;
    }

    Projection.Method method() {
        return method;
    }

    /** Whether the shown capture still needs projecting (a new capture, another method). */
    boolean stale() {
        return shown() != null && (projected != shown() || projection == null || !projection.method().equals(method.word()));
    }

    /** A projection computed for a capture (it is kept only if it is still the one shown). */
    void setProjection(LearnedTable table, Projection p) {
        if (table == shown() && p.method().equals(method.word())) {
            projected = table;
            projection = p;
            relayout();
        }
    }

    Projection projection() {
        return projection;
    }

    /** The canvas size: the points are fitted into it. */
    void layout(double w, double h) {
        width = w;
        height = h;
        relayout();
    }

    double layoutWidth() {
        return width;
    }

    double layoutHeight() {
        return height;
    }

    private void relayout() {
        screen = projection == null || width <= 0 ? new double[0][] : ScatterLayout.fit(projection.xy(), 0, 0, width, height);
    }

    /** Where each drawn point is on the canvas, in the order of {@link Projection#rows()}. */
    double[][] screen() {
        return screen;
    }

    /** The table row at a canvas position, or -1. */
    int rowAt(double x, double y) {
        int i = ScatterLayout.nearest(screen, x, y, HIT);
        return i < 0 ? -1 : projection.rows()[i];
    }

    /** The canvas position of a table row, or null when it is not drawn. */
    double[] positionOf(int row) {
        if (projection == null) {
            return null;
        }
        int[] rows = projection.rows();
        for (int i = 0; i < rows.length && i < screen.length; i++) {
            if (rows[i] == row) {
                return screen[i];
            }
        }
        return null;
    }

    void hover(int row) {
        hovered = row;
    }

    int hovered() {
        return hovered;
    }

    /** The label of a row and its columns, for the hover text. */
    String describe(int row) {
        LearnedTable t = shown();
        if (t == null || row < 0 || row >= t.size()) {
            return "";
        }
        StringBuilder b = new StringBuilder(t.labels().get(row));
        for (RowColumn c : t.columns()) {
            String v = c.text(row);
            if (!v.isEmpty() && !v.equals(t.labels().get(row))) {
                b.append(" · ").append(c.name()).append(' ').append(v);
            }
        }
        return b.toString();
    }

    void select(int row) {
        selected = row;
    }

    int selected() {
        return selected;
    }

    /** The selected row's nearest rows by cosine in the shown capture (empty without a selection). */
    List<NearestRows.Neighbour> neighbours() {
        LearnedTable t = projected;
        if (t == null || selected < 0 || selected >= t.size()) {
            return List.of();
        }
        return NearestRows.of(t.rows(), t.labels(), selected, NEIGHBOURS);
    }

    /**
     * The rows whose label contains {@code text} (ignoring case), exact matches first; the first is selected. An
     * empty text clears the search.
     */
    List<Integer> search(String text) {
        LearnedTable t = shown();
        List<Integer> exact = new ArrayList<>();
        List<Integer> partial = new ArrayList<>();
        String q = searchable(text);
        if (t != null && !q.isEmpty()) {
            for (int i = 0; i < t.size(); i++) {
                String label = searchable(t.labels().get(i));
                if (label.equals(q)) {
                    exact.add(i);
                } else if (label.contains(q)) {
                    partial.add(i);
                }
            }
        }
        exact.addAll(partial);
        matches = List.copyOf(exact);
        searchedLabels = t == null ? null : t.labels();
        if (!matches.isEmpty()) {
            selected = matches.get(0);
        } else if (!q.isEmpty()) {
            // nothing found: no row stays chosen by an earlier, shorter text ("t" of "the letter e"), whose neighbours
            // were listed under "no label contains …"
            selected = -1;
        }
        return matches;
    }

    /**
     * What the search line says when nothing matches {@code text}: that no label has it, and what to type instead — a
     * sentence's words that are labels, else the label a mistyped word most likely meant, else a few of the labels
     * (a whole sentence typed had said only "no label contains …", leaving the user to guess what labels look like).
     */
    String notFound(String text) {
        String typed = text.strip();
        // a long sentence is not said back whole: the advice after it is what the line is for (it was cut at 1024 px)
        String said = "no label contains \u201c" + (typed.length() > 24 ? typed.substring(0, 23).strip() + "\u2026" : typed)
                + "\u201d";
        LearnedTable t = shown();
        if (t == null || t.labels().isEmpty()) {
            return said;
        }
        List<String> words = List.of(searchable(text).split(" "));
        java.util.Map<String, String> bySearch = new java.util.LinkedHashMap<>();
        for (String l : t.labels()) {
            bySearch.putIfAbsent(searchable(l), l);
        }
        List<String> inIt = words.stream().filter(bySearch::containsKey).distinct().limit(3).map(bySearch::get).toList();
        if (words.size() > 1 && !inIt.isEmpty()) {
            return said + "; labels are searched one at a time: try " + quoted(inIt);
        }
        if (words.size() == 1) {
            var close = dev.deepwire.model.SimilarNames.closest(words.get(0), bySearch.keySet());
            if (close.isPresent()) {
                return said + "; did you mean \u201c" + bySearch.get(close.get()) + "\u201d?";
            }
        }
        boolean single = bySearch.keySet().stream().noneMatch(l -> l.contains(" "));
        List<String> some = bySearch.values().stream().filter(l -> !l.isBlank()).limit(3).toList();
        return said + "; labels here are " + (single ? "single words" : "names") + " like " + quoted(some)
                + ": type one, or part of one";
    }

    private static String quoted(List<String> labels) {
        return String.join(", ", labels.stream().map(l -> "\u201c" + l + "\u201d").toList());
    }

    /** A label or a search as compared: case, underscores (WordNet's domestic_dog) and runs of spaces ignored. */
    private static String searchable(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ").strip();
    }

    /**
     * Whether the last search ran on other rows than the shown table's (another table was chosen, or the first capture
     * came): its matches and the row it selected are not this table's.
     */
    boolean searchStale() {
        LearnedTable t = shown();
        return !java.util.Objects.equals(t == null ? null : t.labels(), searchedLabels);
    }

    List<Integer> matches() {
        return matches;
    }

    void setColourBy(String column) {
        colourBy = column;
    }

    String colourBy() {
        return colourBy;
    }

    /** The colour column in use (null: one colour for all). */
    RowColumn colourColumn() {
        LearnedTable t = shown();
        return t == null || colourBy == null ? null : t.column(colourBy).orElse(null);
    }

    /** What the status line says: the table, the step and the projection. */
    /** How tables are called in the note (the block's name on the canvas; its id until told). */
    void setNames(java.util.function.UnaryOperator<String> names) {
        this.names = names;
    }

    String note() {
        LearnedTable t = shown();
        if (t == null) {
            return "No embedding table yet: train a network with an embedding block (the tables are captured while it "
                    + "trains), or inspect a saved model";
        }
        String step = t.step() >= 0 ? String.format(Locale.ROOT, " · step %,d", t.step()) : "";
        String proj = projection == null || projected != t ? "projecting…" : projection.note();
        return String.format(Locale.ROOT, "%s · %s · %d × %d%s · %s", names.apply(t.nodeId()), t.kind(), t.size(), t.dimensions(), step, proj);
    }
}
