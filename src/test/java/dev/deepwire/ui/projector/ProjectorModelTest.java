package dev.deepwire.ui.projector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.inspect.LearnedTable;
import dev.deepwire.inspect.NearestRows;
import dev.deepwire.inspect.Projection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The projector's view model, headless: following captures, hover, search, neighbours, colours. */
class ProjectorModelTest {

    private static ProjectorModel projected(LearnedTable... captures) {
        ProjectorModel m = new ProjectorModel();
        m.setHistory(List.of(captures));
        m.setProjection(m.shown(), Projection.pca(m.shown().rows()));
        m.layout(400, 300);
        return m;
    }

    @Test
    void followsTheNewestCaptureUntilTheSliderMovesBack() {
        LearnedTable first = Tables.animals(10, 1);
        LearnedTable second = Tables.animals(20, 2);
        ProjectorModel m = projected(first, second);
        assertThat(m.shown()).isSameAs(second);
        assertThat(m.following()).isTrue();
        m.showCapture(0);
        assertThat(m.shown()).isSameAs(first);
        assertThat(m.stale()).as("another capture needs its own projection").isTrue();
        LearnedTable third = Tables.animals(30, 3);
        m.setHistory(List.of(first, second, third));
        assertThat(m.shown()).as("looking back: a new capture does not move the slider").isSameAs(first);
        m.showCapture(2);
        m.setHistory(List.of(first, second, third, Tables.animals(40, 4)));
        assertThat(m.shown().step()).as("following again at the newest").isEqualTo(40);
        assertThat(m.note()).contains("emb · tokens · 6 × 3 · step 40 · projecting…");
    }

    @Test
    void aProjectionForAnotherCaptureOrMethodIsNotKept() {
        ProjectorModel m = projected(Tables.animals(10, 1));
        LearnedTable other = Tables.animals(99, 1);
        m.setMethod(Projection.Method.TSNE);
        assertThat(m.stale()).isTrue();
        m.setProjection(m.shown(), Projection.pca(m.shown().rows()));
        assertThat(m.stale()).as("a PCA result while t-SNE is chosen").isTrue();
        m.setProjection(other, Projection.tsne(other.rows(), 1));
        assertThat(m.projection().method()).as("a result for a capture no longer shown").isEqualTo("pca");
        m.setProjection(m.shown(), Projection.tsne(m.shown().rows(), 1));
        assertThat(m.stale()).isFalse();
    }

    @Test
    void hoverFindsThePointUnderTheMouseAndDescribesIt() {
        ProjectorModel m = projected(Tables.animals(10, 1));
        double[] lion = m.positionOf(3);
        assertThat(m.rowAt(lion[0] + 2, lion[1] - 2)).isEqualTo(3);
        assertThat(m.rowAt(-50, -50)).isEqualTo(-1);
        assertThat(m.describe(3)).isEqualTo("lion · group feline · index 3");
    }

    @Test
    void searchPutsExactMatchesFirstSelectsTheFirstAndClickingListsNeighboursByCosine() {
        ProjectorModel m = projected(Tables.animals(10, 1));
        assertThat(m.search("CA")).as("'car' and 'cat' contain 'ca'").containsExactly(2, 4);
        assertThat(m.search("car")).containsExactly(4);
        assertThat(m.selected()).isEqualTo(4);
        assertThat(m.neighbours()).extracting(NearestRows.Neighbour::label).first().isEqualTo("truck");
        assertThat(m.search("zebra")).isEmpty();
        assertThat(m.selected()).as("no row stays chosen by the earlier search under 'nothing found'").isEqualTo(-1);
        assertThat(m.neighbours()).isEmpty();
        m.select(0);
        assertThat(m.neighbours()).extracting(NearestRows.Neighbour::label).startsWith("wolf").hasSize(5);
        m.select(-1);
        assertThat(m.neighbours()).isEmpty();
    }

    @Test
    void underscoresInLabelsMatchSpacesTyped() {
        ProjectorModel m = projected(new dev.deepwire.inspect.LearnedTable("ents", "entities",
                List.of("domestic_dog", "domestic_animal", "wolf"), List.of(), new float[][] {{1, 0}, {0.9f, 0.1f}, {0, 1}}, 1));
        assertThat(m.search("Domestic  Dog")).containsExactly(0);
        assertThat(m.search("domestic_")).containsExactly(0, 1);
    }

    @Test
    void coloursComeFromTheChosenColumnAndTheFirstColumnIsTheDefault() {
        ProjectorModel m = projected(Tables.animals(10, 1));
        assertThat(m.colourBy()).isEqualTo("group");
        assertThat(m.colourColumn().legend()).containsExactly("canine", "feline", "vehicle");
        int[] colours = m.colourColumn().colours();
        assertThat(colours[0]).isEqualTo(colours[1]).isNotEqualTo(colours[2]);
        m.setColourBy("index");
        assertThat(m.colourColumn().isNumeric()).isTrue();
        assertThat(new ProjectorModel().note()).startsWith("No embedding table yet");
    }
}
