package dev.deepwire.training.eval;

import dev.deepwire.data.TripleDataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Link-prediction quality as knowledge-graph papers report it: for each held-out triple, every entity is tried
 * as the tail and as the head, the other known true triples are left out of the ranking ("filtered"), and the
 * true entity's rank (ties counted half) gives the mean reciprocal rank and Hits@1/3/10 — overall and per
 * relation. Beside them the same figures for a random ranking and for the frequency baseline
 * ({@link FrequencyBaseline}), the figure a trained model must beat. A 1-N network (inputs head and relation,
 * one score per entity) answers a head query with the reciprocal relation; a per-triple network scores every
 * candidate triple.
 */
public record LinkRanking(RankFigures model, RankFigures random, RankFigures frequency,
                          Map<String, RankFigures> byRelation, Map<String, RankFigures> frequencyByRelation) {
    private static final int BATCH = 256;
    /**
     * At most this many triples of a split are ranked: by the run's selection each epoch, its test report, the
     * evaluation window and {@code deepwire evaluate} alike, so all of them give the same figures for one model.
     */
    public static final int RANKED_TRIPLES = 2000;

    public int queries() {
        return model.queries();
    }

    public double mrr() {
        return model.mrr();
    }

    public double hits1() {
        return model.hits1();
    }

    public double hits3() {
        return model.hits3();
    }

    public double hits10() {
        return model.hits10();
    }

    public double randomMrr() {
        return random.mrr();
    }

    public double randomHits1() {
        return random.hits1();
    }

    /** One query: find the tail of {@code triple} (or its head). */
    private record Query(int[] triple, boolean tail) {
        int truth() {
            return tail ? triple[2] : triple[0];
        }
    }

    /** Whether the network scores (head, relation) queries against all entities (two inputs) or single triples. */
    public static boolean oneToAll(ComputationGraph net) {
        return net.getConfiguration().getNetworkInputs().size() == 2;
    }

    /**
     * The one way a split of a knowledge graph is ranked (its first {@link #RANKED_TRIPLES} triples): the figures the
     * dock, the run's record, the evaluation window and the command line report; null when the split has no triples.
     * Worked out once for a model's parameters ({@link RankingMemo}).
     */
    public static LinkRanking ofSplit(ComputationGraph net, TripleDataset kg, String split) {
        List<int[]> triples = kg == null ? List.of() : kg.triples(split);
        // asked again for the same parameters (a run's test report and its record), the kept ranking (RankingMemo)
        return triples.isEmpty() ? null : RankingMemo.of(net, kg, split, () -> evaluate(net, kg, triples, RANKED_TRIPLES));
    }

    /** Ranks the tails and heads of {@code triples} (at most {@code limit} of them) with the network. */
    public static LinkRanking evaluate(ComputationGraph net, TripleDataset kg, List<int[]> triples, int limit) {
        return evaluate(net, kg, triples, limit, true);
    }

    /** As {@link #evaluate(ComputationGraph, TripleDataset, List, int)}; {@code byParts} false runs a per-triple network whole (for tests). */
    static LinkRanking evaluate(ComputationGraph net, TripleDataset kg, List<int[]> triples, int limit, boolean byParts) {
        List<Query> queries = new ArrayList<>();
        for (int[] t : triples.subList(0, Math.min(limit, triples.size()))) {
            queries.add(new Query(t, true));
            queries.add(new Query(t, false));
        }
        FrequencyBaseline baseline = FrequencyBaseline.of(kg);
        RankFigures.Sum model = new RankFigures.Sum();
        RankFigures.Sum random = new RankFigures.Sum();
        RankFigures.Sum frequency = new RankFigures.Sum();
        Map<String, RankFigures.Sum> byRelation = new LinkedHashMap<>();
        Map<String, RankFigures.Sum> frequencyByRelation = new LinkedHashMap<>();
        kg.relations().forEach(r -> {
            byRelation.put(r, new RankFigures.Sum());
            frequencyByRelation.put(r, new RankFigures.Sum());
        });
        boolean oneToAll = oneToAll(net);
        MlpTripleScores parts = oneToAll || !byParts ? null : checked(MlpTripleScores.of(net), net, kg, queries);
        for (int from = 0; from < queries.size(); from += BATCH) {
            List<Query> batch = queries.subList(from, Math.min(queries.size(), from + BATCH));
            double[][] scores = oneToAll ? oneToAllScores(net, kg, batch)
                    : parts != null ? byParts(parts, kg, batch) : tripleScores(net, kg, batch);
            for (int i = 0; i < batch.size(); i++) {
                Query q = batch.get(i);
                String relation = kg.relations().get(q.triple()[1]);
                double[] rank = rank(scores[i], q, kg);
                model.rank(rank[0]);
                byRelation.get(relation).rank(rank[0]);
                random.random((int) rank[1]);
                double f = rank(baseline.scores(q.tail(), q.triple()[1]), q, kg)[0];
                frequency.rank(f);
                frequencyByRelation.get(relation).rank(f);
            }
        }
        Map<String, RankFigures> rel = new LinkedHashMap<>();
        Map<String, RankFigures> relFrequency = new LinkedHashMap<>();
        byRelation.forEach((r, s) -> {
            if (s.figures().queries() > 0) {
                rel.put(r, s.figures());
                relFrequency.put(r, frequencyByRelation.get(r).figures());
            }
        });
        if (parts != null) {
            parts.release();
        }
        // one ranking may serve several callers (RankingMemo): its maps are not to be changed
        return new LinkRanking(model.figures(), random.figures(), frequency.figures(),
                java.util.Collections.unmodifiableMap(rel), java.util.Collections.unmodifiableMap(relFrequency));
    }

    /**
     * The filtered rank of the query's true entity under {@code scores} (1 + entities scored higher + half the
     * others scored the same) and the number of candidates left after filtering, the truth included.
     */
    static double[] rank(double[] scores, Query q, TripleDataset kg) {
        int[] t = q.triple();
        int truth = q.truth();
        double better = 0;
        double ties = 0;
        int candidates = 0;
        for (int e = 0; e < scores.length; e++) {
            if (e != truth && (q.tail() ? kg.isKnown(t[0], t[1], e) : kg.isKnown(e, t[1], t[2]))) {
                continue;
            }
            candidates++;
            if (e != truth) {
                better += scores[e] > scores[truth] ? 1 : 0;
                ties += scores[e] == scores[truth] ? 1 : 0;
            }
        }
        return new double[] {1 + better + ties / 2, candidates};
    }

    /** One forward pass for the batch: (h, r) for tail queries, (t, r⁻¹) for head queries. */
    private static double[][] oneToAllScores(ComputationGraph net, TripleDataset kg, List<Query> batch) {
        int relations = kg.relations().size();
        double[][] h = new double[batch.size()][1];
        double[][] r = new double[batch.size()][1];
        for (int i = 0; i < batch.size(); i++) {
            Query q = batch.get(i);
            h[i][0] = q.tail() ? q.triple()[0] : q.triple()[2];
            r[i][0] = q.tail() ? q.triple()[1] : q.triple()[1] + relations;
        }
        var type = net.getConfiguration().getDataType();
        INDArray[] in = {Nd4j.createFromArray(h).castTo(type), Nd4j.createFromArray(r).castTo(type)};
        INDArray out = net.output(false, in, null, null)[0];
        double[][] scores = out.toDoubleMatrix();
        ModelScore.release(out);
        ModelScore.release(in);
        return scores;
    }

    /**
     * The MLP scorer by parts where it gives the whole network's scores for one of these triples (with no id 0; see
     * {@link MlpTripleScores#agrees}) with its tail and its head open, else null: the network is then run whole.
     */
    private static MlpTripleScores checked(MlpTripleScores byParts, ComputationGraph net, TripleDataset kg,
                                           List<Query> queries) {
        if (byParts == null) {
            return null;
        }
        for (Query q : queries) {
            int[] t = q.triple();
            if (t[0] != 0 && t[1] != 0 && t[2] != 0) {
                double[][] whole = tripleScores(net, kg, List.of(new Query(t, true), new Query(t, false)));
                if (byParts.agrees(t, whole[0], whole[1], kg.entities().size())) {
                    return byParts;
                }
                break;
            }
        }
        byParts.release();
        return null;
    }

    private static double[][] byParts(MlpTripleScores scorer, TripleDataset kg, List<Query> batch) {
        boolean[] tail = new boolean[batch.size()];
        for (int i = 0; i < tail.length; i++) {
            tail[i] = batch.get(i).tail();
        }
        return scorer.scores(batch.stream().map(Query::triple).toList(), tail, kg.entities().size());
    }

    /** Every entity tried in the query's open place, one forward pass per query. */
    private static double[][] tripleScores(ComputationGraph net, TripleDataset kg, List<Query> batch) {
        int entities = kg.entities().size();
        INDArray candidates = Nd4j.arange(entities).castTo(net.getConfiguration().getDataType()).reshape(entities, 1);
        double[][] scores = new double[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            int[] t = batch.get(i).triple();
            boolean tail = batch.get(i).tail();
            INDArray fixed = Nd4j.valueArrayOf(new long[] {entities, 1}, tail ? t[0] : t[2], candidates.dataType());
            INDArray rel = Nd4j.valueArrayOf(new long[] {entities, 1}, t[1], candidates.dataType());
            INDArray[] in = tail ? new INDArray[] {fixed, rel, candidates} : new INDArray[] {candidates, rel, fixed};
            INDArray out = net.output(false, in, null, null)[0];
            scores[i] = out.reshape(entities).toDoubleVector();
            ModelScore.release(out, fixed, rel);
        }
        ModelScore.release(candidates);
        return scores;
    }

    /** One line: model figures with the random and frequency baselines, and how many queries they rest on. */
    public String describe() {
        return String.format(Locale.ROOT, "filtered MRR %.3f, Hits@1 %.3f, Hits@3 %.3f, Hits@10 %.3f over %d head and "
                        + "tail queries (most-frequent baseline: %s; random: MRR %.4f, Hits@10 %.4f)",
                model.mrr(), model.hits1(), model.hits3(), model.hits10(), model.queries(), frequency.describe(),
                random.mrr(), random.hits10());
    }

    /** Two short lines: the model's test figures with their query count, and the two baselines. */
    public List<String> summaryLines() {
        return summaryLines("test");
    }

    /** The same two lines for the triples of {@code split} (validation or test). */
    public List<String> summaryLines(String split) {
        return List.of(String.format(Locale.ROOT, "%s link prediction: filtered MRR %.3f, Hits@1 %.3f, Hits@3 %.3f, "
                        + "Hits@10 %.3f over %d head and tail queries", split, model.mrr(), model.hits1(), model.hits3(),
                        model.hits10(), model.queries()),
                String.format(Locale.ROOT, "baselines on the same queries: most frequent tail (from the training "
                        + "triples) %s; random MRR %.4f, Hits@10 %.4f", frequency.describe(), random.mrr(), random.hits10()));
    }

    /** Per relation: queries, the model's figures and the frequency baseline's, one line each. */
    public List<String> relationLines() {
        List<String> out = new ArrayList<>();
        byRelation.forEach((r, f) -> out.add(String.format(Locale.ROOT, "  %-22s %4d queries  model %s | frequency MRR %.3f, "
                + "Hits@10 %.3f", r, f.queries(), f.describe(), frequencyByRelation.get(r).mrr(),
                frequencyByRelation.get(r).hits10())));
        return out;
    }

    /** The figures for a run's record ({@code run.json}): the model's, the two baselines' and each relation's. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>(model.toJson());
        m.put("frequencyBaseline", frequency.toJson());
        m.put("randomBaseline", random.toJson());
        Map<String, Object> rel = new LinkedHashMap<>();
        byRelation.forEach((r, f) -> rel.put(r, f.toJson()));
        m.put("perRelation", rel);
        return m;
    }

    /** The figures as CSV: overall, the baselines, then one row per relation (with its frequency baseline). */
    public String csv() {
        StringBuilder b = new StringBuilder("ranking,relation,queries,mrr,hits1,hits3,hits10\n");
        b.append(model.csvRow("model", "all")).append(frequency.csvRow("most frequent", "all"))
                .append(random.csvRow("random", "all"));
        byRelation.forEach((r, f) -> b.append(f.csvRow("model", r)).append(frequencyByRelation.get(r).csvRow("most frequent", r)));
        return b.toString();
    }
}
