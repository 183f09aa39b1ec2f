package dev.deepwire.inspect;

import dev.deepwire.data.Dataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a pattern is: ranks the (example, head) pairs of a capture by how sharply one query row attends — its
 * largest weight, then its entropy (lower is sharper). The row is the one holding a chosen query token in each
 * example (for the marker task, the marker's row), or, with no token chosen, each map's sharpest row.
 */
public final class AttentionFocus {
    private AttentionFocus() {
    }

    /** The sharpest spot, the token whose row was ranked (null: each map's sharpest row) and that row's label. */
    public record Found(Spot spot, String token, String rowLabel) {
    }

    /**
     * The sharpest (example, head) of a capture of the probe examples, ranking by the {@link #landmark} token's row
     * of query input {@code input} (each map's sharpest row when there is none).
     */
    public static Optional<Found> clearest(AttentionRecorder.Snapshot s, Dataset probe, int input) {
        List<List<String>> rows = new ArrayList<>();
        for (int e = 0; e < s.weights().length; e++) {
            rows.add(AxisLabels.of(probe, input, e));
        }
        String token = landmark(rows);
        List<Spot> ranked = rank(s, rows, token);
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        Spot best = ranked.get(0);
        List<String> labels = rows.get(best.example());
        return Optional.of(new Found(best, token, best.row() < labels.size() ? labels.get(best.row()) : "query " + best.row()));
    }

    /** One (example, head) pair and how sharply its query row attends. */
    public record Spot(int example, int head, int row, float maxWeight, double entropy) {
    }

    /**
     * Every (example, head) pair of {@code s}, sharpest first. {@code rowLabels.get(e)} labels example e's query
     * rows; {@code token} (null: any row) picks the row; examples without the token are left out.
     */
    public static List<Spot> rank(AttentionRecorder.Snapshot s, List<List<String>> rowLabels, String token) {
        List<Spot> out = new ArrayList<>();
        for (int e = 0; e < s.weights().length; e++) {
            for (int h = 0; h < s.heads(); h++) {
                float[][] map = s.weights()[e][h];
                if (token != null) {
                    int row = e < rowLabels.size() ? rowLabels.get(e).indexOf(token) : -1;
                    if (row >= 0 && row < map.length) {
                        out.add(spot(e, h, row, map[row]));
                    }
                } else {
                    Spot best = null;
                    for (int q = 0; q < map.length; q++) {
                        Spot one = spot(e, h, q, map[q]);
                        if (best == null || SHARPEST.compare(one, best) < 0) {
                            best = one;
                        }
                    }
                    if (best != null) {
                        out.add(best);
                    }
                }
            }
        }
        out.sort(SHARPEST);
        return out;
    }

    /**
     * The query token worth ranking by default: one that occurs exactly once in every example (a marker, a class
     * token), the rarest such if several; null when there is none.
     */
    public static String landmark(List<List<String>> rowLabels) {
        if (rowLabels.isEmpty()) {
            return null;
        }
        Map<String, Integer> examplesWithOne = new HashMap<>();
        for (List<String> labels : rowLabels) {
            Map<String, Integer> counts = new HashMap<>();
            labels.forEach(l -> counts.merge(l, 1, Integer::sum));
            counts.forEach((l, c) -> {
                if (c == 1) {
                    examplesWithOne.merge(l, 1, Integer::sum);
                }
            });
        }
        return examplesWithOne.entrySet().stream().filter(en -> en.getValue() == rowLabels.size())
                .map(Map.Entry::getKey).filter(l -> !l.equals("<pad>")).sorted().findFirst().orElse(null);
    }

    private static final Comparator<Spot> SHARPEST = Comparator.comparingDouble((Spot p) -> -p.maxWeight())
            .thenComparingDouble(Spot::entropy);

    private static Spot spot(int example, int head, int row, float[] weights) {
        float max = 0;
        double entropy = 0;
        for (float w : weights) {
            max = Math.max(max, w);
            if (w > 0) {
                entropy -= w * Math.log(w);
            }
        }
        return new Spot(example, head, row, max, entropy);
    }
}
