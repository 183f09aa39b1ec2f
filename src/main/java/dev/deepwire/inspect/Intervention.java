package dev.deepwire.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is changed in one attention block's forward pass, as plain data: heads switched off (each zeroed or
 * replaced by its mean) and query rows pinned to a chosen distribution over the keys. The trained model is never
 * changed: {@link AttentionForward} applies an intervention while it computes.
 *
 * @param node the attention block's node id
 * @param off  switched-off heads and how each is replaced
 * @param pins query rows whose attention is replaced
 */
public record Intervention(String node, Map<Integer, Ablation> off, List<Pin> pins) {
    public Intervention {
        off = java.util.Collections.unmodifiableMap(new TreeMap<>(off));
        pins = List.copyOf(pins);
    }

    /**
     * One query row of one example and head made to attend with {@code weights} (one per key, summing to 1).
     * Example −1 pins the row in every example.
     */
    public record Pin(int example, int head, int query, double[] weights) {
        public Pin {
            weights = weights.clone();
        }

        /** All of the row's weight on key {@code key} of {@code keys}. */
        public static Pin onto(int example, int head, int query, int key, int keys) {
            double[] w = new double[keys];
            w[key] = 1;
            return new Pin(example, head, query, w);
        }

        boolean applies(int e) {
            return example < 0 || example == e;
        }
    }

    /** The block as trained. */
    public static Intervention none(String node) {
        return new Intervention(node, Map.of(), List.of());
    }

    /** Only head {@code head} switched off. */
    public static Intervention headOff(String node, int head, Ablation mode) {
        return new Intervention(node, Map.of(head, mode), List.of());
    }

    public boolean isNone() {
        return off.isEmpty() && pins.isEmpty();
    }

    /** Whether some head is replaced by its mean (the validation means must then be known). */
    public boolean needsMeans() {
        return off.containsValue(Ablation.MEAN);
    }

    /** This with head {@code head} switched off ({@code mode}) or, when {@code mode} is null, on again. */
    public Intervention withHead(int head, Ablation mode) {
        Map<Integer, Ablation> m = new TreeMap<>(off);
        if (mode == null) {
            m.remove(head);
        } else {
            m.put(head, mode);
        }
        return new Intervention(node, m, pins);
    }

    /** This with a row pinned (replacing an earlier pin of the same example, head and row). */
    public Intervention withPin(Pin pin) {
        List<Pin> p = new ArrayList<>();
        for (Pin old : pins) {
            if (old.example() != pin.example() || old.head() != pin.head() || old.query() != pin.query()) {
                p.add(old);
            }
        }
        p.add(pin);
        return new Intervention(node, off, p);
    }

    /** This with no pinned rows: the attention restored. */
    public Intervention withoutPins() {
        return new Intervention(node, off, List.of());
    }
}
