package dev.deepwire.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The rows of a table nearest to one row by cosine similarity (the row itself left out). */
public final class NearestRows {
    /** A neighbour: its row, its label and its cosine similarity to the chosen row. */
    public record Neighbour(int row, String label, double similarity) {
    }

    private NearestRows() {
    }

    public static List<Neighbour> of(float[][] table, List<String> labels, int row, int k) {
        double[] norms = new double[table.length];
        for (int i = 0; i < table.length; i++) {
            double s = 0;
            for (float v : table[i]) {
                s += (double) v * v;
            }
            norms[i] = Math.sqrt(s);
        }
        List<Neighbour> all = new ArrayList<>();
        float[] q = table[row];
        for (int i = 0; i < table.length; i++) {
            if (i == row) {
                continue;
            }
            double dot = 0;
            for (int j = 0; j < q.length; j++) {
                dot += (double) q[j] * table[i][j];
            }
            double denominator = norms[row] * norms[i];
            all.add(new Neighbour(i, labels.get(i), denominator > 0 ? dot / denominator : 0));
        }
        all.sort(Comparator.comparingDouble(Neighbour::similarity).reversed().thenComparingInt(Neighbour::row));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
