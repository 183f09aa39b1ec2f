package dev.deepwire.training.eval;

import java.util.Locale;

/** Mean reciprocal rank and Hits@1/3/10 over a number of ranking queries. */
public record RankFigures(int queries, double mrr, double hits1, double hits3, double hits10) {

    /** The figures for a run's record: queries, mrr, hits1, hits3, hits10. */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("queries", queries);
        m.put("mrr", mrr);
        m.put("hits1", hits1);
        m.put("hits3", hits3);
        m.put("hits10", hits10);
        return m;
    }

    /** One CSV row: who ranked, over which relation ("all"), then the figures. */
    String csvRow(String ranking, String relation) {
        return String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f,%.6f%n", dev.deepwire.io.CsvText.cell(ranking),
                dev.deepwire.io.CsvText.cell(relation), queries, mrr, hits1, hits3, hits10);
    }

    public String describe() {
        return String.format(Locale.ROOT, "MRR %.3f, Hits@1 %.3f, Hits@3 %.3f, Hits@10 %.3f", mrr, hits1, hits3, hits10);
    }

    /** Sums ranks (or, for the random baseline, expected values) query by query. */
    static final class Sum {
        private final double[] s = new double[4];
        private int n;

        /** A query whose true answer has this (filtered, ties averaged) rank. */
        void rank(double rank) {
            s[0] += 1 / rank;
            s[1] += rank <= 1 ? 1 : 0;
            s[2] += rank <= 3 ? 1 : 0;
            s[3] += rank <= 10 ? 1 : 0;
            n++;
        }

        /** A query answered by a random order of {@code candidates}: expected reciprocal rank and hits. */
        void random(int candidates) {
            double harmonic = 0;
            for (int k = 1; k <= candidates; k++) {
                harmonic += 1.0 / k;
            }
            s[0] += harmonic / candidates;
            s[1] += Math.min(1, candidates) / (double) candidates;
            s[2] += Math.min(3, candidates) / (double) candidates;
            s[3] += Math.min(10, candidates) / (double) candidates;
            n++;
        }

        RankFigures figures() {
            double q = Math.max(1, n);
            return new RankFigures(n, s[0] / q, s[1] / q, s[2] / q, s[3] / q);
        }
    }
}
