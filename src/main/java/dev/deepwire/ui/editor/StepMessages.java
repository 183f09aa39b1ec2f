package dev.deepwire.ui.editor;

import dev.deepwire.model.Command;
import dev.deepwire.model.CommandStack.Step;
import dev.deepwire.model.Graph;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says, on the status bar, what an edit did — every command, however it was made (a menu, a key, a
 * drag, a dialog): "Deleted “Self-attention” and 2 wires — Undo (Ctrl+Z) puts it back", "Undid: rename “Dense 1” to
 * “Encoder”", "Redid: …". Each command names its blocks in its description; this puts the description in the past
 * tense. Before it Delete said so itself and most other edits said nothing, or each its own way.
 */
final class StepMessages {
    /** The past tense of the verbs commands' descriptions begin with. */
    private static final Map<String, String> DONE = Map.ofEntries(Map.entry("Add", "Added"),
            Map.entry("Connect", "Connected"), Map.entry("Disconnect", "Disconnected"), Map.entry("Delete", "Deleted"),
            Map.entry("Rename", "Renamed"), Map.entry("Set", "Set"), Map.entry("Move", "Moved"),
            Map.entry("Group", "Grouped"), Map.entry("Ungroup", "Ungrouped"), Map.entry("Collapse", "Collapsed"),
            Map.entry("Expand", "Expanded"), Map.entry("Paste", "Pasted"), Map.entry("Duplicate", "Duplicated"),
            Map.entry("Arrange", "Arranged"), Map.entry("Replace", "Replaced"), Map.entry("Remove", "Removed"),
            Map.entry("Edit", "Edited"), Map.entry("Describe", "Described"), Map.entry("Apply", "Applied"));
    /** Steps that take something away: said with how to get it back. */
    private static final Set<String> TAKE_AWAY = Set.of("Delete", "Disconnect", "Remove", "Replace");
    static final String UNDO_HINT = " \u2014 Undo (Ctrl+Z) puts it back";

    private StepMessages() {
    }

    /** What the status bar says after {@code step} of {@code command}, blocks named as {@link Words#named} names them. */
    static String said(Step step, Command command, Graph graph) {
        String description = command.description();
        int space = description.indexOf(' ');
        String verb = space < 0 ? description : description.substring(0, space);
        String rest = space < 0 ? "" : description.substring(space);
        String text = switch (step) {
            case DONE -> DONE.containsKey(verb) ? DONE.get(verb) + rest + (TAKE_AWAY.contains(verb) ? UNDO_HINT : "")
                    : "Done: " + lowered(verb) + rest;
            case UNDONE -> "Undid: " + lowered(verb) + rest;
            case REDONE -> "Redid: " + lowered(verb) + rest;
        };
        return Words.named(text, graph);
    }

    /** The verb as it reads after "Undid: " ("rename"); a word that is not a verb of ours is kept as it is. */
    private static String lowered(String verb) {
        return DONE.containsKey(verb) || verb.equals("Auto-arrange") ? verb.toLowerCase(Locale.ROOT) : verb;
    }
}
