package dev.deepwire.inspect;

import dev.deepwire.compiler.layers.AttentionPool;
import dev.deepwire.compiler.layers.SelfAttention;
import dev.deepwire.data.Dataset;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.ModelCopy;
import dev.deepwire.training.RunFiles;
import dev.deepwire.training.RunFolders;
import dev.deepwire.training.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Interventions on a trained model, measured: the prediction for chosen examples and the validation accuracy with
 * heads switched off or rows pinned. Works on its own copy of the network, so the trained model (a run at rest
 * or paused, or a kept run's best model) is never changed, and a run resumed meanwhile does not disturb it. Slow
 * (whole validation passes): call it off the UI thread. Callers take turns (a forward pass sets the copy's
 * inputs and masks).
 */
public final class Experiment {
    private final ComputationGraph net;
    private final Dataset validation;
    private final Map<String, HeadMeans> means = new ConcurrentHashMap<>();
    private final Map<String, Double> accuracies = new ConcurrentHashMap<>();

    /** One example's prediction: what the first output says, in words, and the probability it gives that. */
    public record Prediction(String text, double probability) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (p %.2f)", text, probability);
        }
    }

    /** An intervention's effect on some examples: their predictions and the block's maps {@code [example][head][q][k]}. */
    public record Outcome(List<Prediction> predictions, float[][][][] weights) {
    }

    /**
     * Where a model saved from an experiment comes from: {@code sourceRun}, the folder of the run the model is of (its
     * run.json says the project, file, settings and steps the saved model records: {@link RunRecord#writeKept}; null
     * where not known), the attention block's name as the window shows it, and — standing only where the source's
     * record cannot be read — the project's name and file (null while unsaved) and settings as they are now.
     */
    public record RunOrigin(String project, Path projectFile, TrainingSettings settings, String blockName, Path sourceRun) {
        /** The runs folder the saved model goes to: beside its source run, else {@code runsFolder}. */
        public Path folder(Path runsFolder) {
            return sourceRun == null || sourceRun.toAbsolutePath().getParent() == null ? runsFolder
                    : sourceRun.toAbsolutePath().getParent();
        }
    }

    public Experiment(TrainedModel model, Dataset validation) {
        this.net = ModelCopy.of(model.network());
        this.validation = validation;
    }

    /** The validation accuracy with {@code iv} applied (remembered per intervention). */
    public synchronized double accuracy(Intervention iv) {
        String key = iv.isNone() ? "" : describe(iv);
        Double known = accuracies.get(key);
        if (known != null) {
            return known;
        }
        double a = HeadAblation.metric(net, validation, iv, means(iv));
        accuracies.put(key, a);
        return a;
    }

    /** The predictions for {@code examples} and the block's maps, with {@code iv} applied. */
    public synchronized Outcome outcome(Intervention iv, Dataset examples) {
        AttentionForward.Run run = AttentionForward.run(net, examples.features(), examples.featureMasks(), iv, means(iv));
        return new Outcome(predictions(run.outputs()[0], examples), floats(run.block().weights()));
    }

    /** Every head of every attention block switched off alone, ranked by the accuracy drop. */
    public synchronized HeadAblation.Table table(Ablation mode) {
        return HeadAblation.table(net, validation, AttentionProbe.attentionNodes(net), mode);
    }

    public int heads(String node) { // shapes only: never waits for a measurement
        return HeadAblation.heads(net, node);
    }

    /**
     * Saves a copy of the model with the switched-off heads removed (their rows of {@code Wo} set to 0, which is
     * exactly what zeroing them does) as a new run in {@code runsFolder} named after the project and the heads;
     * a note beside it says what was done, and its run.json ({@link RunRecord#writeKept}) what it is, the source run's
     * settings and steps, and its validation accuracy without those heads, so that Runs… lists it beside the
     * project's other runs (it had been left out: a run folder without a record; then listed with "0 steps"). Only zeroed heads can be saved: a mean or a pinned row has no place in the model's parameters.
     */
    public synchronized Path saveWithoutHeads(Intervention iv, Path runsFolder, RunOrigin origin) throws IOException {
        if (iv.off().isEmpty() || iv.needsMeans() || !iv.pins().isEmpty()) {
            throw new IllegalArgumentException("only heads switched off with 'zero' can be saved as a model; "
                    + "a mean or a pinned row has no place in the model's parameters");
        }
        ComputationGraph copy = ModelCopy.of(net); // saved as trained for as many steps as the model
        String vertex = AttentionProbe.resolve(copy, iv.node());
        INDArray wo = copy.paramTable(false).get(vertex + "_" + (copy.paramTable(false).containsKey(vertex + "_" + AttentionPool.Q)
                ? AttentionPool.WO : SelfAttention.WO));
        long hs = wo.size(0) / heads(iv.node());
        for (int h : iv.off().keySet()) {
            wo.get(NDArrayIndex.interval(h * hs, (h + 1) * hs), NDArrayIndex.all()).assign(0);
        }
        String heads = iv.off().keySet().stream().map(String::valueOf).collect(Collectors.joining("+"));
        double without = accuracy(iv);
        String project = origin.project();
        Path dir = RunFolders.createNew(runsFolder, project + " without " + iv.node() + " head " + heads);
        Path saved = RunFiles.saveModel(copy, dir).file();
        String what = (iv.off().size() == 1 ? "head " : "heads ") + heads.replace("+", ", ") + " of '" + origin.blockName()
                + "' removed";
        AtomicFiles.write(dir.resolve("intervention.txt"), ("This model is " + project + "'s with " + what
                + ": their rows of Wo set to 0 (the same as switching them off with 'zero' in the attention inspector).\n")
                .getBytes(StandardCharsets.UTF_8));
        RunRecord.writeKept(dir, origin.sourceRun(), project, origin.projectFile(), origin.settings(), what, without,
                Double.NaN, 0, AttentionRecorder.trainedSteps(copy), java.util.Map.of());
        return saved;
    }

    private HeadMeans means(Intervention iv) {
        return iv.needsMeans() ? means.computeIfAbsent(iv.node(), n -> HeadMeans.of(net, n, validation)) : null;
    }

    /** A key naming an intervention: its block, heads and pins (pinned weights included). */
    private static String describe(Intervention iv) {
        StringBuilder b = new StringBuilder(iv.node()).append(iv.off());
        for (Intervention.Pin p : iv.pins()) {
            b.append('|').append(p.example()).append(',').append(p.head()).append(',').append(p.query())
                    .append(java.util.Arrays.toString(p.weights()));
        }
        return b.toString();
    }

    /** Each example's prediction: the top class and its probability; per step the top classes in a row. */
    static List<Prediction> predictions(INDArray out, Dataset examples) {
        List<String> names = examples.labelNames();
        List<Prediction> list = new ArrayList<>();
        for (int e = 0; e < out.size(0); e++) {
            INDArray one = out.slice(e).castTo(DataType.DOUBLE);
            if (one.rank() == 2) { // [classes, steps]
                INDArray top = one.argMax(0);
                StringBuilder text = new StringBuilder();
                int steps = (int) Math.min(one.size(1), 16);
                for (int t = 0; t < steps; t++) {
                    text.append(t == 0 ? "" : " ").append(name(names, top.getInt(t)));
                }
                list.add(new Prediction(text + (one.size(1) > steps ? " …" : ""), one.max(0).meanNumber().doubleValue()));
            } else if (one.length() == 1) {
                double p = one.getDouble(0);
                list.add(new Prediction(p > 0.5 ? "yes" : "no", p > 0.5 ? p : 1 - p));
            } else {
                int top = one.argMax().getInt(0);
                list.add(new Prediction(name(names, top), one.getDouble(top)));
            }
        }
        return list;
    }

    private static String name(List<String> names, int i) {
        return names != null && i < names.size() ? names.get(i) : String.valueOf(i);
    }

    private static float[][][][] floats(INDArray w) {
        int b = (int) w.size(0);
        int h = (int) w.size(1);
        float[][][][] out = new float[b][h][][];
        for (int e = 0; e < b; e++) {
            for (int hh = 0; hh < h; hh++) {
                out[e][hh] = w.get(NDArrayIndex.point(e), NDArrayIndex.point(hh), NDArrayIndex.all(), NDArrayIndex.all())
                        .castTo(DataType.FLOAT).toFloatMatrix();
            }
        }
        return out;
    }
}
