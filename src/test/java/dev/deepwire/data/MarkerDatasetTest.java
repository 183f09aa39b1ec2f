package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.deepwire.model.DatasetSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MarkerDatasetTest {
    private static DatasetSpec spec(long seed) {
        return new DatasetSpec("marker", Map.of("length", 12, "vocabulary", 10, "train", 300, "validation", 50, "seed", seed));
    }

    @Test
    void labelIsTheTokenAfterTheOnlyMarker() throws Exception {
        Dataset train = MarkerDataset.generate(spec(7)).train();
        assertThat(train.size()).isEqualTo(300);
        for (int i = 0; i < train.size(); i++) {
            INDArray ids = train.features()[0].getRow(i);
            int p = MarkerDataset.markerPosition(ids);
            assertThat(p).isBetween(0, 10);
            long markers = IntStream.range(0, 12).filter(t -> ids.getInt(t) == MarkerDataset.MARKER).count();
            assertThat(markers).isEqualTo(1);
            assertThat(train.labels()[0].getRow(i).argMax().getInt(0)).isEqualTo(ids.getInt(p + 1));
        }
    }

    @Test
    void heldOutValidationIsSplitOnceWhoeverAppliesTheSettingsAgain() throws Exception {
        DatasetSplits own = MarkerDataset.generate(spec(7));
        DatasetSplits held = own.resplit(0.2, 42);
        assertThat(held.train().size()).isEqualTo(240);
        assertThat(held.validation().size()).as("20 % of the training examples, not the dataset's own 50").isEqualTo(60);
        assertThat(held.resplit(0.2, 42)).as("the same settings again: the same examples").isSameAs(held);
        assertThatThrownBy(() -> held.resplit(0.3, 42)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0.3");
        assertThat(own.resplit(0, 42)).isSameAs(own);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() throws Exception {
        assertThat(MarkerDataset.generate(spec(7)).train().features()[0])
                .isEqualTo(MarkerDataset.generate(spec(7)).train().features()[0]);
        assertThat(MarkerDataset.generate(spec(8)).train().features()[0])
                .isNotEqualTo(MarkerDataset.generate(spec(7)).train().features()[0]);
    }

    @Test
    void badSizesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> MarkerDataset.generate(new DatasetSpec("marker", Map.of("length", 1))))
                .hasMessageContaining("dataset.length must be between 2 and 4096");
    }

    @Test
    void batchesCoverEveryExampleOnce() throws Exception {
        Dataset train = MarkerDataset.generate(spec(1)).train();
        var batches = train.batches(64, new Random(3));
        assertThat(batches).hasSize(5);
        double total = batches.stream().mapToDouble(b -> b.getFeatures(0).sumNumber().doubleValue()).sum();
        assertThat(total).isEqualTo(train.features()[0].sumNumber().doubleValue());
    }

    @Test
    void unknownDatasetKindIsRefused() {
        assertThatThrownBy(() -> DatasetLoader.load(new DatasetSpec("imagenet", Map.of()), Path.of(".")))
                .hasMessageContaining("dataset.kind 'imagenet' is not known");
    }
}
