package dev.deepwire.inspect;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import smile.manifold.TSNE;
import smile.math.MathEx;

/**
 * A table's rows placed in 2-D: PCA (ND4J's eigen-decomposition of the covariance) on the two directions of largest variance, or t-SNE (Smile's,
 * exact) for neighbourhoods. t-SNE keeps {@code n × n} matrices, so a table with more than {@link #TSNE_ROWS}
 * rows is drawn from every k-th row, and the note says so.
 *
 * @param xy     the position of each drawn row
 * @param rows   which table row each point is
 * @param method {@code pca} or {@code tsne}
 * @param note   what the picture is, in words (explained variance, rows drawn)
 */
public record Projection(double[][] xy, int[] rows, String method, String note) {
    public static final int TSNE_ROWS = 1500;
    static final int TSNE_ITERATIONS = 500;

    public enum Method {
        PCA, TSNE;

        /** {@code pca} or {@code tsne}, as the command line takes it. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Projection of(float[][] table, Method method) {
        return method == Method.PCA ? pca(table) : tsne(table, 42);
    }

    /** Each row's coordinates along the two principal directions (centred; a sign chosen so the result is stable). */
    public static Projection pca(float[][] table) {
        requireRows(table, 2, "PCA");
        INDArray a = Nd4j.create(table).castTo(DataType.DOUBLE);
        INDArray centred = a.subRowVector(a.mean(0));
        double[][] axes = principalAxes(table, 2);
        INDArray factor = Nd4j.create(axes).transpose(); // [d, 2]
        double[][] xy = centred.mmul(factor).toDoubleMatrix();
        double total = centred.mul(centred).sumNumber().doubleValue();
        double shown = 0;
        for (double[] p : xy) {
            shown += p[0] * p[0] + p[1] * p[1];
        }
        String note = String.format(Locale.ROOT, "PCA: the two principal directions hold %.0f%% of the variance",
                total > 0 ? 100 * shown / total : 0);
        return new Projection(xy, all(table.length), "pca", note);
    }

    /**
     * The {@code k} principal directions of the rows, largest variance first, each a unit vector whose largest
     * component is positive (eigenvectors have no sign of their own).
     */
    public static double[][] principalAxes(float[][] table, int k) {
        INDArray a = Nd4j.create(table).castTo(DataType.DOUBLE);
        INDArray centred = a.subRowVector(a.mean(0));
        INDArray covariance = centred.transpose().mmul(centred).divi(Math.max(1, table.length - 1)).dup('c');
        // Eigen-decomposition of the symmetric covariance: values returned, vectors written over the matrix.
        double[] values = Eigen.symmetricGeneralizedEigenvalues(covariance, true).toDoubleVector();
        double[][] vectors = covariance.toDoubleMatrix(); // columns are eigenvectors
        int d = vectors.length;
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[][] out = new double[Math.min(k, d)][d];
        for (int j = 0; j < out.length; j++) {
            int col = order[j];
            int largest = 0;
            for (int i = 0; i < d; i++) {
                out[j][i] = vectors[i][col];
                if (Math.abs(out[j][i]) > Math.abs(out[j][largest])) {
                    largest = i;
                }
            }
            if (out[j][largest] < 0) {
                for (int i = 0; i < d; i++) {
                    out[j][i] = -out[j][i];
                }
            }
        }
        return out;
    }

    /** t-SNE of the rows (of every k-th row of a large table), seeded, so the same table gives the same picture. */
    public static Projection tsne(float[][] table, long seed) {
        requireRows(table, 4, "t-SNE");
        int[] rows = sampled(table.length);
        int step = rows.length > 1 ? rows[1] - rows[0] : 1;
        double[][] x = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            x[i] = new double[table[rows[i]].length];
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = table[rows[i]][j];
            }
        }
        double perplexity = Math.min(30, (rows.length - 1) / 3.0);
        MathEx.setSeed(seed);
        TSNE t = new TSNE(x, 2, perplexity, 200, TSNE_ITERATIONS);
        String note = step == 1 ? String.format(Locale.ROOT, "t-SNE of %d rows, perplexity %.0f", rows.length, perplexity)
                : String.format(Locale.ROOT, "t-SNE of every %s row: %d of %d rows, perplexity %.0f",
                        ordinal(step), rows.length, table.length, perplexity);
        return new Projection(t.coordinates, rows, "tsne", note);
    }

    /** The rows t-SNE draws from a table of {@code n}: all, or every k-th so that at most {@link #TSNE_ROWS}. */
    static int[] sampled(int n) {
        int step = (n + TSNE_ROWS - 1) / TSNE_ROWS;
        int[] rows = new int[(n + step - 1) / step];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i * step;
        }
        return rows;
    }

    private static String ordinal(int n) {
        return n == 2 ? "2nd" : n == 3 ? "3rd" : n + "th";
    }

    private static void requireRows(float[][] table, int least, String method) {
        if (table.length < least) {
            throw new IllegalArgumentException(method + " needs at least " + least + " rows; this table has " + table.length);
        }
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
