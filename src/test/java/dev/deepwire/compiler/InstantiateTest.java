package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A compiled network starts with the parameters DL4J's own {@code init()} draws, held in one flat array that DL4J hands
 * out as itself (so its optimizer does not copy every parameter onto itself after each step), and trains as a network
 * made by {@code init()} does, bit for bit.
 */
class InstantiateTest {

    @Test
    void theParametersInitDrawsInOneFlatArrayTrainingAlike() {
        DataType before = Nd4j.dataType();
        DataType floats = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        try {
            trainAlike();
        } finally {
            Nd4j.setDefaultDataTypes(before, floats);
        }
    }

    private static void trainAlike() {
        Graph g = FamilyGraphs.crossModal().graph();
        CompiledNetwork compiled = new GraphCompiler(BlockCatalog.standard())
                .compile(g, new CompileOptions(DataType.FLOAT, 3, new Adam(0.01))).orThrow();
        ComputationGraph ours = compiled.instantiate();
        ComputationGraph plain = new ComputationGraph(compiled.configuration().clone());
        plain.init();
        assertThat(ours.params().rank()).isEqualTo(1);
        assertThat(ours.params()).as("the flat array itself, each time").isSameAs(ours.params());
        assertThat(plain.params()).as("DL4J's [1, n] array hands out a new view").isNotSameAs(plain.params());
        assertThat(ours.params()).isEqualTo(plain.params());
        RandomBatch data = RandomBatch.of(g, compiled, 8, 2, DataType.FLOAT, 4);
        for (int step = 0; step < 3; step++) {
            MultiDataSet batch = new MultiDataSet(data.inputs(), data.labels(), data.masks(), null);
            plain.fit(batch);
            ours.fit(batch);
            assertThat(ours.params()).as("parameters after step %d", step).isEqualTo(plain.params());
            assertThat(ours.score()).isEqualTo(plain.score());
        }
        assertThat(ours.getUpdater().getStateViewArray()).isEqualTo(plain.getUpdater().getStateViewArray());
    }
}
