package dev.deepwire.ui.inspect;

import dev.deepwire.inspect.AttentionFocus;
import dev.deepwire.inspect.AttentionRecorder.Snapshot;
import dev.deepwire.inspect.TypedProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.ListChangeListener;

/**
 * The attention inspector's decisions, apart from its controls so they can be tested without a screen: which
 * capture to show (typed text, the newest while following a run, or the slider's), when a live redraw is due, and
 * the head choices as values (not labels to parse back).
 */
final class InspectorModel {
    /** While a run is going, maps are redrawn at most this often: each redraw competed with training for the CPU. */
    static final long LIVE_MS = 400;

    /** A head, or the mean or maximum over heads; its label is only for the screen. */
    record HeadChoice(int index) {
        static final HeadChoice MEAN = new HeadChoice(-1);
        static final HeadChoice MAX = new HeadChoice(-2);

        static List<HeadChoice> all(int heads) {
            List<HeadChoice> out = new ArrayList<>(List.of(MEAN, MAX));
            for (int h = 0; h < heads; h++) {
                out.add(new HeadChoice(h));
            }
            return out;
        }

        @Override
        public String toString() {
            return index == -1 ? "mean of heads" : index == -2 ? "max of heads" : "head " + index;
        }
    }

    /** What to show: a capture, its place among the block's captures (-1: typed text), and how many there are. */
    record Choice(Snapshot snapshot, int index, int count) {
        boolean typed() {
            return index < 0;
        }

        String stepText() {
            return typed() ? "typed text" : snapshot.step() < 0 ? "saved model"
                    : String.format(Locale.ROOT, "step %,d (%d of %d captures)", snapshot.step(), index + 1, count);
        }
    }

    private Snapshot typed;
    private long lastLiveRedraw = Long.MIN_VALUE / 2;

    /** The block's captures, oldest first. */
    static List<Snapshot> of(List<Snapshot> all, String nodeId) {
        return all.stream().filter(s -> s.nodeId().equals(nodeId)).toList();
    }

    /**
     * The capture to show for block {@code nodeId}: typed text's while there is one for that block (and not
     * following a run), else the newest when following, else the slider's; null when the block has none.
     */
    Choice choose(List<Snapshot> all, String nodeId, boolean follow, double slider) {
        if (typed != null && typed.nodeId().equals(nodeId) && !follow) {
            return new Choice(typed, -1, 0);
        }
        List<Snapshot> list = of(all, nodeId);
        if (list.isEmpty()) {
            return null;
        }
        int i = follow ? list.size() - 1 : (int) Math.max(0, Math.round(Math.min(slider, list.size() - 1)));
        return new Choice(list.get(i), i, list.size());
    }

    /** Typed text's capture, shown until following resumes or the text is cleared. */
    void setTyped(Snapshot s) {
        typed = s;
    }

    Snapshot typed() {
        return typed;
    }

    /**
     * A new capture arrived while following: how long to wait before redrawing (0: now), given the time now. A
     * run that is not going redraws at once.
     */
    long liveDelayMs(long nowNanos, boolean running) {
        if (!running) {
            return 0;
        }
        return Math.max(0, LIVE_MS - (nowNanos - lastLiveRedraw) / 1_000_000);
    }

    /** A live redraw happened at this time. */
    void redrawnAt(long nowNanos) {
        lastLiveRedraw = nowNanos;
    }

    /** The vocabulary hint under the typed text: unknown typed tokens first, then what the model knows. */
    static String vocabularyText(List<String> known, TypedProbe typed) {
        String list = String.join(" ", known.subList(0, Math.min(40, known.size()))) + (known.size() > 40 ? " …" : "");
        String unknown = typed == null || typed.unknown().isEmpty() ? ""
                : "Not in the vocabulary (shown as word→what the model saw): " + String.join(", ", typed.unknown().stream()
                .distinct().map(TypedProbe::visible).toList()) + ". ";
        String dropped = typed == null || typed.fit(typed.labels().size()).isEmpty() ? ""
                : upper(typed.fit(typed.labels().size())) + ". ";
        return unknown + dropped + "The model knows " + known.size() + " tokens: " + list;
    }

    private static String upper(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** What "Find clearest" found among {@code examples} different examples, in words. */
    static String focusText(Optional<AttentionFocus.Found> found, Snapshot s, int examples) {
        if (found.isEmpty()) {
            return "No query row to rank.";
        }
        var f = found.get();
        String row = f.token() == null ? "sharpest" : "'" + f.token() + "'";
        if (examples == 1) { // one example chosen in Evaluate, repeated as every probe: no example to name
            return String.format(Locale.ROOT, "Clearest: head %d — the '%s' row puts %.3f on one key (ranked by the %s row "
                    + "of %d heads).", f.spot().head(), f.rowLabel(), f.spot().maxWeight(), row, s.heads());
        }
        return String.format(Locale.ROOT, "Clearest: example %d, head %d — the '%s' row puts %.3f on one key "
                + "(ranked by the %s row of %d examples × %d heads).", f.spot().example(), f.spot().head(), f.rowLabel(),
                f.spot().maxWeight(), row, examples, s.heads());
    }

    /** Whether a change of the captures touches block {@code nodeId} (a capture of another block needs no redraw). */
    static boolean concerns(ListChangeListener.Change<? extends Snapshot> c, String nodeId) {
        while (c.next()) {
            if (c.wasRemoved() || c.getAddedSubList().stream().anyMatch(s -> s.nodeId().equals(nodeId))) {
                return true;
            }
        }
        return false;
    }
}
