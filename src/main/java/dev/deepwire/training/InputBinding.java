package dev.deepwire.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The data as the network's inputs take it, wherever data meets the network (training and validate, the training
 * process, sweeps, evaluation, the editor's data check, a kept model opened for inspection, exported Java):
 * <ul>
 *   <li>each of the dataset's inputs goes to the input block that takes it: input blocks are the network's inputs in
 *       the order they were added, and a cross-modal network built from scratch with the caption's Token sequence added
 *       before the image rows' Sequence-of-vectors input had the image fed to the caption ("sequences have length ?").
 *       Where the dataset's order does not fit the blocks and exactly one other order does, that order is taken; where
 *       several would (two id inputs of one count), the dataset's own order stands;</li>
 *   <li>an image input of c × h × w given rows of c·h·w values (a CSV of pixels, such as the digits' 64 values of an
 *       8 × 8 grey image) takes each row as that image — channels first, then row by row, the order its sizes are
 *       listed in; a CSV of pixels had been refused with "set the input's sizes to 64";</li>
 *   <li>an image input of c × h × w given a sequence of its h rows, each row's c·w pixels the features (the
 *       digits-caption data, made for a Sequence-of-vectors input), takes the rows back as the image: a network that
 *       cuts the image into patches itself (Image patches) trains on that data as it is; it had been refused with
 *       "set the input's sizes to 8 × 8", which no image input can be set to.</li>
 * </ul>
 * Anything else is left as it is, for {@link DataBinding#problems} to judge.
 */
public final class InputBinding {
    private InputBinding() {
    }

    /** Every split bound to the network's inputs (a dataset that draws its examples each epoch is left as it is). */
    public static DatasetSplits bind(CompiledNetwork net, DatasetSplits data) {
        return bind(shapes(net), data);
    }

    /** One split bound to the network's inputs. */
    public static Dataset bind(CompiledNetwork net, Dataset data) {
        return bind(shapes(net), data);
    }

    /** The network's inputs' shapes, in its order (what exported code binds with). */
    public static List<TensorShape> shapes(CompiledNetwork net) {
        return net.inputs().stream().map(CompiledNetwork.Input::shape).toList();
    }

    /** {@link #bind(CompiledNetwork, DatasetSplits)} with the inputs' shapes given. */
    public static DatasetSplits bind(List<TensorShape> inputs, DatasetSplits data) {
        if (data == null || data.sampler() != null) {
            return data; // drawn per epoch (link prediction): ids in the sampler's own order
        }
        Dataset train = bind(inputs, data.train());
        Dataset validation = bind(inputs, data.validation());
        Dataset test = bind(inputs, data.test());
        return train == data.train() && validation == data.validation() && test == data.test() ? data
                : new DatasetSplits(train, validation, test, data.sampler(), data.knowledgeGraph(), data.heldOut());
    }

    /** {@link #bind(CompiledNetwork, Dataset)} with the inputs' shapes given. */
    public static Dataset bind(List<TensorShape> inputs, Dataset data) {
        if (data == null || data.features().length != inputs.size()) {
            return data;
        }
        int[] order = order(inputs, data.features());
        Dataset ordered = order == null ? data : data.reordered(order);
        INDArray[] features = ordered.features().clone();
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            TensorShape s = inputs.get(i);
            INDArray f = features[i];
            if (s.kind() == PortKind.IMAGE && f.rank() == 2 && f.size(1) == s.elements()) {
                List<Integer> d = s.dims();
                features[i] = f.dup('c').reshape('c', f.size(0), d.get(0), d.get(1), d.get(2));
                changed = true;
            } else if (s.kind() == PortKind.IMAGE && imageRows(s, f)) {
                List<Integer> d = s.dims(); // [b, c·w, h]: feature ch·w + x of position y is pixel (ch, y, x)
                features[i] = f.dup('c').reshape('c', f.size(0), d.get(0), d.get(2), d.get(1)).permute(0, 1, 3, 2).dup('c');
                changed = true;
            }
        }
        return changed ? ordered.withFeatures(features) : ordered;
    }

    /**
     * Which of the dataset's inputs each input block takes, or null to keep the dataset's order: the one order in
     * which every input's array fits its block exactly (kind and sizes), else the one in which every array is of its
     * block's kind (its sizes for the block's quick fixes to set) — where the dataset's own order is not such an order.
     */
    static int[] order(List<TensorShape> inputs, INDArray[] features) {
        int n = inputs.size();
        if (n < 2 || n > 6) {
            return null;
        }
        for (boolean exact : new boolean[] {true, false}) {
            int[] identity = new int[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
            }
            if (fits(inputs, features, identity, exact)) {
                return null;
            }
            List<int[]> fitting = new ArrayList<>();
            permutations(identity, 0, p -> {
                if (fits(inputs, features, p, exact)) {
                    fitting.add(p.clone());
                }
            });
            if (fitting.size() == 1) {
                return fitting.get(0);
            }
            if (fitting.size() > 1) {
                return null; // more than one order fits: the dataset's stands
            }
        }
        return null;
    }

    private static boolean fits(List<TensorShape> inputs, INDArray[] features, int[] order, boolean exact) {
        for (int i = 0; i < inputs.size(); i++) {
            if (!fits(inputs.get(i), features[order[i]], exact)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an array of examples is of the input's kind ({@code exact}: and of its sizes). */
    static boolean fits(TensorShape s, INDArray f, boolean exact) {
        List<Integer> d = s.dims();
        return switch (s.kind()) {
            case TOKEN_IDS -> f.rank() == 2 && (!exact || f.size(1) == d.get(0));
            case ID -> f.rank() == 2 && f.size(1) == 1;
            case VECTOR -> f.rank() == 2 && (!exact || f.size(1) == d.get(0));
            case SEQUENCE -> f.rank() == 3 && (!exact || f.size(1) == d.get(0) && f.size(2) == d.get(1));
            case IMAGE -> f.rank() == 4 && (!exact || f.size(1) == d.get(0) && f.size(2) == d.get(1) && f.size(3) == d.get(2))
                    || f.rank() == 2 && (!exact || f.size(1) == s.elements()) || f.rank() == 3 && (!exact || imageRows(s, f));
        };
    }

    /**
     * The image c × h × w a sequence of {@code length} rows of {@code features} values each is read as: its rows the
     * height, each row's values channels × width — the input's channels kept where they divide the row, else one.
     * A sequence of image rows that did not fit the input had been told "set the input's sizes to 8 × 8", which no
     * image input can be set to.
     */
    static long[] imageOfRows(TensorShape image, long features, long length) {
        long c = features % image.dims().get(0) == 0 ? image.dims().get(0) : 1;
        return new long[] {c, length, features / c};
    }

    /** Whether f is a sequence of the image's rows: [b, c·w, h], each position one row of c·w pixels. */
    private static boolean imageRows(TensorShape image, INDArray f) {
        List<Integer> d = image.dims();
        return f.rank() == 3 && f.size(2) == d.get(1) && f.size(1) == (long) d.get(0) * d.get(2);
    }

    private static void permutations(int[] a, int from, java.util.function.Consumer<int[]> each) {
        if (from == a.length) {
            each.accept(a);
            return;
        }
        for (int i = from; i < a.length; i++) {
            swap(a, from, i);
            permutations(a, from + 1, each);
            swap(a, from, i);
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
