package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.FamilyGraphs;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.compiler.RandomBatch;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Cross-attention (caption tokens × image patches) and the attention inside a transformer block are
 * captured and verified like self-attention; padded image patches get no weight from any token.
 */
class CrossAttentionProbeTest {

    @Test
    void crossAttentionMapsAreQueriesByKeysVerifiedAndBlindToPaddedKeys() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph g = FamilyGraphs.crossModal().graph();
        CompiledNetwork compiled = new GraphCompiler(BlockCatalog.standard())
                .compile(g, new CompileOptions(DataType.FLOAT, 5, new Adam(1e-3))).orThrow();
        ComputationGraph net = compiled.instantiate();
        RandomBatch batch = RandomBatch.of(g, compiled, 3, 1, DataType.FLOAT, 2);
        AttentionMaps maps = AttentionProbe.capture(net, "look", batch.inputs(), batch.masks());
        assertThat(maps.verified()).isTrue();
        // 4 caption tokens ask, 3 image patches answer; example 2 keeps only 1 patch (length 3 − 2).
        assertThat(maps.weights().shape()).containsExactly(3, 2, 4, 3);
        var ex2 = maps.weights().slice(2);
        assertThat(ex2.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(1, 3)).amaxNumber().doubleValue()).isLessThan(1e-6);
        assertThat(maps.weights().sum(3).minNumber().doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void theAttentionInsideATransformerBlockIsInspectableByTheBlocksNodeId() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph g = FamilyGraphs.crossModal().graph();
        CompiledNetwork compiled = new GraphCompiler(BlockCatalog.standard())
                .compile(g, new CompileOptions(DataType.FLOAT, 5, new Adam(1e-3))).orThrow();
        ComputationGraph net = compiled.instantiate();
        RandomBatch batch = RandomBatch.of(g, compiled, 3, 1, DataType.FLOAT, 2);
        assertThat(AttentionProbe.attentionNodes(net)).containsExactly("imageBlock", "look", "textPool");
        AttentionMaps maps = AttentionProbe.capture(net, "imageBlock", batch.inputs(), batch.masks());
        assertThat(maps.verified()).isTrue();
        assertThat(maps.weights().shape()).containsExactly(3, 2, 3, 3);
        assertThatThrownBy(() -> AttentionProbe.capture(net, "gate", batch.inputs(), batch.masks()))
                .hasMessageContaining("choose one of [imageBlock, look, textPool]");
    }

    @Test
    void attentionPoolingMapsHaveOneLearnedQueryPerHeadAndIgnorePadding() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Graph g = FamilyGraphs.crossModal().graph();
        CompiledNetwork compiled = new GraphCompiler(BlockCatalog.standard())
                .compile(g, new CompileOptions(DataType.FLOAT, 5, new Adam(1e-3))).orThrow();
        ComputationGraph net = compiled.instantiate();
        RandomBatch batch = RandomBatch.of(g, compiled, 3, 1, DataType.FLOAT, 2);
        assertThat(AttentionProbe.attentionNodes(net)).contains("textPool");
        AttentionMaps maps = AttentionProbe.capture(net, "textPool", batch.inputs(), batch.masks());
        assertThat(maps.verified()).isTrue();
        assertThat(maps.weights().shape()).containsExactly(3, 2, 1, 4);
        // Example 2 keeps 2 of its 4 caption tokens: the padded two get no weight; each head's weights sum to 1.
        var ex2 = maps.weights().slice(2);
        assertThat(ex2.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(2, 4)).amaxNumber().doubleValue()).isLessThan(1e-6);
        assertThat(maps.weights().sum(3).minNumber().doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
}
