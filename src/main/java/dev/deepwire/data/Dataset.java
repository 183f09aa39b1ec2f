package dev.deepwire.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Examples held in memory: one feature array per network input (with an optional padding mask) and
 * one label array per output, all with the example count as first dimension.
 */
public final class Dataset {
    private final INDArray[] features;
    private final INDArray[] featureMasks;
    private final INDArray[] labels;
    private final List<String> labelNames;
    private List<List<String>> inputNames = List.of();

    public Dataset(INDArray[] features, INDArray[] featureMasks, INDArray[] labels, List<String> labelNames) {
        this.features = features;
        this.featureMasks = featureMasks;
        this.labels = labels;
        this.labelNames = List.copyOf(labelNames);
        long n = features[0].size(0);
        for (INDArray a : features) {
            check(a, n);
        }
        for (INDArray a : labels) {
            check(a, n);
        }
    }

    private static void check(INDArray a, long n) {
        if (a.size(0) != n) {
            throw new IllegalArgumentException("all arrays need " + n + " examples; one has " + a.size(0));
        }
    }

    public int size() {
        return (int) features[0].size(0);
    }

    public INDArray[] features() {
        return features;
    }

    public INDArray[] featureMasks() {
        return featureMasks;
    }

    public INDArray[] labels() {
        return labels;
    }

    /** Readable names of the classes (e.g. token characters), for reports and heatmap axes. */
    public List<String> labelNames() {
        return labelNames;
    }

    /**
     * Readable names for input {@code i}: token names by id for token inputs, position names for
     * sequences of vectors (e.g. image rows). Falls back to the label names for a dataset without them
     * (the marker task, whose labels are its tokens).
     */
    public List<String> inputNames(int i) {
        return i < inputNames.size() && inputNames.get(i) != null ? inputNames.get(i) : labelNames;
    }

    /**
     * The names the data itself gives input {@code i} (an id input's entities or relations, a token input's
     * vocabulary), or null where it gives none ({@link #inputNames} then falls back to the label names).
     */
    public List<String> ownInputNames(int i) {
        return i < inputNames.size() ? inputNames.get(i) : null;
    }

    /** The same examples without their labels (typed input, which has none), its inputs' names kept. */
    public Dataset withoutLabels() {
        Dataset d = new Dataset(features, featureMasks, new INDArray[0], labelNames);
        d.inputNames = inputNames;
        return d;
    }

    /** The same dataset with names for its inputs (see {@link #inputNames}). */
    public Dataset withInputNames(List<List<String>> names) {
        Dataset d = new Dataset(features, featureMasks, labels, labelNames);
        d.inputNames = Collections.unmodifiableList(new ArrayList<>(names));
        return d;
    }

    /** The same examples with other arrays for their inputs (the same count each), labels, masks and names kept. */
    public Dataset withFeatures(INDArray[] others) {
        Dataset d = new Dataset(others, featureMasks, labels, labelNames);
        d.inputNames = inputNames;
        return d;
    }

    /** The same examples with their inputs in another order: input {@code i} is this one's {@code order[i]}. */
    public Dataset reordered(int[] order) {
        INDArray[] f = new INDArray[order.length];
        INDArray[] m = featureMasks == null ? null : new INDArray[order.length];
        List<List<String>> names = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            f[i] = features[order[i]];
            if (m != null) {
                m[i] = featureMasks[order[i]];
            }
            names.add(order[i] < inputNames.size() ? inputNames.get(order[i]) : null);
        }
        Dataset d = new Dataset(f, m, labels, labelNames);
        d.inputNames = Collections.unmodifiableList(names);
        return d;
    }

    /** Splits into batches, shuffled by {@code random} when given, each batch a copy ready to fit. */
    public List<MultiDataSet> batches(int batchSize, Random random) {
        int n = size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (random != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        List<MultiDataSet> out = new ArrayList<>();
        INDArray[] rowsOfFeatures = rows(features);
        INDArray[] rowsOfLabels = rows(labels);
        INDArray[] rowsOfMasks = featureMasks == null ? null : rows(featureMasks);
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            INDArray idx = Nd4j.createFromArray(Arrays.copyOfRange(order, start, end));
            out.add(new org.nd4j.linalg.dataset.MultiDataSet(pick(rowsOfFeatures, features, idx),
                    pick(rowsOfLabels, labels, idx), featureMasks == null ? null : pick(rowsOfMasks, featureMasks, idx),
                    null));
            idx.close();
        }
        for (INDArray[][] pair : new INDArray[][][] {{rowsOfFeatures, features}, {rowsOfLabels, labels},
                {rowsOfMasks, featureMasks}}) {
            closeCopies(pair[0], pair[1]);
        }
        return out;
    }

    /** Closes the [n, rest] copies {@link #rows} made (not the arrays it passed through). */
    private static void closeCopies(INDArray[] rows, INDArray[] original) {
        for (int i = 0; rows != null && i < rows.length; i++) {
            if (rows[i] != null && rows[i] != original[i] && rows[i].closeable()) {
                rows[i].close();
            }
        }
    }

    /**
     * Frees the native memory of a batch made by {@link #batches} once it has been used (it is a copy, never a
     * view of the dataset). ND4J would free it only when a garbage collection happens to find the Java object,
     * so without this a long run's resident memory grows by a copy of the training set every epoch.
     */
    public static void release(MultiDataSet batch) {
        close(batch.getFeatures());
        close(batch.getLabels());
        close(batch.getFeaturesMaskArrays());
        close(batch.getLabelsMaskArrays());
    }

    private static void close(INDArray[] arrays) {
        if (arrays != null) {
            for (INDArray a : arrays) {
                if (a != null && a.closeable()) {
                    a.close();
                }
            }
        }
    }

    /** Each array as [n, rest] rows in 'c' order (rank ≤ 2 as it is), so a batch is one row pick. */
    private static INDArray[] rows(INDArray[] arrays) {
        INDArray[] out = new INDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            INDArray a = arrays[i];
            out[i] = a == null || a.rank() <= 2 ? a : a.dup('c').reshape('c', a.size(0), a.length() / a.size(0));
        }
        return out;
    }

    private static INDArray[] pick(INDArray[] rows, INDArray[] original, INDArray idx) {
        INDArray[] out = new INDArray[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                continue;
            }
            int[] which = idx.toIntVector();
            if (original[i].rank() <= 2) {
                out[i] = Nd4j.pullRows(rows[i], 1, which);
                continue;
            }
            long[] shape = original[i].shape().clone();
            shape[0] = which.length;
            INDArray picked = Nd4j.create(original[i].dataType(), shape, 'c'); // owns its buffer: closeable
            Nd4j.pullRows(rows[i], picked.reshape('c', which.length, rows[i].size(1)), 1, which);
            out[i] = picked;
        }
        return out;
    }

    /** The same examples in an order drawn from {@code random}. */
    public Dataset shuffled(Random random) {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        INDArray idx = Nd4j.createFromArray(order);
        return new Dataset(pick(rows(features), features, idx),
                featureMasks == null ? null : pick(rows(featureMasks), featureMasks, idx), pick(rows(labels), labels, idx),
                labelNames)
                .withInputNames(inputNames);
    }

    /** The first {@code count} examples, e.g. a fixed probe batch. */
    public Dataset head(int count) {
        int c = Math.min(count, size());
        return new Dataset(slice(features, 0, c), featureMasks == null ? null : slice(featureMasks, 0, c),
                slice(labels, 0, c), labelNames).withInputNames(inputNames);
    }

    /** Examples {@code [from, to)} as a new dataset. */
    public Dataset range(int from, int to) {
        return new Dataset(slice(features, from, to), featureMasks == null ? null : slice(featureMasks, from, to),
                slice(labels, from, to), labelNames).withInputNames(inputNames);
    }

    private static INDArray[] slice(INDArray[] arrays, int from, int to) {
        INDArray[] out = new INDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = arrays[i] == null ? null : arrays[i].get(NDArrayIndex.interval(from, to)).dup();
        }
        return out;
    }

}
