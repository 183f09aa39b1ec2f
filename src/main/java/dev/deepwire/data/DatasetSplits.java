package dev.deepwire.data;

import java.util.Map;
import java.util.Random;

/**
 * Training and validation examples (and test examples where a sample defines them). A dataset that
 * draws fresh training examples each epoch (negative sampling for link prediction) has a sampler.
 */
public record DatasetSplits(Dataset train, Dataset validation, Dataset test, EpochSampler sampler,
                            TripleDataset knowledgeGraph) {

    public DatasetSplits(Dataset train, Dataset validation, Dataset test) {
        this(train, validation, test, null, null);
    }

    public DatasetSplits(Dataset train, Dataset validation, Dataset test, EpochSampler sampler) {
        this(train, validation, test, sampler, null);
    }

    /** The same splits, remembering the knowledge graph they come from (for ranking metrics). */
    public DatasetSplits withKnowledgeGraph(TripleDataset kg) {
        return new DatasetSplits(train, validation, test, sampler, kg);
    }

    /** Draws the training examples of one epoch, given the output block's settings. */
    @FunctionalInterface
    public interface EpochSampler {
        Dataset sample(int epoch, Map<String, Object> outputSettings);
    }

    /**
     * Holds out {@code fraction} of the training examples (shuffled with {@code seed}) as the validation set,
     * instead of the dataset's own. Datasets that draw examples per epoch keep their own split.
     */
    public DatasetSplits resplit(double fraction, long seed) {
        if (fraction <= 0 || sampler != null) {
            return this;
        }
        Dataset shuffled = train.shuffled(new Random(seed));
        int held = Math.max(1, (int) Math.round(shuffled.size() * fraction));
        if (held >= shuffled.size()) {
            return this;
        }
        return new DatasetSplits(shuffled.range(held, shuffled.size()), shuffled.range(0, held), test, null, knowledgeGraph);
    }

    /** The training examples for {@code epoch}: fresh from the sampler, or the fixed training set. */
    public Dataset trainFor(int epoch, Map<String, Object> outputSettings) {
        return sampler == null ? train : sampler.sample(epoch, outputSettings);
    }
}
