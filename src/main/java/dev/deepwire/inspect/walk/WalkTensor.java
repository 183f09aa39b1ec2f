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
 * @param tokens the names of its positions where they are tokens ({@link dev.deepwire.inspect.AxisLabels}, as the
 *               step's formulas and the attention inspector name them), one per position; empty otherwise
 */
public record WalkTensor(String name, String vertex, long[] shape, float[] values, double min, double max, double mean,
                         String shown, java.util.List<String> tokens) {

    public WalkTensor {
        tokens = java.util.List.copyOf(tokens);
    }

    public WalkTensor(String name, String vertex, long[] shape, float[] values, double min, double max, double mean,
                      String shown) {
        this(name, vertex, shape, values, min, max, mean, shown, java.util.List.of());
    }

    /** The same tensor with its positions named by these tokens; itself where they are not one per position. */
    public WalkTensor withTokens(java.util.List<String> names) {
        boolean fits = (shape.length == 1 || shape.length == 2) && names.size() == positions();
        return fits ? new WalkTensor(name, vertex, shape, values, min, max, mean, shown, names) : this;
    }

    /** "position 3 (<M>)": a position and, where it has one, its token's name. */
    private String position(int p) {
        return "position " + p + (p < tokens.size() ? " (" + tokens.get(p) + ")" : "");
    }

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
     * channels side by side in a near-square mosaic, left to right then down, one empty cell (NaN) between them — a
     * convolution's 8 channels had been drawn as its first alone, as if it had one — anything else as one row.
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
            int c = (int) shape[0];
            int h = (int) shape[1];
            int w = (int) shape[2];
            int across = tilesAcross();
            int down = (c + across - 1) / across;
            float[][] g = new float[down * (h + 1) - 1][across * (w + 1) - 1];
            for (float[] row : g) {
                java.util.Arrays.fill(row, Float.NaN);
            }
            for (int ch = 0; ch < c; ch++) {
                int top = ch / across * (h + 1);
                int left = ch % across * (w + 1);
                for (int r = 0; r < h; r++) {
                    System.arraycopy(values, (ch * h + r) * w, g[top + r], left, w);
                }
            }
            return g;
        }
        return new float[][] {values.clone()};
    }

    /** How {@link #grid} lays out several channels, for a picture's caption; empty for anything else. */
    public String layout() {
        return shape.length == 3 && shape[0] > 1 ? shape[0] + " channels, left to right, then down" : "";
    }

    /** How many of an image's channels {@link #grid} puts side by side: the smallest n with n² ≥ channels. */
    private int tilesAcross() {
        return (int) Math.ceil(Math.sqrt(shape[0]) - 1e-9);
    }

    /**
     * Which value the cell at {@code row}, {@code col} of {@link #grid} is, in words: "position 3, feature 5" of a
     * sequence, "channel 2, row 1, column 4" of an image (null between its channels), "[7]" of anything else.
     */
    public String where(int row, int col) {
        if (isSequence()) {
            return position(row) + ", feature " + col;
        }
        if (shape.length != 3) {
            return tokens.isEmpty() ? "[" + col + "]" : position(col) + ", token id";
        }
        int h = (int) shape[1];
        int w = (int) shape[2];
        int ch = row / (h + 1) * tilesAcross() + col / (w + 1);
        if (row % (h + 1) == h || col % (w + 1) == w || ch >= shape[0]) {
            return null;
        }
        return (shape[0] > 1 ? "channel " + ch + ", " : "") + "row " + row % (h + 1) + ", column " + col % (w + 1);
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
