package dev.deepwire.ui;

import dev.deepwire.model.Issue;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.GraphAnalysis;
import dev.deepwire.ui.editor.Words;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The status bar's summary of the graph: "3 blocks · 2 wires · 1,234 parameters · no problems", or the problems with
 * the first one said in words (its block named by label) and all of them on the tooltip. "No problems" is only shown
 * once the data has been checked against the graph too, so it means Train will start.
 */
final class StatusSummary {
    private StatusSummary() {
    }

    /**
     * Sets {@code full} to the summary, {@code brief} to its short form ({@link #brief}) — the status bar shows the
     * one that fits ({@link StatusWidth}) — and {@code summary}'s tooltip to every problem, or to the whole summary.
     */
    static void show(Label summary, StringProperty full, StringProperty brief, EditorViewModel vm) {
        summary.setId("status-summary");
        GraphAnalysis a = vm.analysisProperty().get();
        full.set(text(vm, a));
        brief.set(brief(vm, a));
        List<Issue> issues = vm.analysisIsOfThisProject() ? a.issues() : List.of();
        if (issues.isEmpty()) {
            Tooltip tip = new Tooltip(full.get()); // read whole when the bar shows the short form
            summary.setTooltip(tip);
        } else {
            StringBuilder all = new StringBuilder();
            for (Issue i : issues) {
                all.append(i.isError() ? "Error: " : "Warning: ").append(where(vm, i)).append(Words.named(i.message(), vm.graph()))
                        .append('\n');
            }
            Tooltip tip = new Tooltip(all.toString().strip());
            tip.setWrapText(true);
            tip.setMaxWidth(640);
            summary.setTooltip(tip);
        }
    }

    static String text(EditorViewModel vm, GraphAnalysis a) {
        if (!vm.analysisIsOfThisProject()) {
            // The previous project's analysis (its parameters, its "no problems") until this one's arrives.
            return Words.count(vm.graph().nodes().size(), "block") + " · " + Words.count(vm.graph().edges().size(), "wire")
                    + " · checking…";
        }
        long errors = a.issues().stream().filter(Issue::isError).count();
        long warnings = a.issues().size() - errors;
        String sizes = Words.count(vm.graph().nodes().size(), "block") + " · " + Words.count(vm.graph().edges().size(), "wire")
                + " · " + Words.count(a.shapes().totalParams(), "parameter");
        if (errors == 0 && warnings == 0) {
            return sizes + " · " + (a.complete() ? "no problems" : "checking…");
        }
        Issue first = a.issues().stream().filter(Issue::isError).findFirst().orElse(a.issues().get(0));
        String counts = errors > 0 && warnings > 0 ? Words.count(errors, "error") + ", " + Words.count(warnings, "warning")
                : errors > 0 ? Words.count(errors, "error") : Words.count(warnings, "warning");
        return sizes + " · " + counts + ": " + where(vm, first) + Words.named(first.message(), vm.graph());
    }

    /**
     * The summary as short as it still says whether Train will start: "11 blocks · no problems", "11 blocks · 2
     * errors". The bar shows it when a message beside it needs the room: after a run at 1024 × 700 the counts had
     * given way to "11 b…" beside the run's last line.
     */
    static String brief(EditorViewModel vm, GraphAnalysis a) {
        String blocks = Words.count(vm.graph().nodes().size(), "block");
        if (!vm.analysisIsOfThisProject()) {
            return blocks + " · checking…";
        }
        long errors = a.issues().stream().filter(Issue::isError).count();
        long warnings = a.issues().size() - errors;
        if (errors == 0 && warnings == 0) {
            return blocks + " · " + (a.complete() ? "no problems" : "checking…");
        }
        return blocks + " · " + (errors > 0 && warnings > 0 ? Words.count(errors, "error") + ", " + Words.count(warnings, "warning")
                : errors > 0 ? Words.count(errors, "error") : Words.count(warnings, "warning"));
    }

    private static String where(EditorViewModel vm, Issue i) {
        return i.nodeId() == null ? "" : vm.graph().node(i.nodeId()).map(n -> dev.deepwire.limits.ShownName.of(n.label()) + ": ").orElse("");
    }
}
