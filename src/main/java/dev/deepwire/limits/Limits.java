package dev.deepwire.limits;

import java.util.Locale;

/**
 * The sizes DeepWire reads at most, in one place (listed for users in docs/reliability.md, "Limits"). Each
 * refusal names the limit, its value and the file, so nothing is read until memory runs out.
 */
public final class Limits {
    /** A project file ({@code .dwproj}); real projects are a few kilobytes. */
    public static final long PROJECT_FILE_BYTES = 32L << 20;
    /** A data file as stored, and a gzip data file once decompressed. */
    public static final long DATA_FILE_BYTES = 512L << 20;
    /**
     * A run's {@code metrics.csv}: about 30 bytes a row, so a million logged steps (ten million steps at the default
     * logging); the window reads it as Compare and Runs… open, and a 100 MB file had held the window for seconds and
     * gigabytes.
     */
    public static final long METRICS_FILE_BYTES = 32L << 20;
    /** One line of a data file, in characters. */
    public static final int LINE_CHARS = 1 << 20;
    /** {@code dataset.classes}: label values of a CSV dataset. */
    public static final int CLASSES = 1_000_000;
    /** {@code dataset.length}: tokens per example of a text dataset. */
    public static final int SEQUENCE_LENGTH = 100_000;
    /** Distinct tokens of a text dataset, entities or relations of a triples dataset. */
    public static final int VOCABULARY = 5_000_000;
    /** Tokens in all lines of a text dataset together. */
    public static final long TEXT_TOKENS = 20_000_000L;
    /** Examples (data lines or rows) in one data file. */
    public static final int EXAMPLES = 5_000_000;
    /** Values in one array built from a data file (examples × features, examples × classes, …): 1 GB of floats. */
    public static final long ARRAY_ELEMENTS = 250_000_000L;
    /** One entry of a model zip once decompressed (configuration or parameters). */
    public static final long MODEL_ENTRY_BYTES = 4L << 30;
    /** A model's configuration (JSON) inside its zip. */
    public static final long MODEL_CONFIG_BYTES = 64L << 20;
    /**
     * All entries of a model zip together once decompressed: its configuration, its parameters and its optimizer's
     * state (each within its own limit). A zip's entries may share their compressed bytes, so a file of a few hundred
     * KB can claim terabytes in entries each within the limit for one.
     */
    public static final long MODEL_TOTAL_BYTES = 2 * MODEL_ENTRY_BYTES + MODEL_CONFIG_BYTES;
    /** Entries in a model zip: DL4J writes a handful (configuration, parameters, optimizer state, normalizer). */
    public static final int MODEL_ENTRIES = 64;

    private Limits() {
    }

    /** A size for messages: bytes, KB, MB or GB. */
    public static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", n / (double) (1L << 20));
        }
        if (n >= 1L << 10) {
            return String.format(Locale.ROOT, "%.0f KB", n / (double) (1L << 10));
        }
        return n + " bytes";
    }
}
