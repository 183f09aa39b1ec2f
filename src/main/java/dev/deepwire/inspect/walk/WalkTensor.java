package dev.deepwire.inspect.walk;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One example's tensor on a wire or at a block's port, copied off the network: its DL4J vertex, its shape without the
 * batch axis, its values (row-major) and their min, max and mean. Sequences keep DL4J's layout {@code [features, time]}.
 *
 * @param name   which wire or port it is, by block ids, e.g. {@code embed.out → pos.in} (a key, not shown)
 * @param vertex the DL4J vertex whose activation it is
 * @param shown  what it is called where the user sees it: by the blocks' names, as the canvas and the inspector name
 *               them, e.g. {@code Token embedding.out → Positions.in}
 */
public record WalkTensor(String name, String vertex, long[] shape, float[] values, double min, double max, double mean,
                         String shown) {

    /** Example 0 of {@code batch} (a batch of one, as the walk-through runs), called by its key. */
    public static WalkTensor of(String name, String vertex, INDArray batch) {
        return of(name, name, vertex, batch);
    }

    /** Example 0 of {@code batch}: {@code name} is its key, {@code shown} what the user reads. */
    public static WalkTensor of(String name, String shown, String vertex, INDArray batch) {
        INDArray one = batch.rank() == 1 ? batch : batch.slice(0);
        float[] values = one.castTo(DataType.FLOAT).dup('c').data().asFloat();
        long[] shape = one.rank() == 0 ? new long[] {1} : one.shape();
        if (values.length == 0) {
            return new WalkTensor(name, vertex, shape, values, 0, 0, 0, shown);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        return new WalkTensor(name, vertex, shape, values, min, max, sum / values.length, shown);
    }

    /** Whether it is a sequence {@code [features, time]}. */
    public boolean isSequence() {
        return shape.length == 2;
    }

    /** The shape as the canvas writes it, e.g. {@code 64 × 24}. */
    public String shapeText() {
        return String.join(" × ", Arrays.stream(shape).mapToObj(Long::toString).toList());
    }

    /**
     * The values as a picture's rows: a sequence as positions × features (one row per position), an image as its
     * first channel (rows × columns), anything else as one row.
     */
    public float[][] grid() {
        if (shape.length == 2) {
            int d = (int) shape[0];
            int t = (int) shape[1];
            float[][] g = new float[t][d];
            for (int f = 0; f < d; f++) {
                for (int p = 0; p < t; p++) {
                    g[p][f] = values[f * t + p];
                }
            }
            return g;
        }
        if (shape.length == 3) {
            int h = (int) shape[1];
            int w = (int) shape[2];
            float[][] g = new float[h][w];
            for (int r = 0; r < h; r++) {
                System.arraycopy(values, r * w, g[r], 0, w);
            }
            return g;
        }
        return new float[][] {values.clone()};
    }

    /** A sequence's vector at one position (its features), or the whole tensor when it is not a sequence. */
    public float[] at(int position) {
        if (!isSequence()) {
            return values.clone();
        }
        int d = (int) shape[0];
        int t = (int) shape[1];
        float[] v = new float[d];
        for (int f = 0; f < d; f++) {
            v[f] = values[f * t + Math.min(position, t - 1)];
        }
        return v;
    }

    /** The number of positions of a sequence or token ids (1 for anything else). */
    public int positions() {
        return shape.length == 2 ? (int) shape[1] : shape.length == 1 ? (int) shape[0] : 1;
    }
}
