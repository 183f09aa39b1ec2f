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
}
