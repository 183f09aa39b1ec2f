package dev.deepwire.inspect.walk;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What an output block's activation predicts for one example, against its label. */
final class Predictions {
    private Predictions() {
    }

    /**
     * @param output the block's activation for the example (probabilities, or a regression's values)
     * @param label  the example's label for that output (null when there is none)
     * @param names  class names (used when there is one per class)
     * @param position for per-step outputs, the position read
     */
    static Prediction of(String blockType, WalkTensor output, INDArray label, List<String> names, int position) {
        float[] p = output.at(position);
        float[] truth = label == null ? null : truthAt(label, output.isSequence(), position);
        if (blockType.equals("regression_output")) {
            return new Prediction(Numbers.vector(p), Double.NaN, truth == null ? null : Numbers.vector(truth),
                    truth != null && close(p, truth), "regression");
        }
        if (p.length == 1 && !blockType.equals("softmax_output") && !blockType.equals("sequence_softmax_output")) {
            boolean yes = p[0] >= 0.5;
            String t = truth == null ? null : truth[0] >= 0.5 ? "1" : "0";
            boolean link = blockType.equals("link_prediction_output");
            return new Prediction(yes ? (link ? "1 (a true triple)" : "1") : (link ? "0 (not a triple)" : "0"),
                    yes ? p[0] : 1 - p[0], t, t != null && t.equals(yes ? "1" : "0"), "binary");
        }
        int best = argmax(p);
        String truthName = null;
        boolean correct = false;
        if (truth != null) {
            // One-hot labels, or (1-N link ranking) the true class's id.
            int t = truth.length == 1 && p.length > 1 ? Math.round(truth[0]) : argmax(truth);
            truthName = name(t, names);
            correct = t == best;
        }
        return new Prediction(name(best, names), probabilities(p)[best], truthName, correct, "classes");
    }

    /** The values themselves when they are probabilities (a softmax output), else their softmax (raw scores). */
    static double[] probabilities(float[] p) {
        double sum = 0;
        boolean unit = true;
        double top = Double.NEGATIVE_INFINITY;
        for (float v : p) {
            sum += v;
            unit &= v >= 0 && v <= 1;
            top = Math.max(top, v);
        }
        double[] out = new double[p.length];
        if (unit && Math.abs(sum - 1) < 1e-3) {
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i];
            }
            return out;
        }
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.exp(p[i] - top);
            total += out[i];
        }
        for (int i = 0; i < p.length; i++) {
            out[i] /= total;
        }
        return out;
    }

    private static float[] truthAt(INDArray label, boolean sequence, int position) {
        INDArray one = label.slice(0).castTo(DataType.FLOAT);
        if (sequence && one.rank() == 2) {
            return one.getColumn(Math.min(position, (int) one.size(1) - 1)).toFloatVector();
        }
        return one.toFloatVector();
    }

    private static boolean close(float[] a, float[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (Math.abs(a[i] - b[i]) > 0.1 * Math.max(1, Math.abs(b[i]))) {
                return false;
            }
        }
        return true;
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String name(int i, List<String> names) {
        return i < names.size() ? names.get(i) + " (class " + i + ")" : "class " + i;
    }
}
