package dev.deepwire.ui.eval;

import java.util.Map;
import java.util.WeakHashMap;
import javafx.stage.Window;

/**
 * What a person set in the pruning lab of one workbench window — the sparsities typed, the fine-tune epochs, whether
 * heads are removed, and whether the lab's tab was on show — kept while that window is open. The lab is built anew
 * whenever its window opens again, a run ends or another run is evaluated: its fields went back to their defaults
 * each time ("0.3, 0.6" typed, the window closed and opened again: "0.1, 0.25, 0.5, 0.75, 0.9").
 */
final class PruningChoices {
    static final String DEFAULT_SPARSITIES = "0.1, 0.25, 0.5, 0.75, 0.9";
    private static final Map<Window, PruningChoices> BY_OWNER = new WeakHashMap<>();

    String sparsities = DEFAULT_SPARSITIES;
    int epochs;
    /** Whether heads are removed, or null while nobody has said (a model with heads then removes them). */
    Boolean heads;
    /** Whether the pruning lab's tab was the one on show. */
    boolean labShown;

    /** The choices of the workbench window {@code owner} (fresh ones for a window with no owner). */
    static PruningChoices of(Window owner) {
        return owner == null ? new PruningChoices() : BY_OWNER.computeIfAbsent(owner, w -> new PruningChoices());
    }
}
