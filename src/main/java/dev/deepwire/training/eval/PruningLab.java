package dev.deepwire.training.eval;

import dev.deepwire.training.eval.HeadRemoval.Head;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Slims a trained network and measures what each step costs, never changing the original: whole attention heads
 * removed (ranked by how little the validation metric drops without each) or weights pruned by magnitude; each
 * result measured on the validation split (its metric), counted (parameters, non-zero parameters), saved to a
 * temporary file (its size) and timed (inference per example, the best of three passes). Fine-tuning for a few
 * epochs from the slimmed weights is optional.
 */
public final class PruningLab {
    /** Examples timed per pass for the inference time. */
    static final int TIMED_EXAMPLES = 1024;

    private final ComputationGraph original;
    private final java.util.function.Supplier<List<MultiDataSet>> validationBatches;
    private final java.util.function.Supplier<List<MultiDataSet>> trainBatches;
    private List<MultiDataSet> validation;
    private List<MultiDataSet> train;
    private final String outputType;
    private final long seed;
    /** The knowledge graph whose split a ranking model is measured on by filtered MRR (null: accuracy or loss). */
    private dev.deepwire.data.TripleDataset kg;
    private String rankedSplit;

    /** One measured model: what was done, and what it costs and scores. */
    public record Row(String step, int headsRemoved, double sparsity, double metric, double fineTunedMetric,
                      long params, long nonZero, long fileBytes, double msPerExample) {
    }

    /** A head and the validation metric without it (drop = the original's metric minus this). */
    public record HeadImpact(Head head, double metric, double drop) {
    }

    /** A slimmed copy and its row. */
    public record Slim(ComputationGraph net, Row row) {
    }

    /** Why a lab cannot be made: it measures every model on validation examples. */
    public static final String NO_VALIDATION = "the pruning lab needs validation examples to measure the models on";

    public PruningLab(ComputationGraph original, List<MultiDataSet> validation, List<MultiDataSet> train,
                      String outputType, long seed) {
        this(original, () -> validation, () -> train, outputType, seed);
        validation(); // refused now, not at the first measurement
    }

    /**
     * A lab whose batches are made when a measurement first needs them (the validation batches) or when fine-tuning
     * first trains (the training batches), on the thread doing that work — not when a window opens the lab.
     */
    public PruningLab(ComputationGraph original, java.util.function.Supplier<List<MultiDataSet>> validation,
                      java.util.function.Supplier<List<MultiDataSet>> train, String outputType, long seed) {
        this.original = original;
        this.validationBatches = validation;
        this.trainBatches = train;
        this.outputType = outputType;
        this.seed = seed;
    }

    private synchronized List<MultiDataSet> validation() {
        if (validation == null) {
            validation = validationBatches.get();
            if (validation.isEmpty()) {
                throw new IllegalArgumentException(NO_VALIDATION);
            }
        }
        return validation;
    }

    private synchronized List<MultiDataSet> train() {
        if (train == null) {
            train = trainBatches.get();
        }
        return train;
    }

    /**
     * Measures a knowledge-graph model (1-N or scoring one triple at a time) by its filtered MRR on {@code split} of
     * {@code kg} — the figure its run selects on and the evaluation reports — rather than its top-1 accuracy over every
     * entity, unfiltered (0.0 for many a model whose MRR is 0.1), or its true/corrupted accuracy. Other models, and a
     * graph without that split, keep their metric. Returns this.
     */
    public PruningLab rankedOn(dev.deepwire.data.TripleDataset kg, String split) {
        boolean ranks = kg != null && (outputType.equals("link_ranking_output") || outputType.equals("link_prediction_output"))
                && !kg.triples(split).isEmpty();
        this.kg = ranks ? kg : null;
        this.rankedSplit = ranks ? split : null;
        return this;
    }

    /** Whether the lab's metric is a knowledge graph's filtered MRR ({@link #rankedOn}), not an accuracy or a loss. */
    public boolean ranks() {
        return kg != null;
    }

    /** The metric the lab reports: the output's accuracy, or the validation loss for regression (lower is better). */
    public String metricName() {
        if (kg != null) {
            return rankedSplit + " filtered MRR";
        }
        return outputType.equals("regression_output") ? "validation loss" : "validation " + TestReport.metricName(outputType);
    }

    double metric(ComputationGraph net) {
        if (kg != null) {
            return LinkRanking.ofSplit(net, kg, rankedSplit).mrr();
        }
        ModelScore s = ModelScore.of(net, validation(), outputType);
        return Double.isNaN(s.accuracy()) ? s.loss() : s.accuracy();
    }

    /** How much worse {@code value} is than {@code reference} (positive: worse), whichever way the metric points. */
    public double drop(double reference, double value) {
        return outputType.equals("regression_output") ? value - reference : reference - value;
    }

    /** The original, measured. */
    public Row baseline() {
        return measure("original", original, 0, 0.0, Double.NaN);
    }

    /** How many weights magnitude pruning may zero: those of the dense, feed-forward and attention matrices. */
    public long prunableWeights() {
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> table = original.paramTable();
        return MagnitudePruning.prunableKeys(original).stream().mapToLong(k -> table.get(k).length()).sum();
    }

    /**
     * What magnitude pruning works on in this model, as a sentence: the prunable weights and their share of all
     * parameters, or that there are none (a knowledge-graph scorer's tables, embeddings, norms and biases are left
     * alone), so no share pruned is claimed for a model that loses nothing.
     */
    public String prunableSentence() {
        long prunable = prunableWeights();
        long all = original.params().length();
        if (prunable == 0) {
            return "Magnitude pruning has nothing to prune here: it works on the weight matrices of dense, feed-forward"
                    + " and attention blocks, and this model has none (embeddings, a knowledge-graph scorer's own"
                    + " weights, norms and biases are left alone).";
        }
        return String.format(java.util.Locale.ROOT, "Magnitude pruning works on the %,d weights of dense, feed-forward and"
                + " attention matrices, %.0f %% of the model's %,d parameters; shares below are of those weights.",
                prunable, 100.0 * prunable / all, all);
    }

    /** Every self-attention head, the one whose removal costs least first. */
    public List<HeadImpact> rankHeads() {
        double reference = metric(original);
        List<HeadImpact> out = new ArrayList<>();
        for (Head h : HeadRemoval.all(original)) {
            if (HeadRemoval.heads(original).get(h.block()) < 2) {
                continue; // a block keeps its only head
            }
            double m = metric(HeadRemoval.remove(original, List.of(h)));
            out.add(new HeadImpact(h, m, drop(reference, m)));
        }
        out.sort(Comparator.comparingDouble(HeadImpact::drop));
        return out;
    }

    /**
     * The first {@code count} heads of {@code ranked} that can go together (each block keeps one head), removed;
     * fine-tuned for {@code epochs} when more than 0.
     */
    public Slim removeHeads(List<HeadImpact> ranked, int count, int epochs) {
        Map<String, Integer> left = new java.util.LinkedHashMap<>(HeadRemoval.heads(original));
        List<Head> gone = new ArrayList<>();
        for (HeadImpact i : ranked) {
            if (gone.size() == count) {
                break;
            }
            if (left.get(i.head().block()) > 1) {
                left.merge(i.head().block(), -1, Integer::sum);
                gone.add(i.head());
            }
        }
        ComputationGraph slim = HeadRemoval.remove(original, gone);
        double before = metric(slim);
        double tuned = Double.NaN;
        if (epochs > 0) {
            fit(slim, epochs, null);
            tuned = metric(slim);
        }
        return new Slim(slim, measure(gone.size() + (gone.size() == 1 ? " head" : " heads") + " removed", slim,
                gone.size(), 0.0, before, tuned));
    }

    /** The most heads {@link #removeHeads} can take away (all but one per block). */
    public int removableHeads() {
        return HeadRemoval.heads(original).values().stream().mapToInt(n -> n - 1).sum();
    }

    /** Magnitude pruning at {@code sparsity}, fine-tuned (pruned weights held at zero) for {@code epochs} when more than 0. */
    public Slim prune(double sparsity, int epochs) {
        if (sparsity > 0 && prunableWeights() == 0) {
            throw new IllegalStateException(prunableSentence());
        }
        MagnitudePruning.Pruned p = MagnitudePruning.prune(original, sparsity);
        double before = metric(p.net());
        double tuned = Double.NaN;
        if (epochs > 0) {
            fit(p.net(), epochs, p);
            tuned = metric(p.net());
        }
        return new Slim(p.net(), measure(String.format(java.util.Locale.ROOT, "%.0f %% of weights pruned", 100 * sparsity),
                p.net(), 0, sparsity, before, tuned));
    }

    private void fit(ComputationGraph net, int epochs, MagnitudePruning.Pruned masks) {
        List<MultiDataSet> train = train();
        if (train.isEmpty()) {
            throw new IllegalArgumentException("fine-tuning needs training examples");
        }
        if (masks != null) {
            masks.fineTune(train, epochs, seed);
            return;
        }
        new MagnitudePruning.Pruned(net, Map.of(), 0, 0).fineTune(train, epochs, seed);
    }

    private Row measure(String step, ComputationGraph net, int heads, double sparsity, double metric) {
        return measure(step, net, heads, sparsity, metric(net), Double.NaN);
    }

    private Row measure(String step, ComputationGraph net, int heads, double sparsity, double metric, double tuned) {
        return new Row(step, heads, sparsity, metric, tuned, net.params().length(), MagnitudePruning.nonZero(net),
                fileBytes(net), msPerExample(net));
    }

    /** Bytes of the model saved as DeepWire saves one (without the optimizer's state). */
    static long fileBytes(ComputationGraph net) {
        Path file = null;
        try {
            file = Files.createTempFile("deepwire-slim", ".zip");
            ModelSerializer.writeModel(net, file.toFile(), false);
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the model's file size: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system clears
                }
            }
        }
    }

    /** Milliseconds per example of inference on validation batches, the best of three timed passes after a warm-up. */
    double msPerExample(ComputationGraph net) {
        List<MultiDataSet> timed = new ArrayList<>();
        int n = 0;
        for (MultiDataSet b : validation()) {
            if (n >= TIMED_EXAMPLES) {
                break;
            }
            timed.add(b);
            n += (int) b.getFeatures(0).size(0);
        }
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 4; pass++) {
            long start = System.nanoTime();
            for (MultiDataSet b : timed) {
                net.output(false, b.getFeatures(), b.getFeaturesMaskArrays(), b.getLabelsMaskArrays());
            }
            long ns = System.nanoTime() - start;
            if (pass > 0) { // the first pass warms up
                best = Math.min(best, ns / 1e6 / n);
            }
        }
        return best;
    }
}
