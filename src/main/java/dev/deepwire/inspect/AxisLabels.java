package dev.deepwire.inspect;

import dev.deepwire.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Readable names along a heatmap's axes: the tokens of an example, or the positions of a sequence. */
public final class AxisLabels {
    private AxisLabels() {
    }

    public static List<String> of(Dataset data, int input, int example) {
        INDArray f = data.features()[input];
        List<String> names = data.inputNames(input);
        List<String> out = new ArrayList<>();
        if (f.rank() == 2) { // token ids
            for (long t = 0; t < f.size(1); t++) {
                int id = (int) f.getDouble(example, t);
                out.add(id >= 0 && id < names.size() ? names.get(id) : String.valueOf(id));
            }
        } else if (f.rank() == 3) { // a sequence of vectors: its positions
            for (int t = 0; t < f.size(2); t++) {
                out.add(t < names.size() ? names.get(t) : "t" + t);
            }
        } // an image has no positions of its own: a sequence made of it (patches) is named by positions()
        return out;
    }

    /**
     * The names along an axis of {@code count} positions that come from input {@code input}: the input's own (its
     * tokens, its positions' names) where there are that many, else t0, t1, … — a sequence cut from an image into
     * patches had been labelled with the image rows' names of the data it was given (8 of them over 16 patches).
     */
    public static List<String> of(Dataset data, int input, int example, int count) {
        List<String> own = of(data, input, example);
        if (own.size() == count) {
            return own;
        }
        INDArray f = data.features()[input];
        return f.rank() == 4 && count > 1 ? patches((int) f.size(2), (int) f.size(3), count) : positions(count);
    }

    /**
     * The names of the {@code count} patches an h × w image is cut into, read row by row: "r0 c0", "r0 c1", … (the
     * patch's row and column in the grid); t0, t1, … where no square patch size cuts the image into that many. The
     * heatmap over an image's patches had read t0 … t15, which patch t6 was left to work out.
     */
    static List<String> patches(int h, int w, int count) {
        for (int p = 1; p <= Math.min(h, w); p++) {
            if (h % p == 0 && w % p == 0 && (long) (h / p) * (w / p) == count) {
                List<String> out = new ArrayList<>();
                for (int t = 0; t < count; t++) {
                    out.add("r" + t / (w / p) + " c" + t % (w / p));
                }
                return out;
            }
        }
        return positions(count);
    }

    /** A heatmap's query names: {@code own} where they are {@code count}, "learned query" for attention pooling's one. */
    public static List<String> queries(List<String> own, int count) {
        return own.size() == count ? own : count == 1 ? List.of("learned query") : positions(count);
    }

    /** t0, t1, … t(count − 1). */
    public static List<String> positions(int count) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            out.add("t" + t);
        }
        return out;
    }

    /** Whether input {@code i} is read as words (its vocabulary has multi-character tokens) rather than characters. */
    public static boolean wordTokens(Dataset data, int input) {
        return data.inputNames(input).stream().skip(2).anyMatch(s -> s.codePointCount(0, s.length()) > 1);
    }
}
