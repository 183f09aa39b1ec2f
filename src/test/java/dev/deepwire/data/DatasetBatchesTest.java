package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class DatasetBatchesTest {
    /** Images [n, 2, 3] with example i filled with i, labels [n, 1] = i: each batch row must keep its own label. */
    private static Dataset numbered(int n) {
        INDArray images = Nd4j.create(n, 2, 3);
        INDArray labels = Nd4j.create(n, 1);
        for (int i = 0; i < n; i++) {
            images.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all()).assign(i);
            labels.putScalar(i, 0, i);
        }
        return new Dataset(new INDArray[] {images}, null, new INDArray[] {labels}, List.of("a"));
    }

    @Test
    void shuffledBatchesOfImagesKeepEachExampleWhole() {
        List<MultiDataSet> batches = numbered(7).batches(3, new Random(5));
        assertThat(batches).hasSize(3);
        int seen = 0;
        for (MultiDataSet b : batches) {
            INDArray f = b.getFeatures(0);
            assertThat(f.shape()).containsExactly(f.size(0), 2, 3);
            for (int r = 0; r < f.size(0); r++) {
                double label = b.getLabels(0).getDouble(r, 0);
                INDArray image = f.get(NDArrayIndex.point(r), NDArrayIndex.all(), NDArrayIndex.all());
                assertThat(image.minNumber().doubleValue()).isEqualTo(label);
                assertThat(image.maxNumber().doubleValue()).isEqualTo(label);
                seen++;
            }
        }
        assertThat(seen).isEqualTo(7);
    }

    @Test
    void releasedBatchesAreClosedAndTheDatasetIsNot() {
        Dataset data = numbered(4);
        MultiDataSet batch = data.batches(2, null).get(0);
        Dataset.release(batch);
        assertThat(batch.getFeatures(0).wasClosed()).isTrue();
        assertThat(batch.getLabels(0).wasClosed()).isTrue();
        assertThat(data.features()[0].wasClosed()).isFalse();
        assertThat(data.features()[0].getDouble(3, 1, 2)).isEqualTo(3.0);
    }
}
