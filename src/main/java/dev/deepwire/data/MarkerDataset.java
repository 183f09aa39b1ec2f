package dev.deepwire.data;

import dev.deepwire.model.DatasetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code marker} task: sequences of token ids where id 1 is a marker at a random position
 * {@code p < T−1}; the label is the token at {@code p + 1}. Ids 2..V−1 fill the other positions (0 is
 * left for padding). Fully determined by the seed, so the ground truth is known.
 */
public final class MarkerDataset {
    public static final int MARKER = 1;
    /** What a setting left out is ({@link DatasetLoader#defaults}). */
    static final int LENGTH = 24;
    static final int VOCABULARY = 32;
    static final int TRAIN = 20_000;
    static final int VALIDATION = 2_000;
    static final long SEED = 7;

    private MarkerDataset() {
    }

    public static DatasetSplits generate(DatasetSpec spec) throws DataException {
        checkSettings(spec);
        int length = spec.intParam("length", LENGTH);
        int vocab = spec.intParam("vocabulary", VOCABULARY);
        int train = spec.intParam("train", TRAIN);
        int validation = spec.intParam("validation", VALIDATION);
        long seed = spec.longParam("seed", SEED);
        Random random = new Random(seed);
        return new DatasetSplits(make(train, length, vocab, random), make(validation, length, vocab, random), null);
    }

    /** The settings as a person typed them, checked before any example is made ({@link DatasetLoader#settingProblem}). */
    static void checkSettings(DatasetSpec spec) throws DataException {
        int length = spec.intParam("length", LENGTH);
        int vocab = spec.intParam("vocabulary", VOCABULARY);
        int train = spec.intParam("train", TRAIN);
        int validation = spec.intParam("validation", VALIDATION);
        spec.longParam("seed", SEED);
        if (length < 2 || length > 4096) {
            throw new DataException("dataset.length must be between 2 and 4096; got " + length);
        }
        if (vocab < 3 || vocab > 100_000) {
            throw new DataException("dataset.vocabulary must be between 3 and 100000; got " + vocab);
        }
        if (train < 1 || validation < 1 || train + validation > 5_000_000) {
            throw new DataException("dataset.train and dataset.validation must be at least 1 and together at most "
                    + "5000000; got " + train + " and " + validation);
        }
        DataSizes.array("the marker task", "the examples", (long) train + validation, Math.max(length, vocab));
    }

    /** Examples with the marker at known positions; {@link #markerPosition} finds it again. */
    static Dataset make(int n, int length, int vocab, Random random) {
        float[][] ids = new float[n][length];
        float[][] labels = new float[n][vocab];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < length; t++) {
                ids[i][t] = 2 + random.nextInt(vocab - 2);
            }
            int p = random.nextInt(length - 1);
            ids[i][p] = MARKER;
            labels[i][(int) ids[i][p + 1]] = 1f;
        }
        INDArray features = Nd4j.createFromArray(ids).castTo(DataType.FLOAT);
        List<String> names = new ArrayList<>();
        for (int v = 0; v < vocab; v++) {
            names.add(v == 0 ? "<pad>" : v == MARKER ? "<M>" : "t" + v);
        }
        return new Dataset(new INDArray[] {features}, null, new INDArray[] {Nd4j.createFromArray(labels)}, names);
    }

    /** Where the marker is in one example's ids, or −1. */
    public static int markerPosition(INDArray ids) {
        for (int t = 0; t < ids.length(); t++) {
            if ((int) ids.getDouble(t) == MARKER) {
                return t;
            }
        }
        return -1;
    }
}
