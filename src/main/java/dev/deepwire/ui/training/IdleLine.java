package dev.deepwire.ui.training;

import dev.deepwire.model.Issue;
import dev.deepwire.training.RunState;
import dev.deepwire.ui.editor.EditorViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The idle dock's status line, which says what Train would do now and follows the canvas: where to begin on an empty
 * one, "Ready to train" or "Not ready to train … N problems to fix first" as the graph's check finds or mends problems,
 * and, after a Train refused before its first step (a graph that does not compile), what Train would do once the
 * graph or data is edited — it had kept "The graph does not compile" after Undo had mended the graph, and "Not started:
 * the dataset cannot be read" after Dataset Settings had mended the data; and while a
 * training setting typed in the dock cannot be used, that it comes first.
 */
final class IdleLine {
    private final EditorViewModel editor;
    private final ObjectProperty<RunState> phase;
    private final StringProperty status;
    /** Whether the last Train was refused before a step (the graph did not compile, the data did not load). */
    private boolean refusedBeforeStart;
    /** Whether the line says why the last Train was refused before it compiled ("Not started: …"; still idle). */
    private boolean screenedOut;
    /** Whether a training setting typed in the dock cannot be used (Train would do nothing but point at it). */
    private boolean settingRefused;

    IdleLine(EditorViewModel editor, ObjectProperty<RunState> phase, StringProperty status) {
        this.editor = editor;
        this.phase = phase;
        this.status = status;
        status.set(ready());
        editor.revisionProperty().addListener((o, was, now) -> {
            if (refusedBeforeStart && phase.get() == RunState.FAILED) {
                refusedBeforeStart = false;
                phase.set(RunState.IDLE);
                status.set(ready());
            } else if (screenedOut && phase.get() == RunState.IDLE) {
                screenedOut = false; // an edit (the data mended, the graph changed): the refusal may no longer hold
                status.set(ready());
            }
            follow();
        });
        editor.analysisProperty().addListener((o, was, now) -> follow());
    }

    /** A Train was refused before its first step. */
    void refused() {
        refusedBeforeStart = true;
    }

    /**
     * The line says why Train did not start before compiling (the data cannot be read or does not fit): it stands
     * until the next edit, then says what Train would do — it had kept "Not started: the dataset cannot be read"
     * after Dataset Settings had mended the data.
     */
    void screenedOut() {
        screenedOut = true;
    }

    /** Whether a training setting typed in the dock cannot be used; the line says so while it cannot. */
    void settingRefused(boolean refused) {
        if (refused != settingRefused) {
            settingRefused = refused;
            refresh();
        }
    }

    /** A Train begins. */
    void starting() {
        refusedBeforeStart = false;
        screenedOut = false;
    }

    /** The line for the graph as it is now (its check of this revision counted once it has come). */
    String ready() {
        var analysis = editor.analysisProperty().get();
        int errors = analysis == null || analysis.revision() != editor.revisionProperty().get() ? 0
                : (int) analysis.issues().stream().filter(Issue::isError).count();
        return RunMessages.ready(editor.graph().nodes().isEmpty(), editor.project().name(), errors, settingRefused);
    }

    private void follow() {
        var analysis = editor.analysisProperty().get();
        boolean checked = analysis != null && analysis.revision() == editor.revisionProperty().get();
        if (!checked && !editor.graph().nodes().isEmpty()) {
            return; // the graph's check of this revision comes next: the line follows it then
        }
        refresh();
    }

    /** The idle line says what Train would do now (a run's own lines are left as they are). */
    private void refresh() {
        if (phase.get() == RunState.IDLE && RunMessages.isReady(status.get())) {
            status.set(ready());
        }
    }
}
