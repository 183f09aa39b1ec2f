package dev.deepwire.training.eval;

import dev.deepwire.data.TripleDataset;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The last few rankings of a split ({@link LinkRanking#ofSplit}), each kept with a copy of the parameters of the model
 * it ranked: asked again for the same model, dataset and split while the parameters are still those, the ranking is
 * not worked out again. A finished run's test split was ranked twice in the window — for its test report and for its
 * record's evaluation — about 19 s each for wordnet-links-sampled; a caller that asks while another is ranking the same
 * waits for that ranking. The model and dataset are held weakly, the parameters copied onto the Java heap (no native
 * memory left to a collection), at most {@link #KEPT} entries, for models of at most {@link #MOST_PARAMETERS}
 * parameters.
 */
final class RankingMemo {
    static final int KEPT = 4;
    /** Models with more parameters than this are ranked without keeping (a copy would be over 32 MB of heap each). */
    static final long MOST_PARAMETERS = 8_000_000;
    private static final Deque<Entry> ENTRIES = new ArrayDeque<>();
    private static final AtomicLong RANKED = new AtomicLong();

    private record Entry(WeakReference<ComputationGraph> net, WeakReference<TripleDataset> kg, String split,
                         Object parameters, CompletableFuture<LinkRanking> ranking) {
        boolean isFor(ComputationGraph n, TripleDataset k, String s, Object p) {
            return net.get() == n && kg.get() == k && split.equals(s) && same(parameters, p);
        }
    }

    private RankingMemo() {
    }

    /** How many rankings were worked out (not taken from here) in this process, for tests. */
    static long ranked() {
        return RANKED.get();
    }

    /** The ranking of {@code split} by {@code net}: the one kept for these parameters, else {@code rank}'s. */
    static LinkRanking of(ComputationGraph net, TripleDataset kg, String split, Supplier<LinkRanking> rank) {
        Object parameters = parameters(net);
        if (parameters == null) {
            RANKED.incrementAndGet();
            return rank.get();
        }
        CompletableFuture<LinkRanking> kept = null;
        Entry mine = null;
        synchronized (ENTRIES) {
            ENTRIES.removeIf(e -> e.net().get() == null || e.kg().get() == null);
            for (Entry e : ENTRIES) {
                if (e.isFor(net, kg, split, parameters)) {
                    kept = e.ranking();
                    break;
                }
            }
            if (kept == null) {
                mine = new Entry(new WeakReference<>(net), new WeakReference<>(kg), split, parameters,
                        new CompletableFuture<>());
                ENTRIES.addFirst(mine);
                while (ENTRIES.size() > KEPT) {
                    ENTRIES.removeLast();
                }
            }
        }
        if (kept != null) {
            try {
                return kept.join();
            } catch (CompletionException e) { // the ranking it waited for failed: this caller tries on its own
                RANKED.incrementAndGet();
                return rank.get();
            }
        }
        try {
            RANKED.incrementAndGet();
            LinkRanking ranking = rank.get();
            mine.ranking().complete(ranking);
            return ranking;
        } catch (RuntimeException | Error e) {
            mine.ranking().completeExceptionally(e);
            synchronized (ENTRIES) {
                ENTRIES.remove(mine);
            }
            throw e;
        }
    }

    /** A copy of the model's parameters on the heap (float[] or double[]), or null where it has none. */
    private static Object parameters(ComputationGraph net) {
        INDArray p = net.params();
        if (p == null || p.isEmpty() || p.length() > MOST_PARAMETERS) {
            return null;
        }
        return p.dataType() == DataType.DOUBLE ? p.toDoubleVector() : p.dataType() == DataType.FLOAT
                ? p.toFloatVector() : null;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof float[] x && b instanceof float[] y) {
            return Arrays.equals(x, y);
        }
        return a instanceof double[] x && b instanceof double[] y && Arrays.equals(x, y);
    }
}
