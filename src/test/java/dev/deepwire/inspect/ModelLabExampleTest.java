package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetLoader;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import java.nio.file.Path;
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
        ModelLab.Example e = ModelLab.example(words, 0);
        assertThat(e.image()).isNull();
        assertThat(e.text()).isNotEmpty().doesNotContain("·").doesNotContain(" ").hasSizeLessThanOrEqualTo(16);
        assertThat(e.text()).isEqualTo(String.join("", AxisLabels.of(words, 0, 0)).replace("·", ""));
    }

    @Test
    void aDigitIsShownAsItsEightByEightImageScaledToOne() throws Exception {
        Dataset digits = validation("digits-caption");
        ModelLab.Example e = ModelLab.example(digits, 3);
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
        ModelLab.Example e = ModelLab.example(images, 5);
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
        ModelLab.Example v = ModelLab.example(vectors, 5);
        assertThat(v.image()).isNull();
        assertThat(v.text()).startsWith("64 features: ").endsWith(", \u2026").doesNotContain(".0");
        var row = vectors.features()[0].getRow(5);
        assertThat(v.text()).startsWith("64 features: " + (int) row.getDouble(0) + ", " + (int) row.getDouble(1) + ", ");
    }
}
