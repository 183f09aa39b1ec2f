package dev.deepwire.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepwire.limits.MessageText;
import dev.deepwire.limits.VisibleText;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a kept run's run.json as Runs…, Compare, the dock and a sweep read them, treated as metrics.csv's
 * are: one no run records (an accuracy or an MRR outside 0–1, a negative or fractional step count, a loss below 0) is
 * unknown, and {@link #doubts} says why, for the run's tooltip. A hand-edited {@code "validationAccuracy": 7.5} had
 * been listed as "accuracy 750.0 %" (1e300 as a number of 300 digits), and {@code "steps": -40} as "-40 steps"; a
 * sweep ranked first a run whose worker wrote a selection figure of 7.5 as its accuracy. The one reader of them.
 */
public final class RecordFigures {
    /** The ranking figures a run.json's evaluation may hold per split, each a fraction. */
    private static final List<String> RANKING = List.of("mrr", "hits1", "hits3", "hits10");
    private static final String EDITED = " (the file was edited by hand or is damaged)";

    private RecordFigures() {
    }

    /** The run's validation accuracy, NaN where it records none or one that is not a fraction from 0 to 1. */
    public static double validationAccuracy(JsonNode record) {
        return fraction(record.path("validationAccuracy"));
    }

    /**
     * The run's step count: 0 where it records none, -1 (unknown) where it records one that is not a count, and for a
     * model kept from a trained run ({@link RunRecord#writeKept}) whose source's steps could not be read — or one an
     * earlier DeepWire recorded as 0 steps (a slimmed copy): it was never a run of 0 steps.
     */
    public static long steps(JsonNode record) {
        JsonNode v = record.path("steps");
        if (v.isMissingNode() || v.isNull()) {
            return record.path(RunRecord.KEPT_FROM).isObject() ? -1 : 0;
        }
        if (legacyKeptZero(record)) {
            return -1;
        }
        return v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0 ? v.asLong() : -1;
    }

    /** A ranking figure of {@code split} ({@code mrr}, {@code hits10}, …), NaN where none or not a fraction. */
    public static double ranking(JsonNode record, String split, String figure) {
        return fraction(record.path("evaluation").path(split).path(figure));
    }

    /**
     * A sweep run's selection figure ({@code metrics.selectionValue}, of the kind {@code metrics.selection} names): NaN
     * where none, where its kind is not one a sweep ranks on, or where it is one no run measures (an accuracy or MRR
     * outside 0–1, a loss below 0).
     */
    public static double selectionValue(JsonNode record) {
        JsonNode metrics = record.path("metrics");
        JsonNode v = metrics.path("selectionValue");
        String kind = metrics.path("selection").asText("");
        boolean loss = kind.equals("validation loss");
        if (!loss && !kind.equals("validation accuracy") && !kind.equals("validation filtered MRR") || !v.isNumber()) {
            return Double.NaN; // none, or not a kind a sweep ranks on
        }
        return isSelectionFigure(v.asDouble(), !loss) ? v.asDouble() : Double.NaN;
    }

    /**
     * Whether {@code v} is a selection figure some run could measure: a fraction from 0 to 1 where higher is better
     * (accuracy, MRR), a loss from 0 up otherwise. The one rule for a run's record and a sweep's own list (sweep.json).
     */
    public static boolean isSelectionFigure(double v, boolean higherIsBetter) {
        return Double.isFinite(v) && v >= 0 && (!higherIsBetter || v <= 1);
    }

    /** Why figures of the record are unknown: one sentence each, naming the field and its value; empty when none. */
    public static List<String> doubts(JsonNode record) {
        List<String> doubts = new ArrayList<>();
        fractionDoubt(doubts, "validationAccuracy", record.path("validationAccuracy"));
        JsonNode kept = record.path(RunRecord.KEPT_FROM);
        if (legacyKeptZero(record) && !record.path("slimmedFrom").isObject()) {
            doubts.add("steps unknown: this model was saved with " + shown(record.path("outcome").asText(""))
                    + " by an earlier DeepWire, which recorded 0 steps for it, not the steps of the run it was kept "
                    + "from (nor which run that was)");
        } else if (legacyKeptZero(record)) {
            doubts.add("steps unknown: this model was kept from the run " + shown(record.path("slimmedFrom").path("run")
                    .asText("")) + ", and an earlier DeepWire recorded 0 steps for it, not the steps it was trained for");
        } else if (steps(record) < 0 && kept.isObject() && !record.hasNonNull("steps")) {
            doubts.add("steps unknown: this model was kept from the run " + shown(kept.path("run").asText(""))
                    + ", whose steps could not be read (" + shown(kept.path("problem").asText("no reason recorded")) + ")");
        } else if (steps(record) < 0) {
            doubts.add("steps " + quoted(record.path("steps")) + " is not a count of steps" + EDITED);
        }
        record.path("evaluation").fields().forEachRemaining(split -> {
            for (String figure : RANKING) {
                fractionDoubt(doubts, "evaluation." + split.getKey() + "." + figure, split.getValue().path(figure));
            }
        });
        JsonNode selection = record.path("metrics").path("selectionValue");
        if (record.path("metrics").isObject() && !selection.isMissingNode() && !selection.isNull()
                && Double.isNaN(selectionValue(record))) {
            doubts.add("metrics.selectionValue " + quoted(selection) + " is not a " + shown(record.path("metrics")
                    .path("selection").asText("figure")) + " any run measures" + EDITED);
        }
        return doubts;
    }

    /**
     * A text of a run.json as Runs…, Compare and the sweep show it, on one line: control characters, bidirectional
     * overrides and line breaks as visible escapes, a value of hundreds of thousands of characters by its first 60 and
     * its length ({@link MessageText}). A hand-edited outcome of 3.9 million characters had filled the list with one
     * cell of thousands of lines, and a U+202E or newline in it had reversed or split the run's line.
     */
    public static String shown(String text) {
        return MessageText.shorten(VisibleText.oneLine(text));
    }

    /**
     * A model kept from a trained one recorded before kept runs took their source's steps ("steps": 0, no
     * {@code keptFrom}): a slimmed copy ({@code slimmedFrom}), or one saved with heads removed in the attention
     * inspector, whose outcome says so ("head 3 of 'Self-attention' removed") and which recorded nothing else of it.
     */
    private static boolean legacyKeptZero(JsonNode record) {
        JsonNode v = record.path("steps");
        if (record.path(RunRecord.KEPT_FROM).isObject() || !v.isIntegralNumber() || v.asLong() != 0) {
            return false;
        }
        return record.path("slimmedFrom").isObject()
                || HEADS_REMOVED.matcher(record.path("outcome").asText("")).matches();
    }

    /** The outcome an earlier DeepWire recorded for a model saved without heads (Experiment.saveWithoutHeads). */
    private static final java.util.regex.Pattern HEADS_REMOVED =
            java.util.regex.Pattern.compile("(?s)heads? \\d+(, \\d+)* of '.*' removed");

    private static void fractionDoubt(List<String> doubts, String field, JsonNode v) {
        if (!v.isMissingNode() && !v.isNull() && Double.isNaN(fraction(v))) {
            doubts.add(field + " " + quoted(v) + " is not a fraction from 0 to 1" + EDITED);
        }
    }

    private static double fraction(JsonNode v) {
        if (!v.isNumber()) {
            return Double.NaN;
        }
        double d = v.asDouble();
        return d >= 0 && d <= 1 ? d : Double.NaN;
    }

    /** A value as the reason quotes it: a number of hundreds of digits by its start and length. */
    private static String quoted(JsonNode v) {
        return shown(v.isTextual() ? "\"" + v.asText() + "\"" : v.toString());
    }
}
