package dev.deepwire.ui.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a kept run's run.json as Runs…, Compare and the dock read them, treated as metrics.csv's are: one no
 * run records (an accuracy or an MRR outside 0–1, a negative or fractional step count) is unknown, and
 * {@link #doubts} says why, for the run's tooltip. A hand-edited {@code "validationAccuracy": 7.5} had been listed as
 * "accuracy 750.0 %" (1e300 as a number of 300 digits), and {@code "steps": -40} as "-40 steps". The one reader of them.
 */
final class RecordFigures {
    /** The ranking figures a run.json's evaluation may hold per split, each a fraction. */
    private static final List<String> RANKING = List.of("mrr", "hits1", "hits3", "hits10");
    private static final String EDITED = " (the file was edited by hand or is damaged)";

    private RecordFigures() {
    }

    /** The run's validation accuracy, NaN where it records none or one that is not a fraction from 0 to 1. */
    static double validationAccuracy(JsonNode record) {
        return fraction(record.path("validationAccuracy"));
    }

    /** The run's step count, 0 where it records none, -1 (unknown) where it records one that is not a count. */
    static long steps(JsonNode record) {
        JsonNode v = record.path("steps");
        if (v.isMissingNode() || v.isNull()) {
            return 0;
        }
        return v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0 ? v.asLong() : -1;
    }

    /** A ranking figure of {@code split} ({@code mrr}, {@code hits10}, …), NaN where none or not a fraction. */
    static double ranking(JsonNode record, String split, String figure) {
        return fraction(record.path("evaluation").path(split).path(figure));
    }

    /** Why figures of the record are unknown: one sentence each, naming the field and its value; empty when none. */
    static List<String> doubts(JsonNode record) {
        List<String> doubts = new ArrayList<>();
        fractionDoubt(doubts, "validationAccuracy", record.path("validationAccuracy"));
        if (steps(record) < 0) {
            doubts.add("steps " + shown(record.path("steps")) + " is not a count of steps" + EDITED);
        }
        record.path("evaluation").fields().forEachRemaining(split -> {
            for (String figure : RANKING) {
                fractionDoubt(doubts, "evaluation." + split.getKey() + "." + figure, split.getValue().path(figure));
            }
        });
        return doubts;
    }

    private static void fractionDoubt(List<String> doubts, String field, JsonNode v) {
        if (!v.isMissingNode() && !v.isNull() && Double.isNaN(fraction(v))) {
            doubts.add(field + " " + shown(v) + " is not a fraction from 0 to 1" + EDITED);
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
    private static String shown(JsonNode v) {
        return RunHistory.shown(v.isTextual() ? "\"" + v.asText() + "\"" : v.toString());
    }
}
