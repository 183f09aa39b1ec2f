package dev.deepwire.data;

import dev.deepwire.model.DatasetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Kind {@code digits-caption}: the UCI handwritten digits (8 × 8 pixels, 0–16, then the digit; gzip CSV as
 * scikit-learn ships it) paired with short captions ("a handwritten seven", "the digit 7"). Each image
 * gets one true caption and one caption of another digit: half the pairs match. Images are split
 * 80 / 10 / 10 (train / validation / test) with a fixed seed, so held-out images are never seen.
 * Inputs: the image as a sequence of 8 row-patches of 8 pixels (scaled to 0–1), and the caption's word ids
 * (padded to 6, masked); label: 1 when the caption matches.
 */
public final class DigitsCaptionDataset {
    public static final int SIDE = 8;
    /** The seed when {@code seed} is left out ({@link DatasetLoader#defaults}). */
    static final long SEED = 42;
    public static final int CAPTION = 6;
    private static final String[] NAMES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    private static final String[] TEMPLATES = {"a handwritten %w", "the digit %d", "this is a %w", "an image of the number %w",
            "a picture of digit %d", "number %d written by hand"};

    private DigitsCaptionDataset() {
    }

    /** The caption vocabulary: padding, unknown, then every word the templates use. */
    public static List<String> vocabulary() {
        TreeSet<String> words = new TreeSet<>();
        for (String t : TEMPLATES) {
            for (String w : t.split(" ")) {
                if (!w.startsWith("%")) {
                    words.add(w);
                }
            }
        }
        words.addAll(List.of(NAMES));
        for (int d = 0; d < 10; d++) {
            words.add(String.valueOf(d));
        }
        List<String> v = new ArrayList<>(List.of(TextClassDataset.PAD, TextClassDataset.UNKNOWN));
        v.addAll(words);
        return v;
    }

    /** Caption template {@code t} filled in for {@code digit}, as words. */
    public static List<String> caption(int t, int digit) {
        return List.of(TEMPLATES[t].replace("%w", NAMES[digit]).replace("%d", String.valueOf(digit)).split(" "));
    }

    /** The settings as a person typed them, checked before the file is read ({@link DatasetLoader#settingProblem}). */
    static void checkSettings(DatasetSpec spec) {
        spec.longParam("seed", SEED);
    }

    public static DatasetSplits load(DatasetSpec spec, Path projectDir) throws DataException {
        checkSettings(spec);
        Object fileName = spec.params().getOrDefault("file", "data/digits.csv.gz");
        Path file = projectDir.resolve(String.valueOf(fileName));
        List<float[]> images = new ArrayList<>();
        List<Integer> digits = new ArrayList<>();
        read(file, images, digits);
        Random random = new Random(spec.longParam("seed", SEED));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int n = order.size();
        int validation = n / 10;
        int test = n / 10;
        List<String> vocabulary = vocabulary();
        return new DatasetSplits(
                pairs(order.subList(validation + test, n), images, digits, vocabulary, random),
                pairs(order.subList(0, validation), images, digits, vocabulary, random),
                pairs(order.subList(validation, validation + test), images, digits, vocabulary, random));
    }

    static void read(Path file, List<float[]> images, List<Integer> digits) throws DataException {
        String name = file.getFileName().toString();
        DataLines.read(file, (lineNo, line) -> {
            String[] cols = line.split(",");
            if (cols.length != SIDE * SIDE + 1) {
                throw new DataException(name + " line " + lineNo + ": expected 65 comma-separated values "
                        + "(64 pixels and the digit) but found " + cols.length);
            }
            float[] pixels = new float[SIDE * SIDE];
            for (int c = 0; c < pixels.length; c++) {
                float v = number(cols[c], name, lineNo, c + 1);
                if (v < 0 || v > 16) { // the 8 × 8 digits' counts: scaled by 1/16, a 255 would be a pixel of 16
                    throw new DataException(name + " line " + lineNo + ", column " + (c + 1) + ": a pixel is 0 to 16 in "
                            + "the digits format; got " + cols[c].strip());
                }
                pixels[c] = v / 16f;
            }
            float digit = number(cols[SIDE * SIDE], name, lineNo, SIDE * SIDE + 1);
            if (digit != Math.rint(digit) || digit < 0 || digit > 9) {
                throw new DataException(name + " line " + lineNo + ", column 65: the digit must be 0 to 9; got " + cols[64]);
            }
            images.add(pixels);
            digits.add((int) digit);
            if ((images.size() & 1023) == 0) {
                DataSizes.array(name, "the image pairs", 2L * images.size(), SIDE * SIDE); // a true and a false caption each
            }
        });
        if (images.size() < 20) {
            throw new DataException(name + " has " + images.size() + " images; at least 20 are needed to hold some out");
        }
    }

    private static float number(String s, String name, int line, int column) throws DataException {
        try {
            return DataLines.decimal(s);
        } catch (NumberFormatException e) {
            throw new DataException(name + " line " + line + ", column " + column + ": '" + s + "' is not a number");
        }
    }

    private static Dataset pairs(List<Integer> picked, List<float[]> images, List<Integer> digits, List<String> vocabulary,
                                 Random random) {
        int n = picked.size() * 2;
        float[][][] patches = new float[n][SIDE][SIDE];
        float[][] ids = new float[n][CAPTION];
        float[][] mask = new float[n][CAPTION];
        float[][] match = new float[n][1];
        for (int i = 0; i < picked.size(); i++) {
            int img = picked.get(i);
            for (int k = 0; k < 2; k++) {
                int row = 2 * i + k;
                int digit = digits.get(img);
                int said = k == 0 ? digit : (digit + 1 + random.nextInt(9)) % 10;
                List<String> words = caption(random.nextInt(TEMPLATES.length), said);
                for (int f = 0; f < SIDE; f++) {
                    for (int t = 0; t < SIDE; t++) { // feature f of patch t = pixel (row t, column f)
                        patches[row][f][t] = images.get(img)[t * SIDE + f];
                    }
                }
                for (int p = 0; p < words.size(); p++) {
                    ids[row][p] = vocabulary.indexOf(words.get(p));
                    mask[row][p] = 1;
                }
                match[row][0] = k == 0 ? 1 : 0;
            }
        }
        List<String> rows = new ArrayList<>();
        for (int t = 0; t < SIDE; t++) {
            rows.add("row " + t);
        }
        return new Dataset(new INDArray[] {Nd4j.createFromArray(patches), Nd4j.createFromArray(ids)},
                new INDArray[] {null, Nd4j.createFromArray(mask)}, new INDArray[] {Nd4j.createFromArray(match)},
                List.of("mismatch", "match")).withInputNames(Arrays.asList(rows, vocabulary));
    }
}
