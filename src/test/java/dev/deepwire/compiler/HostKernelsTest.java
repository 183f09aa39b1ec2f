package dev.deepwire.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Graph;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The hand-written layers' float work on the CPU (plain Java loops and direct BLAS calls, ADR 0011) gives the
 * numbers of their ND4J formulation, which runs in double and is gradient-checked: the same parameters and batch
 * through a float and a double copy of a network give the same outputs, loss and gradients.
 */
class HostKernelsTest {
    private final DataType[] defaults = {Nd4j.dataType(), Nd4j.defaultFloatingPointType()};

    @AfterEach
    void restoreDefaults() {
        Nd4j.setDefaultDataTypes(defaults[0], defaults[1]);
    }

    @Test
    void transformerLayersInFloatMatchTheGradientCheckedDoublePath() {
        assertSame(TransformerGradientTest.transformer(false).graph(), 1);
    }

    @Test
    void transformerLayersWithPaddingMasksInFloatMatchTheDoublePath() {
        assertSame(TransformerGradientTest.transformer(true).graph(), 2);
    }

    @Test
    void crossAttentionWithPaddedQueriesAndKeysInFloatMatchesTheDoublePath() {
        assertSame(FamilyGraphs.crossModal().graph(), 2);
    }

    /** DistMult, ComplEx and MLP 1-N scorers with the 1-N loss (host kernel, products into gradient views). */
    @Test
    void oneToAllScorersAndTheirLossInFloatMatchTheDoublePath() {
        assertSame(FamilyGraphs.knowledgeGraphOneToAll().graph(), 1);
    }

    private static void assertSame(Graph graph, int minKept) {
        CompiledNetwork wide = compile(graph, DataType.DOUBLE);
        CompiledNetwork narrow = compile(graph, DataType.FLOAT);
        ComputationGraph d = wide.instantiate();
        ComputationGraph f = narrow.instantiate();
        f.setParams(d.params().castTo(DataType.FLOAT));
        RandomBatch batch = RandomBatch.of(graph, wide, 6, minKept, DataType.DOUBLE, 7);
        d.setLayerMaskArrays(batch.masks(), null);
        f.setLayerMaskArrays(cast(batch.masks()), null);
        INDArray outD = d.output(false, batch.inputs())[0];
        INDArray outF = f.output(false, cast(batch.inputs()))[0];
        assertClose(outD, outF, 1e-4, "outputs");
        d.setInputs(batch.inputs());
        d.setLabels(batch.labels());
        f.setInputs(cast(batch.inputs()));
        f.setLabels(cast(batch.labels()));
        d.computeGradientAndScore();
        f.computeGradientAndScore();
        assertEquals(d.score(), f.score(), 1e-4 * Math.max(1, Math.abs(d.score())), "loss");
        for (String key : d.gradient().gradientForVariable().keySet()) {
            assertClose(d.gradient().getGradientFor(key), f.gradient().getGradientFor(key), 1e-3, "gradient of " + key);
        }
    }

    private static CompiledNetwork compile(Graph graph, DataType type) {
        Nd4j.setDefaultDataTypes(type, type);
        return new GraphCompiler(BlockCatalog.standard())
                .compile(graph, new CompileOptions(type, 12345, new Sgd(0.1))).orThrow();
    }

    private static INDArray[] cast(INDArray[] arrays) {
        if (arrays == null) {
            return null;
        }
        INDArray[] out = new INDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = arrays[i] == null ? null : arrays[i].castTo(DataType.FLOAT);
        }
        return out;
    }

    /** Within {@code tolerance} of the larger of 1 and the double array's largest magnitude. */
    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff <= tolerance * scale, what + ": float differs from double by " + diff + " (scale " + scale + ")");
        assertTrue(expected.amaxNumber().doubleValue() > 0, what + " is all zero: nothing was compared");
    }
}
