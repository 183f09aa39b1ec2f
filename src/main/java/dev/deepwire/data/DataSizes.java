package dev.deepwire.data;

import dev.deepwire.limits.Limits;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.limits.TrainingMemory;

/**
 * Sizes taken from a project's dataset settings or counted in its files, checked against {@link Limits} before
 * arrays are made: an absurd {@code dataset.classes} or a file with millions of long rows is refused with the
 * limit instead of running out of memory.
 */
final class DataSizes {
    /** The share of a file-backed dataset's examples kept for validation when {@code validationFraction} is left out. */
    static final double VALIDATION_FRACTION = 0.1;
    /** The seed of a file-backed dataset's split when {@code seed} is left out. */
    static final long SEED = 7;

    private DataSizes() {
    }

    /** A setting between {@code min} and {@code max}, or a refusal naming both. */
    static int setting(String name, int value, int min, int max) throws DataException {
        if (value < min || value > max) {
            throw new DataException("dataset." + name + " must be between " + min + " and " + String.format("%,d", max)
                    + " (DeepWire's limit); got " + value);
        }
        return value;
    }

    /** A count found in a file (distinct tokens, labels, entities) within {@code max}. */
    static void count(String file, String what, long count, long max) throws DataException {
        if (count > max) {
            throw new DataException(file + " has " + String.format("%,d", count) + " " + what + "; the limit is "
                    + String.format("%,d", max));
        }
    }

    /**
     * An array of {@code rows × width} floats fits: at most {@link Limits#ARRAY_ELEMENTS} values, and a third of the
     * heap training has (the data is copied once into the native arrays ND4J trains on), {@link TrainingMemory}.
     */
    static void array(String file, String what, long rows, long width) throws DataException {
        long elements = Math.multiplyHigh(rows, width) != 0 ? Long.MAX_VALUE : rows * width;
        long limit = Math.min(Limits.ARRAY_ELEMENTS, TrainingMemory.judged() / 3 / Float.BYTES);
        if (elements > limit) {
            throw new DataException(file + ": " + what + " would be " + String.format("%,d", rows) + " × "
                    + String.format("%,d", width) + " values (" + Limits.bytes(elements > Long.MAX_VALUE / 4
                    ? Long.MAX_VALUE : elements * 4) + "); the limit is " + String.format("%,d", limit) + " values (" + Limits.bytes(limit * Float.BYTES)
                    + "); use fewer examples or smaller sizes, or " + TrainingMemory.raise());
        }
    }

    /**
     * The settings a file-backed dataset (CSV, text classes) ends its checks with: the validation fraction, the seed,
     * and the file last, so that a setting typed wrong is named while the file is still to be chosen.
     */
    static void fractionSeedAndFile(DatasetSpec spec, String file) throws DataException {
        double fraction = spec.doubleParam("validationFraction", VALIDATION_FRACTION); // text ("0.5") refused by name
        if (!(fraction > 0 && fraction < 1)) {
            throw new DataException("dataset.validationFraction must be between 0 and 1; got " + fraction);
        }
        spec.longParam("seed", SEED);
        Object fileName = spec.params().get("file");
        if (!(fileName instanceof String name) || name.isBlank()) {
            throw new DataException("dataset.file must name the " + file + " (relative to the project's folder)");
        }
    }
}
