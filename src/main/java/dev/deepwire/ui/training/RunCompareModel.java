package dev.deepwire.ui.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the Runs… comparison reads, read off the UI thread: each run's figures for the table (every run's run.json and
 * metrics.csv) and the selected runs' curves. A run's metrics.csv may be up to 32 MB (its limit): read on the JavaFX
 * thread, Compare held the window while it read. Results come back on the UI thread; a later selection's curves
 * replace an earlier one's, which are dropped when they arrive after them (as the editor's analyses of a revision).
 */
final class RunCompareModel {
    /** The curves of the selected runs that could be read, and why the others could not, one line each. */
    record Curves(List<RunComparison.Row> runs, List<MetricsHistory> histories, List<String> unreadable,
                  List<String> problems) {
        static final Curves NONE = new Curves(List.of(), List.of(), List.of(), List.of());
    }

    private final Executor background;
    private final Consumer<Runnable> uiThread;
    /** The table's rows; null while they are read. */
    private final ObjectProperty<List<RunComparison.Row>> rows = new SimpleObjectProperty<>();
    /** The selected runs' curves; null while they are read. */
    private final ObjectProperty<Curves> curves = new SimpleObjectProperty<>(Curves.NONE);
    private long asked;

    /**
     * @param background where the files are read ({@code Runnable::run} in tests)
     * @param uiThread   how results get back to the UI thread
     */
    RunCompareModel(Executor background, Consumer<Runnable> uiThread) {
        this.background = background;
        this.uiThread = uiThread;
    }

    ReadOnlyObjectProperty<List<RunComparison.Row>> rowsProperty() {
        return rows;
    }

    ReadOnlyObjectProperty<Curves> curvesProperty() {
        return curves;
    }

    /** Reads the figures of {@code runs} in the background ({@link RunComparison#rows}). */
    void read(List<RunHistory.Run> runs) {
        rows.set(null);
        List<RunHistory.Run> copy = List.copyOf(runs);
        background.execute(() -> {
            List<RunComparison.Row> read = RunComparison.rows(copy);
            uiThread.accept(() -> rows.set(List.copyOf(read)));
        });
    }

    /** Reads the curves of {@code selected} in the background; what an earlier call reads is dropped. */
    void curvesOf(List<RunComparison.Row> selected) {
        long mine = ++asked;
        List<RunComparison.Row> copy = selected.stream().filter(java.util.Objects::nonNull).toList();
        if (copy.isEmpty()) {
            curves.set(Curves.NONE);
            return;
        }
        curves.set(null);
        background.execute(() -> {
            Curves read = readCurves(copy);
            uiThread.accept(() -> {
                if (mine == asked) {
                    curves.set(read);
                }
            });
        });
    }

    /**
     * Reads one run's curves in the background (Runs… ▸ Compare, over the dock's charts: it had read them on the JavaFX
     * thread); {@code then} takes them, or {@code problem} why they cannot be read, on the UI thread.
     */
    void curvesOf(RunHistory.Run run, Consumer<MetricsHistory> then, Consumer<String> problem) {
        background.execute(() -> {
            try {
                MetricsHistory read = RunHistory.curves(run);
                uiThread.accept(() -> then.accept(read));
            } catch (IOException | RuntimeException e) {
                uiThread.accept(() -> problem.accept(noCurves(run, e) ? RunHistory.noCurves(run)
                        : "Cannot read " + run.dir() + ": " + e.getMessage()));
            }
        });
    }

    private static Curves readCurves(List<RunComparison.Row> selected) {
        List<RunComparison.Row> runs = new ArrayList<>();
        List<MetricsHistory> histories = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RunComparison.Row r : selected) {
            try {
                histories.add(RunHistory.curves(r.run()));
                runs.add(r);
            } catch (IOException | RuntimeException e) {
                if (noCurves(r.run(), e)) {
                    continue; // kept from a trained model (slimmed, heads removed): its figures are in the table
                }
                String why = String.valueOf(e.getMessage()).replace(r.run().dir().resolve("metrics.csv").toString(),
                        "metrics.csv"); // the run is named already: its path left the reason cut off at 1024 × 700
                unreadable.add("Cannot read the curves of " + r.name() + ": " + why);
                problems.add("Cannot read " + r.run().dir() + ": " + e.getMessage());
            }
        }
        return new Curves(List.copyOf(runs), List.copyOf(histories), List.copyOf(unreadable), List.copyOf(problems));
    }

    /**
     * Whether the run never had curves: no metrics.csv in its folder, as a model kept from another (slimmed in the pruning
     * lab, heads removed in the attention inspector) has none — Compare had said "Cannot read <folder>: <folder>/metrics.csv".
     */
    private static boolean noCurves(RunHistory.Run run, Exception e) {
        return e instanceof java.nio.file.NoSuchFileException && !RunHistory.hasCurves(run);
    }
}
