package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.data.Dataset;
import dev.deepwire.data.MarkerDataset;
import dev.deepwire.data.TextClassDataset;
import dev.deepwire.model.DatasetSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed text in the inspector: a word the model's vocabulary lacks never becomes one of its real tokens. */
class TypedProbeTest {
    @Test
    void anUnknownWordIsLeftOutWhereTheVocabularyHasNoUnknownToken() throws Exception {
        Dataset probe = MarkerDataset.generate(new DatasetSpec("marker",
                Map.of("length", 8, "train", 16, "validation", 8, "seed", 3))).validation();
        TypedProbe typed = TypedProbe.of(probe, 0, 0, "t5 <M> and t6");
        float[] ids = typed.example().features()[0].toFloatVector();
        float[] mask = typed.example().featureMasks()[0].toFloatVector();
        int marker = probe.inputNames(0).indexOf("<M>");
        assertThat(ids[1]).isEqualTo(marker);
        assertThat(ids[2]).as("'and' is not read as the marker (id 1)").isNotEqualTo(marker).isZero();
        assertThat(mask[2]).as("left out under the mask").isZero();
        assertThat(mask[3]).isEqualTo(1f);
        assertThat(typed.unknown()).containsExactly("and");
        assertThat(typed.padded()).as("four typed of eight positions").isEqualTo(4);
        assertThat(typed.fit(8)).isEqualTo("the input is 8 tokens long: the 4 typed come first, the other 4 are padding "
                + "(a model trained on full sequences can answer a short one differently)");
    }

    @Test
    void textOfOnlyUnknownWordsIsRefusedByNameNotRunAsPadding() throws Exception {
        // all under the mask, the example was padding only and the inspector reported a verification failure
        Dataset probe = MarkerDataset.generate(new DatasetSpec("marker",
                Map.of("length", 8, "train", 16, "validation", 8, "seed", 3))).validation();
        assertThatThrownBy(() -> TypedProbe.of(probe, 0, 0, "the cat sat on the mat near the marker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the model knows none of the words typed (the cat sat on the mat near the …)")
                .hasMessageContaining("type words it knows, such as");
    }

    @Test
    void aVocabularyWithAnUnknownTokenUsesIt() {
        List<String> vocabulary = List.of("<pad>", TextClassDataset.UNKNOWN, "a", "b");
        float[] ids = TextClassDataset.encodeTyped("abz", vocabulary, 4, false)[0].toFloatVector();
        assertThat(ids).containsExactly(2f, 3f, 1f, 0f);
    }

    @Test
    void spacesTheVocabularyLacksAreShownSoTheyCanBeRead() {
        // "bonjour tout le monde" read as characters by a model whose vocabulary has no space: its message listed ", , ."
        assertThat(TypedProbe.visible(" ")).isEqualTo("\u2423");
        assertThat(TypedProbe.visible("a\tb")).isEqualTo("a\u21e5b");
        assertThat(TypedProbe.visible("word")).isEqualTo("word");
    }
}
