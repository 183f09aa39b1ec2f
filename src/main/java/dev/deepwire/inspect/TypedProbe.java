package dev.deepwire.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.data.TextClassDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Text typed in the attention inspector, made into one example the model can run: the typed tokens replace one
 * token input of a probe example (the other inputs stay), and each token the model's vocabulary lacks is named,
 * so the inspector can say so instead of silently showing what it was mapped to.
 *
 * @param example the one-example dataset to capture
 * @param labels  the typed tokens as axis labels: an unknown token reads {@code word→<unk>} (what the model saw)
 * @param unknown the typed tokens that are not in the vocabulary, in order
 * @param padded  the positions after the typed tokens, filled with padding (the input has a fixed length)
 * @param dropped how many typed tokens did not fit the input's length
 */
public record TypedProbe(Dataset example, List<String> labels, List<String> unknown, int dropped, int padded) {

    /**
     * Builds the example from probe example {@code exampleIndex} with input {@code input} (token ids) replaced by
     * {@code text}.
     *
     * @throws IllegalArgumentException when the model would read none of the typed tokens (each unknown to a vocabulary
     *                                  without an unknown token): it would see padding only, an example that is none
     */
    public static TypedProbe of(Dataset probe, int exampleIndex, int input, String text) {
        List<String> vocabulary = probe.inputNames(input);
        int length = (int) probe.features()[input].size(1);
        boolean words = AxisLabels.wordTokens(probe, input);
        List<String> tokens = tokens(text, words);
        INDArray[] encoded = TextClassDataset.encodeTyped(text, vocabulary, length, words);
        if (encoded[1].sumNumber().doubleValue() == 0) {
            List<String> known = typable(probe, input);
            throw new IllegalArgumentException("the model knows none of the " + (words ? "words" : "characters")
                    + " typed (" + String.join(" ", tokens.subList(0, Math.min(8, tokens.size())))
                    + (tokens.size() > 8 ? " …" : "") + "), so it would read padding only; type " + (words ? "words" : "characters")
                    + " it knows, such as " + String.join(" ", known.subList(0, Math.min(6, known.size()))));
        }
        Dataset one = probe.range(exampleIndex, exampleIndex + 1);
        INDArray[] features = one.features().clone();
        INDArray[] masks = one.featureMasks() == null ? new INDArray[features.length] : one.featureMasks().clone();
        features[input] = encoded[0].castTo(features[input].dataType());
        masks[input] = encoded[1].castTo(features[input].dataType());
        Dataset example = new Dataset(features, masks, one.labels(), one.labelNames()).withInputNames(
                IntStream.range(0, features.length).mapToObj(probe::inputNames).toList());
        List<String> labels = new ArrayList<>(AxisLabels.of(example, input, 0));
        List<String> unknown = new ArrayList<>();
        for (int p = 0; p < Math.min(length, tokens.size()); p++) {
            if (!vocabulary.contains(tokens.get(p))) {
                unknown.add(tokens.get(p));
                labels.set(p, visible(tokens.get(p)) + "→" + labels.get(p));
            }
        }
        return new TypedProbe(example, List.copyOf(labels), List.copyOf(unknown), Math.max(0, tokens.size() - length),
                Math.max(0, length - tokens.size()));
    }

    /**
     * What the model read of the typed text beyond its words, for a message ("" when it read it as typed): tokens past
     * the input's length left out, or the positions after it filled with padding — a model trained on full sequences
     * can answer a short one differently, and nothing had said so.
     */
    public String fit(int length) {
        if (dropped > 0) {
            return dropped + " token(s) past the input's " + length + " were left out";
        }
        return padded > 0 ? "the input is " + length + " tokens long: the " + (length - padded) + " typed come first, the other "
                + padded + " are padding (a model trained on full sequences can answer a short one differently)" : "";
    }

    /** A typed token as it can be read in a message or on an axis: a space as ␣, a tab as ⇥ (a space printed nothing). */
    public static String visible(String token) {
        return token.replace(" ", "␣").replace("\t", "⇥");
    }

    /** The tokens of the vocabulary a user can type (padding left out), in the vocabulary's order. */
    public static List<String> typable(Dataset probe, int input) {
        return probe.inputNames(input).stream().filter(t -> !t.equals("<pad>") && !t.isEmpty()).toList();
    }

    private static List<String> tokens(String text, boolean words) {
        return words ? List.of(text.strip().split("\\s+")) : text.codePoints().mapToObj(Character::toString).toList();
    }
}
