package dev.deepwire.training.eval;

import dev.deepwire.data.TripleDataset;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Link-prediction quality as knowledge-graph papers report it: for each held-out triple, every entity is
 * tried as the tail (and as the head), other known true triples are left out of the ranking ("filtered"),
 * and the true entity's rank gives the mean reciprocal rank and Hits@1/3/10. Beside them, the same figures
 * for a random ranking of the same candidates, the baseline a trained model must beat.
 */
public record LinkRanking(int queries, double mrr, double hits1, double hits3, double hits10,
                          double randomMrr, double randomHits1, double randomHits3, double randomHits10) {

    /** Ranks the tails and heads of {@code triples} (at most {@code limit} of them) with the network. */
    public static LinkRanking evaluate(ComputationGraph net, TripleDataset kg, List<int[]> triples, int limit) {
        int entities = kg.entities().size();
        INDArray candidates = Nd4j.arange(entities).castTo(net.getConfiguration().getDataType()).reshape(entities, 1);
        double[] sum = new double[8];
        int queries = 0;
        for (int[] t : triples.subList(0, Math.min(limit, triples.size()))) {
            for (boolean tail : new boolean[] {true, false}) {
                INDArray fixedA = Nd4j.valueArrayOf(new long[] {entities, 1}, tail ? t[0] : t[2], candidates.dataType());
                INDArray rel = Nd4j.valueArrayOf(new long[] {entities, 1}, t[1], candidates.dataType());
                INDArray[] in = tail ? new INDArray[] {fixedA, rel, candidates} : new INDArray[] {candidates, rel, fixedA};
                double[] scores = net.output(false, in, null, null)[0].reshape(entities).toDoubleVector();
                int truth = tail ? t[2] : t[0];
                double better = 0;
                double ties = 0;
                int n = 0;
                for (int e = 0; e < entities; e++) {
                    boolean filtered = e != truth && (tail ? kg.isKnown(t[0], t[1], e) : kg.isKnown(e, t[1], t[2]));
                    if (filtered) {
                        continue;
                    }
                    n++;
                    if (e != truth) {
                        better += scores[e] > scores[truth] ? 1 : 0;
                        ties += scores[e] == scores[truth] ? 1 : 0;
                    }
                }
                double rank = 1 + better + ties / 2;
                sum[0] += 1 / rank;
                sum[1] += rank <= 1 ? 1 : 0;
                sum[2] += rank <= 3 ? 1 : 0;
                sum[3] += rank <= 10 ? 1 : 0;
                double harmonic = 0;
                for (int k = 1; k <= n; k++) {
                    harmonic += 1.0 / k;
                }
                sum[4] += harmonic / n;
                sum[5] += Math.min(1, n) / (double) n;
                sum[6] += Math.min(3, n) / (double) n;
                sum[7] += Math.min(10, n) / (double) n;
                queries++;
            }
        }
        double q = Math.max(1, queries);
        return new LinkRanking(queries, sum[0] / q, sum[1] / q, sum[2] / q, sum[3] / q, sum[4] / q, sum[5] / q,
                sum[6] / q, sum[7] / q);
    }

    /** One line: model figures with the random baseline in brackets. */
    public String describe() {
        return String.format(Locale.ROOT, "filtered MRR %.3f (random %.4f), Hits@1 %.3f (%.4f), Hits@3 %.3f (%.4f), "
                        + "Hits@10 %.3f (%.4f) over %d head and tail queries",
                mrr, randomMrr, hits1, randomHits1, hits3, randomHits3, hits10, randomHits10, queries);
    }
}
