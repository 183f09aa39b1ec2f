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
        } else { // a sequence of vectors: its positions
            for (int t = 0; t < f.size(2); t++) {
                out.add(t < names.size() ? names.get(t) : "t" + t);
            }
        }
        return out;
    }

    /** Whether input {@code i} is read as words (its vocabulary has multi-character tokens) rather than characters. */
    public static boolean wordTokens(Dataset data, int input) {
        return data.inputNames(input).stream().skip(2).anyMatch(s -> s.codePointCount(0, s.length()) > 1);
    }
}
