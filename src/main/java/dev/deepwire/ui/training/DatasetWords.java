package dev.deepwire.ui.training;

import java.util.Map;

/**
 * The window's words for a dataset setting: the loaders name a setting by its key in the file ({@code dataset.header}),
 * which the command line's users edit; in the window each is named by its control in Edit ▸ Dataset Settings — a field
 * by its label ('Classes'), the Header tick box by what to do with it ("untick Header": "set 'Header' to false" named a
 * tick box as if it were a field to type in). One owner for the Check's result, the editor's data check and Train.
 */
public final class DatasetWords {
    /** Each setting's field label in Dataset Settings. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("file", "File"), Map.entry("tokens", "Tokens"),
            Map.entry("length", "Length"), Map.entry("classes", "Classes"),
            Map.entry("validationFraction", "Validation fraction"), Map.entry("seed", "Seed"),
            Map.entry("vocabulary", "Vocabulary"), Map.entry("train", "Training examples"),
            Map.entry("validation", "Validation examples"), Map.entry("header", "Header"),
            Map.entry("labelColumn", "Label column"), Map.entry("scoring", "Scoring"));
    /** The tick boxes: a setting that is true or false, set by ticking its box. */
    private static final Map<String, String> TICK_BOXES = Map.of("header", "Header");

    private DatasetWords() {
    }

    /** A loader's message with each setting named as Dataset Settings shows it: "untick Header", "'Classes'". */
    public static String labelled(String message) {
        String out = message;
        for (var e : TICK_BOXES.entrySet()) {
            out = out.replaceAll("set dataset\\." + e.getKey() + " to false\\b", "untick " + e.getValue())
                    .replaceAll("set dataset\\." + e.getKey() + " to true\\b", "tick " + e.getValue());
        }
        for (var e : LABELS.entrySet()) {
            out = out.replaceAll("dataset\\." + e.getKey() + "\\b", "'" + e.getValue() + "'");
        }
        return out;
    }
}
