package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.model.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The readers behind the samples: shapes, splits, vocabularies, negatives, and refusals with line numbers. */
class SampleDataReadersTest {
    private static final Path SAMPLES = Path.of("sample-projects");

    @TempDir
    Path dir;

    @Test
    void wordListsLoadAsMaskedCharacterSequencesInFixedSplits() throws Exception {
        DatasetSplits s = TextClassDataset.load(new DatasetSpec("text-classes",
                Map.of("file", "data/word-language.tsv", "tokens", "chars", "length", 16)), SAMPLES);
        assertThat(s.train().size()).isEqualTo(16_000);
        assertThat(s.validation().size()).isEqualTo(2_000);
        assertThat(s.test().size()).isEqualTo(2_000);
        assertThat(s.train().labelNames()).containsExactly("english", "french", "german", "italian", "spanish");
        List<String> vocabulary = s.train().inputNames(0);
        assertThat(vocabulary.size()).isLessThanOrEqualTo(64);
        assertThat(vocabulary).startsWith(TextClassDataset.PAD, TextClassDataset.UNKNOWN).contains("ß", "ñ", "é");
        // Every example's mask covers exactly its letters, and padding is id 0.
        INDArray ids = s.train().features()[0];
        INDArray mask = s.train().featureMasks()[0];
        assertThat(ids.mul(mask.rsub(1)).sumNumber().doubleValue()).isZero();
        assertThat(mask.sum(1).minNumber().doubleValue()).isGreaterThanOrEqualTo(2);
        assertThat(s.train().labels()[0].sum(0).toDoubleVector()).containsOnly(3_200.0);
    }

    @Test
    void malformedTextLinesAreRefusedWithTheirNumber() throws Exception {
        Path f = dir.resolve("words.tsv");
        Files.writeString(f, "# comment\nhaus\tgerman\ttrain\nmaison french\n");
        assertThatThrownBy(() -> TextClassDataset.load(new DatasetSpec("text-classes", Map.of("file", "words.tsv")), dir))
                .hasMessageContaining("words.tsv line 3").hasMessageContaining("separate columns with a tab");
        Files.writeString(f, "haus\tgerman\ttrain\nmaison\tfrench\tholdout\n");
        assertThatThrownBy(() -> TextClassDataset.load(new DatasetSpec("text-classes", Map.of("file", "words.tsv")), dir))
                .hasMessageContaining("line 2").hasMessageContaining("'holdout' is not train, validation or test");
    }

    @Test
    void digitsBecomeRowPatchesPairedWithMatchingAndMismatchedCaptions() throws Exception {
        DatasetSplits s = DigitsCaptionDataset.load(new DatasetSpec("digits-caption",
                Map.of("file", "data/digits.csv.gz", "seed", 42)), SAMPLES);
        assertThat(s.train().size() + s.validation().size() + s.test().size()).isEqualTo(2 * 1_797);
        assertThat(s.validation().size()).isEqualTo(2 * 179);
        INDArray patches = s.train().features()[0];
        assertThat(patches.shape()).containsExactly(s.train().size(), 8, 8);
        assertThat(patches.maxNumber().doubleValue()).isLessThanOrEqualTo(1.0);
        assertThat(s.train().labels()[0].meanNumber().doubleValue()).isEqualTo(0.5);
        List<String> vocabulary = s.train().inputNames(1);
        assertThat(vocabulary.size()).isLessThanOrEqualTo(40).isEqualTo(DigitsCaptionDataset.vocabulary().size());
        // A matching pair's caption names its own digit; the mismatched one names another. The image's digit
        // is looked up in the file by its pixels (the split shuffles the images).
        List<float[]> images = new ArrayList<>();
        List<Integer> digits = new ArrayList<>();
        DigitsCaptionDataset.read(SAMPLES.resolve("data/digits.csv.gz"), images, digits);
        Map<String, Set<Integer>> digitsOf = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            digitsOf.computeIfAbsent(Arrays.toString(images.get(i)), k -> new HashSet<>()).add(digits.get(i));
        }
        INDArray words = s.train().features()[1];
        INDArray match = s.train().labels()[0];
        for (int row = 0; row < 200; row++) {
            float[] pixels = new float[64];
            for (int p = 0; p < 64; p++) { // feature f of patch t is pixel (row t, column f)
                pixels[p] = patches.getFloat(row, p % 8, p / 8);
            }
            Set<Integer> truth = digitsOf.get(Arrays.toString(pixels));
            assertThat(truth).as("row %d's image is one of the file's", row).isNotNull();
            int said = namedDigit(captionText(words, row, vocabulary));
            if (match.getDouble(row, 0) == 1) {
                assertThat(truth).as("row %d, a match", row).contains(said);
            } else {
                assertThat(truth).as("row %d, a mismatch", row).doesNotContain(said);
            }
        }
        assertThat(s.train().inputNames(0)).startsWith("row 0", "row 1");
    }

    /** The digit a caption names, as a word ("seven") or a numeral ("7"). */
    private static int namedDigit(String caption) {
        List<String> names = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
        for (String w : caption.split(" ")) {
            if (names.contains(w)) {
                return names.indexOf(w);
            }
            if (w.matches("[0-9]")) {
                return Integer.parseInt(w);
            }
        }
        throw new AssertionError("the caption '" + caption + "' names no digit");
    }

    private static String captionText(INDArray ids, int row, List<String> vocabulary) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < ids.size(1); t++) {
            int id = (int) ids.getDouble(row, t);
            if (id > 0) {
                sb.append(vocabulary.get(id)).append(' ');
            }
        }
        return sb.toString().trim();
    }

    @Test
    void aBadPixelIsRefusedWithLineAndColumn() throws Exception {
        Path f = dir.resolve("digits.csv");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append("0,".repeat(64)).append(i % 10).append('\n');
        }
        sb.append("0,".repeat(10)).append("x,").append("0,".repeat(53)).append("3\n");
        Files.writeString(f, sb.toString());
        assertThatThrownBy(() -> DigitsCaptionDataset.load(new DatasetSpec("digits-caption", Map.of("file", "digits.csv")), dir))
                .hasMessageContaining("digits.csv line 31, column 11: 'x' is not a number");
        Files.writeString(f, sb.toString().replace("x,", "255,")); // an image in 0–255 greys, not the digits' counts
        assertThatThrownBy(() -> DigitsCaptionDataset.load(new DatasetSpec("digits-caption", Map.of("file", "digits.csv")), dir))
                .hasMessageContaining("digits.csv line 31, column 11: a pixel is 0 to 16 in the digits format; got 255");
    }

    @Test
    void wordnetTriplesHaveSharedEntityIdsAndCleanNegatives() throws Exception {
        DatasetSplits s = TripleDataset.load(new DatasetSpec("triples", Map.of("file", "data/wordnet-links.tsv")), SAMPLES);
        TripleDataset kg = s.knowledgeGraph();
        assertThat(kg.entities()).hasSize(4_000);
        assertThat(kg.relations()).hasSize(12).contains("hypernym", "hyponym", "part_meronym");
        assertThat(kg.triples("test")).isNotEmpty();
        // Held-out triples only use entities seen in training (nothing leaks, nothing unknown).
        Set<Integer> seen = new HashSet<>();
        kg.triples("train").forEach(t -> {
            seen.add(t[0]);
            seen.add(t[2]);
        });
        kg.triples("test").forEach(t -> assertThat(seen).contains(t[0], t[2]));
        Dataset epoch = s.trainFor(1, Map.of("negatives", 3, "corrupt", "tail"));
        assertThat(epoch.size()).isEqualTo(4 * kg.triples("train").size());
        INDArray h = epoch.features()[0];
        INDArray r = epoch.features()[1];
        INDArray t = epoch.features()[2];
        INDArray y = epoch.labels()[0];
        for (int i = 0; i < 400; i++) {
            boolean known = kg.isKnown((int) h.getDouble(i, 0), (int) r.getDouble(i, 0), (int) t.getDouble(i, 0));
            assertThat(known).as("example " + i).isEqualTo(y.getDouble(i, 0) == 1.0);
            if (i % 4 != 0) { // tail corruption keeps head and relation of the true triple before it
                assertThat(h.getDouble(i, 0)).isEqualTo(h.getDouble(i - i % 4, 0));
            }
        }
        assertThat(s.trainFor(2, Map.of()).features()[2].equalsWithEps(s.trainFor(3, Map.of()).features()[2], 0))
                .as("fresh negatives each epoch").isFalse();
    }

    @Test
    void malformedTriplesAreRefusedWithTheirNumber() throws Exception {
        Path f = dir.resolve("kg.tsv");
        Files.writeString(f, "a\tr\tb\nb\tr\n");
        assertThatThrownBy(() -> TripleDataset.load(new DatasetSpec("triples", Map.of("file", "kg.tsv")), dir))
                .hasMessageContaining("kg.tsv line 2").hasMessageContaining("found 2 column(s)");
    }

    @Test
    void aGraphWhereNoNegativeCanBeDrawnIsRefusedInsteadOfUsingTheTrueTriple() throws Exception {
        Path f = dir.resolve("one.tsv");
        Files.writeString(f, "a\tr\ta\ttrain\na\tr\ta\tvalidation\n"); // one entity: every corruption is the triple
        assertThatThrownBy(() -> TripleDataset.load(new DatasetSpec("triples", Map.of("file", "one.tsv")), dir))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("one.tsv: no negative can be drawn for a r a")
                .hasMessageContaining("is a known triple");
    }
}
