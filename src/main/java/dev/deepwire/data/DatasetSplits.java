package dev.deepwire.data;

/** Training and validation examples (and test examples where a sample defines them). */
public record DatasetSplits(Dataset train, Dataset validation, Dataset test) {
}
