package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetLoader;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An example as the evaluation window lists it: a word as its letters, a digit as its image. */
class ModelLabExampleTest {
    private static Dataset validation(String sample) throws Exception {
        Path file = Path.of("sample-projects", sample + ".dwproj");
        Project p = new ProjectReader().read(file);
        return DatasetLoader.load(p.dataset(), file.getParent()).validation();
    }

    @Test
    void aWordIsShownAsItsLettersWithoutPadding() throws Exception {
        Dataset words = validation("word-language");
        ModelLab.Example e = ModelLab.example(words, 0, List.of(PortKind.TOKEN_IDS));
        assertThat(e.image()).isNull();
        assertThat(e.text()).isNotEmpty().doesNotContain("·").doesNotContain(" ").hasSizeLessThanOrEqualTo(16);
        assertThat(e.text()).isEqualTo(String.join("", AxisLabels.of(words, 0, 0)).replace("·", ""));
    }

    @Test
    void aDigitIsShownAsItsEightByEightImageScaledToOne() throws Exception {
        Dataset digits = validation("digits-caption");
        ModelLab.Example e = ModelLab.example(digits, 3, List.of());
        assertThat(e.image()).hasNumberOfRows(8);
        assertThat(e.image()[0]).hasSize(8);
        float max = 0;
        float min = 1;
        for (float[] row : e.image()) {
            for (float v : row) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        assertThat(max).isEqualTo(1f);
        assertThat(min).isEqualTo(0f);
    }

    @Test
    void anImageInputsExampleIsShownAsItsPictureAndItsSizeAndAVectorAsItsFirstValues() throws Exception {
        // Found at a stop: Evaluate's Example column was empty for a CNN's images (an image input, [n, 1, 8, 8])
        var graph = new dev.deepwire.GraphFixture()
                .node("img", "image_input", "channels", 1, "height", 8, "width", 8)
                .node("flat", "flatten")
                .node("out", "softmax_output", "classes", 10)
                .wire("img.out", "flat.in").wire("flat.out", "out.in").graph();
        var spec = new dev.deepwire.model.DatasetSpec("csv", java.util.Map.of("file", "data/digits.csv.gz", "classes", 10,
                "header", false));
        var run = dev.deepwire.training.PreparedRun.of(dev.deepwire.model.BlockCatalog.standard(), graph, spec,
                dev.deepwire.model.TrainingSettings.defaults(), Path.of("sample-projects"));
        assertThat(run.ok()).as(run.problem()).isTrue();
        Dataset images = run.data().validation();
        assertThat(images.features()[0].rank()).as("bound as the image input takes it").isEqualTo(4);
        ModelLab.Example e = ModelLab.example(images, 5, List.of(PortKind.IMAGE));
        assertThat(e.imageText()).isEqualTo("image 1 \u00d7 8 \u00d7 8");
        assertThat(e.image()).hasNumberOfRows(8);
        var pixels = images.features()[0].slice(5);
        double lo = pixels.minNumber().doubleValue();
        double span = pixels.maxNumber().doubleValue() - lo;
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                assertThat((double) e.image()[r][c]).as("row %d, column %d", r, c)
                        .isCloseTo((pixels.getDouble(0, r, c) - lo) / span, org.assertj.core.data.Offset.offset(1e-6));
            }
        }

        Dataset vectors = DatasetLoader.load(spec, Path.of("sample-projects")).validation();
        assertThat(vectors.features()[0].rank()).as("unbound: a vector of 64 features").isEqualTo(2);
        ModelLab.Example v = ModelLab.example(vectors, 5, List.of(PortKind.VECTOR));
        assertThat(v.image()).isNull();
        assertThat(v.text()).startsWith("64 features: ").endsWith(", \u2026").doesNotContain(".0");
        var row = vectors.features()[0].getRow(5);
        assertThat(v.text()).startsWith("64 features: " + (int) row.getDouble(0) + ", " + (int) row.getDouble(1) + ", ");
    }

    @Test
    void aVectorOfWholeNumbersBelowTheClassCountIsShownAsFeaturesAndTokensAsTextFromTheGraphsInputBlock(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // Found in testing: a CSV row of 3, 1, 2 (4 classes) was shown as the "tokens" 312: the values, whole numbers
        // below the class names' count (a CSV's features fall back to them as names), were taken for token ids
        Files.writeString(dir.resolve("small.csv"), "a,b,c,label\n3,1,2,0\n0,2,1,1\n1,1,3,2\n2,0,0,3\n3,3,1,0\n1,2,2,1\n");
        var graph = new dev.deepwire.GraphFixture().node("in", "vector_input", "features", 3)
                .node("out", "softmax_output", "classes", 4).wire("in.out", "out.in").graph();
        var spec = new dev.deepwire.model.DatasetSpec("csv", java.util.Map.of("file", "small.csv", "classes", 4));
        var run = dev.deepwire.training.PreparedRun.of(dev.deepwire.model.BlockCatalog.standard(), graph, spec,
                dev.deepwire.model.TrainingSettings.defaults(), dir);
        assertThat(run.ok()).as(run.problem()).isTrue();
        List<PortKind> kinds = run.network().inputs().stream().map(i -> i.shape().kind()).toList();
        assertThat(kinds).containsExactly(PortKind.VECTOR);
        Dataset rows = run.data().train();
        assertThat(rows.inputNames(0)).as("names to read ids by: the class names").isNotEmpty();
        for (int k = 0; k < rows.size(); k++) {
            var row = rows.features()[0].getRow(k);
            assertThat(ModelLab.example(rows, k, kinds).text()).as("example %d", k).isEqualTo("3 features: "
                    + (int) row.getDouble(0) + ", " + (int) row.getDouble(1) + ", " + (int) row.getDouble(2));
        }

        Dataset words = validation("word-language");
        assertThat(ModelLab.example(words, 0, List.of(PortKind.TOKEN_IDS)).text()).as("a Tokens input: its text")
                .isEqualTo(String.join("", AxisLabels.of(words, 0, 0)).replace("\u00b7", ""));
    }
}
