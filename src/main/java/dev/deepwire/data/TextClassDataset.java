package dev.deepwire.data;

import dev.deepwire.limits.Limits;
import dev.deepwire.model.DatasetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Kind {@code text-classes}: a text file of labelled token sequences, one example per line,
 * {@code text <TAB> label [<TAB> train|validation|test]}; {@code #} starts a comment. Tokens are the
 * characters ({@code tokens: chars}) or the space-separated words ({@code tokens: words}) of the text,
 * padded (and masked) to {@code length}, longer texts cut. Token id 0 is padding, 1 an unknown token;
 * the vocabulary is built from the training lines. A malformed line is refused with its number.
 */
public final class TextClassDataset {
    public static final String PAD = "·";
    /** The tokens kept of each line when {@code length} is left out ({@link DatasetLoader#defaults}). */
    static final int LENGTH = 16;
    public static final String UNKNOWN = "?";

    private record Row(List<String> tokens, String label, String split) {
    }

    private TextClassDataset() {
    }

    public static DatasetSplits load(DatasetSpec spec, Path projectDir) throws DataException {
        checkSettings(spec);
        String name = (String) spec.params().get("file");
        Object mode = spec.params().getOrDefault("tokens", "chars");
        int length = spec.intParam("length", LENGTH);
        List<Row> rows = read(projectDir.resolve(name), "words".equals(mode));
        double fraction = spec.doubleParam("validationFraction", DataSizes.VALIDATION_FRACTION); // text ("0.5") refused by name, as for CSV
        rows = assignSplits(rows, fraction, spec.longParam("seed", DataSizes.SEED));
        List<String> vocabulary = vocabulary(rows);
        List<String> labels = new ArrayList<>(new TreeSet<>(rows.stream().map(Row::label).toList()));
        DataSizes.count(name, "distinct tokens", vocabulary.size(), Limits.VOCABULARY);
        DataSizes.count(name, "distinct labels", labels.size(), Limits.CLASSES);
        DataSizes.array(name, "the token ids", rows.size(), length);
        DataSizes.array(name, "the labels", rows.size(), labels.size());
        Dataset train = encode(rows, "train", vocabulary, labels, length);
        if (train == null) {
            throw new DataException(name + " has no training lines; mark some lines 'train' or leave the split column out");
        }
        return new DatasetSplits(train, encode(rows, "validation", vocabulary, labels, length),
                encode(rows, "test", vocabulary, labels, length));
    }

    static List<Row> read(Path file, boolean words) throws DataException {
        String name = file.getFileName().toString();
        List<Row> rows = new ArrayList<>();
        Map<String, String> distinct = new HashMap<>(); // each token held once, however often it occurs
        long[] total = {0};
        DataLines.read(file, (lineNo, line) -> {
            String[] cols = line.split("\t", -1);
            if (cols.length < 2 || cols.length > 3) {
                throw new DataException(name + " line " + lineNo + ": expected 'text<TAB>label' or "
                        + "'text<TAB>label<TAB>split' but found " + cols.length + " column(s); separate columns with a tab");
            }
            String text = cols[0].strip();
            String label = cols[1].strip();
            if (text.isEmpty() || label.isEmpty()) {
                throw new DataException(name + " line " + lineNo + ": the " + (text.isEmpty() ? "text" : "label")
                        + " is empty; fill it in or delete the line");
            }
            String split = cols.length == 3 && !cols[2].isBlank() ? DataLines.split(cols[2], name, lineNo) : "";
            List<String> tokens = (words ? Arrays.stream(text.split("\\s+"))
                    : text.codePoints().mapToObj(Character::toString)).map(t -> distinct.computeIfAbsent(t, k -> k)).toList();
            total[0] += tokens.size();
            DataSizes.count(name, "tokens (at line " + lineNo + ")", total[0], Limits.TEXT_TOKENS);
            rows.add(new Row(tokens, distinct.computeIfAbsent(label, k -> k), split));
        });
        if (rows.isEmpty()) {
            throw new DataException(name + " has no examples; add lines 'text<TAB>label'");
        }
        return rows;
    }

    /** The settings as a person typed them, checked before the file is read ({@link DatasetLoader#settingProblem}). */
    static void checkSettings(DatasetSpec spec) throws DataException {
        Object mode = spec.params().getOrDefault("tokens", "chars");
        if (!"chars".equals(mode) && !"words".equals(mode)) {
            throw new DataException("dataset.tokens must be chars or words; got " + mode);
        }
        DataSizes.setting("length", spec.intParam("length", LENGTH), 1, Limits.SEQUENCE_LENGTH);
        DataSizes.fractionSeedAndFile(spec, "text file");
    }

    /** Rows without a split column are shared out: {@code fraction} to validation, the rest to training. */
    private static List<Row> assignSplits(List<Row> rows, double fraction, long seed) throws DataException {
        if (rows.stream().allMatch(r -> !r.split().isEmpty())) {
            if (rows.stream().noneMatch(r -> r.split().equals("validation"))) {
                throw new DataException("no line is marked 'validation'; mark some, or leave the split column out");
            }
            return rows;
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new DataException("dataset.validationFraction must be between 0 and 1; got " + fraction);
        }
        Random r = new Random(seed);
        List<Row> out = new ArrayList<>();
        for (Row row : rows) {
            String split = !row.split().isEmpty() ? row.split() : r.nextDouble() < fraction ? "validation" : "train";
            out.add(new Row(row.tokens(), row.label(), split));
        }
        return out;
    }

    private static List<String> vocabulary(List<Row> rows) {
        TreeSet<String> seen = new TreeSet<>();
        rows.stream().filter(r -> r.split().equals("train")).forEach(r -> seen.addAll(r.tokens()));
        List<String> v = new ArrayList<>(List.of(PAD, UNKNOWN));
        v.addAll(seen);
        return v;
    }

    private static Dataset encode(List<Row> all, String split, List<String> vocabulary, List<String> labels, int length) {
        List<Row> rows = all.stream().filter(r -> r.split().equals(split)).toList();
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            ids.put(vocabulary.get(i), i);
        }
        float[][] x = new float[rows.size()][length];
        float[][] m = new float[rows.size()][length];
        float[][] y = new float[rows.size()][labels.size()];
        for (int i = 0; i < rows.size(); i++) {
            List<String> t = rows.get(i).tokens();
            for (int p = 0; p < Math.min(length, t.size()); p++) {
                x[i][p] = ids.getOrDefault(t.get(p), 1);
                m[i][p] = 1;
            }
            y[i][labels.indexOf(rows.get(i).label())] = 1;
        }
        INDArray[] features = {Nd4j.createFromArray(x)};
        return new Dataset(features, new INDArray[] {Nd4j.createFromArray(m)}, new INDArray[] {Nd4j.createFromArray(y)}, labels)
                .withInputNames(List.of(vocabulary));
    }

    /**
     * Token ids (padded to {@code length}) and mask for a text the user types, with a dataset's vocabulary: a token the
     * vocabulary lacks is its unknown token ({@value #UNKNOWN}) where it has one, else left out under the mask.
     */
    public static INDArray[] encodeTyped(String text, List<String> vocabulary, int length, boolean words) {
        List<String> tokens = words ? List.of(text.strip().split("\\s+")) : text.codePoints().mapToObj(Character::toString).toList();
        float[][] x = new float[1][length];
        float[][] m = new float[1][length];
        int unknown = vocabulary.indexOf(UNKNOWN);
        for (int p = 0; p < Math.min(length, tokens.size()); p++) {
            int id = vocabulary.indexOf(tokens.get(p));
            if (id >= 0 || unknown >= 0) {
                x[0][p] = id >= 0 ? id : unknown;
                m[0][p] = 1;
            }
            // else: a vocabulary without an unknown token (the marker task's: id 1 is its marker) — a word it lacks
            // is left out, padding under the mask, rather than read as whatever token id 1 happens to be
        }
        return new INDArray[] {Nd4j.createFromArray(x), Nd4j.createFromArray(m)};
    }
}
