package dev.deepwire.ui.editor;

import dev.deepwire.compiler.AttentionMemory;
import dev.deepwire.compiler.ShapeInference;
import dev.deepwire.compiler.ShapeReport;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import dev.deepwire.model.GraphChecker;
import dev.deepwire.model.Issue;
import dev.deepwire.limits.TrainingMemory;

import dev.deepwire.ui.editor.EditorViewModel.QuickFix;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The editor's analysis of each graph revision: checks and shape inference run on a background executor, their
 * result comes back on the UI thread, and only the newest revision is kept; further checks (the data's) add
 * issues and quick fixes to the revision they were made for.
 */
final class EditorAnalysis {
    private final BlockCatalog catalog;
    private final GraphChecker checker;
    private final ShapeInference inference;
    private final Executor background;
    private final Consumer<Runnable> uiThread;
    private final ObjectProperty<GraphAnalysis> analysis = new SimpleObjectProperty<>(GraphAnalysis.EMPTY);
    private final ObservableList<QuickFix> fixes = FXCollections.observableArrayList();

    EditorAnalysis(BlockCatalog catalog, Executor background, Consumer<Runnable> uiThread) {
        this.catalog = catalog;
        this.checker = new GraphChecker(catalog);
        this.inference = new ShapeInference(catalog);
        this.background = background;
        this.uiThread = uiThread;
    }

    GraphChecker checker() {
        return checker;
    }

    ObjectProperty<GraphAnalysis> analysisProperty() {
        return analysis;
    }

    ObservableList<QuickFix> fixes() {
        return fixes;
    }

    List<QuickFix> fixesOf(String nodeId) {
        return fixes.stream().filter(f -> f.nodeId().equals(nodeId)).toList();
    }

    /**
     * Analyses a copy of revision {@code rev} in the background; an older result never replaces a newer one. An
     * attention whose scores for a batch of {@code batch} would not fit in the training JVM's memory
     * ({@link TrainingMemory}) is badged ({@link AttentionMemory}).
     */
    void schedule(long rev, Graph snapshot, int batch) {
        background.execute(() -> {
            List<Issue> issues = new ArrayList<>(checker.check(snapshot));
            ShapeReport shapes = inference.infer(snapshot);
            issues.addAll(shapes.issues());
            issues.addAll(AttentionMemory.issues(snapshot, catalog, shapes, batch, TrainingMemory.judged()));
            GraphAnalysis result = new GraphAnalysis(rev, shapes, List.copyOf(issues));
            uiThread.accept(() -> {
                if (rev >= analysis.get().revision()) {
                    fixes.clear();
                    analysis.set(result);
                }
            });
        });
    }

    /** Adds a further check's issues to revision {@code rev}'s analysis, unless the graph ({@code current}) moved on. */
    void addIssues(long rev, long current, List<Issue> more, List<QuickFix> quickFixes) {
        GraphAnalysis a = analysis.get();
        if (a.revision() != rev || rev != current) {
            return;
        }
        List<Issue> all = new ArrayList<>(a.issues());
        all.addAll(more);
        fixes.setAll(quickFixes);
        analysis.set(new GraphAnalysis(rev, a.shapes(), List.copyOf(all), true));
    }
}
