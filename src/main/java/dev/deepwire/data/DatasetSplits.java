package dev.deepwire.data;

import java.util.Map;
import java.util.Random;

/**
 * Training and validation examples (and test examples where a sample defines them). A dataset that
 * draws fresh training examples each epoch (negative sampling for link prediction) has a sampler. {@code heldOut}
 * says which share of the training examples was held out as the validation set ({@link #resplit}), null where the
 * dataset's own validation examples are used.
 */
public record DatasetSplits(Dataset train, Dataset validation, Dataset test, EpochSampler sampler,
                            TripleDataset knowledgeGraph, HeldOut heldOut) {

    /** The share of the training examples held out as validation examples, and the seed that shuffled them. */
    public record HeldOut(double fraction, long seed) {
    }

    public DatasetSplits(Dataset train, Dataset validation, Dataset test, EpochSampler sampler,
                         TripleDataset knowledgeGraph) {
        this(train, validation, test, sampler, knowledgeGraph, null);
    }

    public DatasetSplits(Dataset train, Dataset validation, Dataset test) {
        this(train, validation, test, null, null);
    }

    public DatasetSplits(Dataset train, Dataset validation, Dataset test, EpochSampler sampler) {
        this(train, validation, test, sampler, null);
    }

    /** The same splits, remembering the knowledge graph they come from (for ranking metrics). */
    public DatasetSplits withKnowledgeGraph(TripleDataset kg) {
        return new DatasetSplits(train, validation, test, sampler, kg, heldOut);
    }

    /** Draws the training examples of one epoch, given the output block's settings. */
    @FunctionalInterface
    public interface EpochSampler {
        Dataset sample(int epoch, Map<String, Object> outputSettings);
    }

    /**
     * Holds out {@code fraction} of the training examples (shuffled with {@code seed}) as the validation set,
     * instead of the dataset's own. Datasets that draw examples per epoch keep their own split. Splits that were
     * already held out this way are returned as they are, so the data a run was prepared with and the data it
     * trains on are the same whoever applies the settings (evaluation and inspection see the run's own validation
     * examples); held out with other settings, they cannot be split again.
     */
    public DatasetSplits resplit(double fraction, long seed) {
        if (heldOut != null) {
            if (heldOut.fraction() != fraction || heldOut.seed() != seed) {
                throw new IllegalStateException("the validation examples were held out with " + heldOut
                        + ", not with the share " + fraction + " and seed " + seed);
            }
            return this;
        }
        if (fraction <= 0 || sampler != null) {
            return this;
        }
        Dataset shuffled = train.shuffled(new Random(seed));
        int held = Math.max(1, (int) Math.round(shuffled.size() * fraction));
        if (held >= shuffled.size()) {
            return this;
        }
        return new DatasetSplits(shuffled.range(held, shuffled.size()), shuffled.range(0, held), test, null, knowledgeGraph,
                new HeldOut(fraction, seed));
    }

    /** The training examples for {@code epoch}: fresh from the sampler, or the fixed training set. */
    public Dataset trainFor(int epoch, Map<String, Object> outputSettings) {
        return sampler == null ? train : sampler.sample(epoch, outputSettings);
    }
}
