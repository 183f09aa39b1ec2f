package dev.deepwire.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.data.TextClassDataset;
import dev.deepwire.model.PortKind;
import dev.deepwire.training.eval.EvaluationReport;
import dev.deepwire.training.eval.Evaluator;
import dev.deepwire.training.eval.PruningLab;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The window's side of evaluating and slimming a trained model, without DL4J types: the evaluation report of a
 * split, one example shown as text or as an image, and the pruning lab whose slimmed models come back as
 * {@link TrainedModel}s (copies; the model handed in is never changed).
 */
public final class ModelLab {
    private final TrainedModel original;
    private final PruningLab lab;
    private List<PruningLab.HeadImpact> ranked;

    /** A slimmed copy and what it costs and scores. */
    public record Slimmed(TrainedModel model, PruningLab.Row row) {
    }

    /**
     * A lab on {@code model}, measured on {@code validation}; {@code train} (may be null) is what fine-tuning trains on,
     * in batches of {@code batchSize}.
     */
    public ModelLab(TrainedModel model, Dataset validation, Dataset train, String outputType, int batchSize, long seed) {
        this(model, validation, train, null, null, outputType, batchSize, seed);
    }

    /**
     * The same for a model of the knowledge graph {@code kg} (may be null): a ranking model is measured by its
     * filtered MRR on {@code split} ({@link PruningLab#rankedOn}).
     */
    public ModelLab(TrainedModel model, Dataset validation, Dataset train, dev.deepwire.data.TripleDataset kg, String split,
                    String outputType, int batchSize, long seed) {
        this.original = model;
        if (validation.size() == 0) {
            throw new IllegalArgumentException(PruningLab.NO_VALIDATION);
        }
        // batches made when the lab first measures or fine-tunes, on its worker thread (not as the window opens)
        this.lab = new PruningLab(model.network(), () -> validation.batches(256, null),
                () -> train == null ? List.of() : train.batches(batchSize, null), outputType, seed).rankedOn(kg, split);
    }

    /** The report of {@code model} on {@code data} (its first output of type {@code outputType}). */
    public static EvaluationReport evaluate(TrainedModel model, Dataset data, String outputType, String split) {
        return Evaluator.evaluate(model.network(), data, outputType, split);
    }

    /** The same for a model of a knowledge graph {@code kg} (may be null): a link output's report ranks the split. */
    public static EvaluationReport evaluate(TrainedModel model, Dataset data, dev.deepwire.data.TripleDataset kg,
                                            String outputType, String split) {
        return Evaluator.evaluate(model.network(), data, kg, outputType, split);
    }

    public String metricName() {
        return lab.metricName();
    }

    /** Whether the metric is a knowledge graph's filtered MRR on the evaluated split ({@link PruningLab#ranks}). */
    public boolean ranks() {
        return lab.ranks();
    }

    public PruningLab.Row baseline() {
        return lab.baseline();
    }

    /** The heads, cheapest to remove first (measured once, then kept). */
    public synchronized List<PruningLab.HeadImpact> rankedHeads() {
        if (ranked == null) {
            ranked = lab.rankHeads();
        }
        return ranked;
    }

    public int removableHeads() {
        return lab.removableHeads();
    }

    /** How many weights magnitude pruning may zero ({@link PruningLab#prunableWeights}). */
    public long prunableWeights() {
        return lab.prunableWeights();
    }

    /** What magnitude pruning works on in this model, as a sentence ({@link PruningLab#prunableSentence}). */
    public String prunableSentence() {
        return lab.prunableSentence();
    }

    public Slimmed removeHeads(int count, int fineTuneEpochs) {
        PruningLab.Slim s = lab.removeHeads(rankedHeads(), count, fineTuneEpochs);
        return new Slimmed(new TrainedModel(s.net()), s.row());
    }

    public Slimmed prune(double sparsity, int fineTuneEpochs) {
        PruningLab.Slim s = lab.prune(sparsity, fineTuneEpochs);
        return new Slimmed(new TrainedModel(s.net()), s.row());
    }

    public double drop(double reference, double value) {
        return lab.drop(reference, value);
    }

    public TrainedModel original() {
        return original;
    }

    /**
     * One example as a person reads it: a token input as its text (characters joined, words spaced, padding left
     * out), a sequence of vectors (an image's rows) as a grey image {@code [rows][columns]} scaled to 0…1, an image
     * input as its picture (its channels' mean, scaled the same way) described by {@code imageText} ("image 1 × 8 ×
     * 8", for a tooltip: the picture says more in a narrow column), and a vector of features as its first values. An
     * image input's and a vector's examples had been listed blank.
     */
    public record Example(String text, float[][] image, String imageText) {
    }

    /** How many of a vector's values an example shows. */
    static final int VALUES_SHOWN = 4;

    /** A value of an example's array at a picture's column, row and channel. */
    private interface Pixel {
        double at(int column, int row, int channel);
    }

    /** A grey picture {@code [rows][columns]}: each pixel the mean over {@code channels}, scaled to 0…1 over the picture. */
    private static float[][] grey(INDArray one, int rows, int columns, int channels, Pixel pixel) {
        double lo = one.minNumber().doubleValue();
        double hi = one.maxNumber().doubleValue();
        double span = hi > lo ? hi - lo : 1;
        float[][] image = new float[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double sum = 0;
                for (int k = 0; k < channels; k++) {
                    sum += pixel.at(c, r, k);
                }
                image[r][c] = (float) ((sum / channels - lo) / span);
            }
        }
        return image;
    }

    /** One input's text after another's, set apart. */
    private static void append(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append(" | ");
        }
        text.append(part);
    }

    /**
     * Example {@code index} of {@code data}, whose inputs the graph's input blocks take as {@code inputs} (one kind per
     * input, in the data's order): an input of token ids or ids is shown by its names, whatever its values. This had
     * been guessed from the values — whole numbers below the names' count read as ids — and a CSV vector of such
     * values (its features fall back to the class names as their names) was shown as "tokens" run together.
     */
    public static Example example(Dataset data, int index, List<PortKind> inputs) {
        StringBuilder text = new StringBuilder();
        float[][] image = null;
        String imageText = "";
        for (int input = 0; input < data.features().length; input++) {
            INDArray f = data.features()[input];
            boolean ids = input < inputs.size() && (inputs.get(input) == PortKind.TOKEN_IDS || inputs.get(input) == PortKind.ID);
            if (f.rank() == 2 && ids && !data.inputNames(input).isEmpty()) {
                boolean words = AxisLabels.wordTokens(data.range(index, index + 1), input);
                List<String> tokens = new ArrayList<>();
                for (String t : AxisLabels.of(data, input, index)) {
                    if (!t.equals(TextClassDataset.PAD)) {
                        tokens.add(t);
                    }
                }
                append(text, String.join(words ? " " : "", tokens));
            } else if (f.rank() == 3 && image == null) { // [n, features, positions]: positions as rows
                INDArray one = f.slice(index); // [features, positions]
                image = grey(one, (int) one.size(1), (int) one.size(0), 1, (c, r, k) -> one.getDouble(c, r));
                imageText = one.size(1) + " rows \u00d7 " + one.size(0);
            } else if (f.rank() == 4) { // [n, channels, height, width]: an image
                INDArray one = f.slice(index); // [channels, height, width]
                int channels = (int) one.size(0);
                if (image == null) {
                    image = grey(one, (int) one.size(1), (int) one.size(2), channels, (c, r, k) -> one.getDouble(k, r, c));
                    imageText = "image " + channels + " \u00d7 " + one.size(1) + " \u00d7 " + one.size(2);
                }
            } else if (f.rank() == 2) { // a vector of features, no names: its first values
                INDArray one = f.getRow(index);
                StringBuilder v = new StringBuilder(one.length() + " features: ");
                for (int k = 0; k < Math.min(one.length(), VALUES_SHOWN); k++) {
                    v.append(k == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.3g", one.getDouble(k))
                            .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "")); // 15, not 15.0
                }
                append(text, v.append(one.length() > VALUES_SHOWN ? ", \u2026" : "").toString());
            }
        }
        return new Example(text.toString(), image, imageText);
    }

    /**
     * Example {@code index} alone, repeated {@code copies} times: a probe batch for the attention inspector in which
     * every example it may show (its first, its clearest) is the chosen one.
     */
    public static Dataset focus(Dataset data, int index, int copies) {
        Dataset one = data.range(index, index + 1);
        List<List<String>> names = new ArrayList<>();
        for (int i = 0; i < one.features().length; i++) {
            names.add(one.inputNames(i));
        }
        return new Dataset(repeat(one.features(), copies), one.featureMasks() == null ? null : repeat(one.featureMasks(), copies),
                repeat(one.labels(), copies), one.labelNames()).withInputNames(names);
    }

    private static INDArray[] repeat(INDArray[] arrays, int copies) {
        INDArray[] out = new INDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = arrays[i] == null ? null
                    : org.nd4j.linalg.factory.Nd4j.concat(0, java.util.Collections.nCopies(copies, arrays[i]).toArray(new INDArray[0]));
        }
        return out;
    }
}
