package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.model.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 1-N form of a triples file: two queries per triple, the reciprocal relation after the relations. */
class TripleQueriesTest {
    @TempDir
    Path dir;

    private DatasetSplits load(Object scoring) throws Exception {
        Files.writeString(dir.resolve("kg.tsv"), "a\tlikes\tb\ttrain\nb\tis\tc\ttrain\nc\tlikes\ta\tvalidation\n");
        return TripleDataset.load(new DatasetSpec("triples", Map.of("file", "kg.tsv", "scoring", scoring)), dir);
    }

    @Test
    void eachTripleIsATailQueryAndAReciprocalHeadQuery() throws Exception {
        DatasetSplits s = load("1-n");
        // Entities a, b, c = 0, 1, 2; relations is, likes = 0, 1; reciprocals is⁻¹, likes⁻¹ = 2, 3.
        Dataset train = s.train();
        assertThat(train.features()).hasSize(2);
        assertThat(train.features()[0].toDoubleVector()).containsExactly(0, 1, 1, 2);
        assertThat(train.features()[1].toDoubleVector()).containsExactly(1, 3, 0, 2);
        assertThat(train.labels()[0].toDoubleVector()).containsExactly(1, 0, 2, 1);
        assertThat(train.inputNames(1)).containsExactly("is", "likes", "is⁻¹", "likes⁻¹");
        assertThat(s.validation().labels()[0].toDoubleVector()).containsExactly(0, 2);
        assertThat(s.sampler()).as("nothing is drawn per epoch").isNull();
        assertThat(s.knowledgeGraph().triples("validation")).hasSize(1);
    }

    @Test
    void anUnknownScoringIsRefusedWithBothChoices() {
        assertThatThrownBy(() -> load("all")).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.scoring must be \"triples\"").hasMessageContaining("or \"1-n\"");
    }
}
