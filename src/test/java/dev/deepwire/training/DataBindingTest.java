package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.Dataset;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Issue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A data/graph mismatch names a fix that can work, or why none does. */
class DataBindingTest {
    private static CompiledNetwork net(String output, String param, int value) {
        var g = new GraphFixture().node("x", "vector_input", "features", 2).node("o", output, param, value)
                .wire("x.out", "o.in").graph();
        return new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(1)).orThrow();
    }

    private static Dataset data(int classes) {
        return new Dataset(new INDArray[] {Nd4j.rand(4, 2)}, null, new INDArray[] {Nd4j.zeros(4, classes)}, List.of());
    }

    @Test
    void oneClassIsNotFixedBySettingClassesToOne() {
        assertThat(DataBinding.problems(net("softmax_output", "classes", 3), data(1))).extracting(Issue::message)
                .singleElement().asString().contains("every example has the same label").doesNotContain("set classes to 1");
    }

    @Test
    void aBlockWithoutAClassCountIsNotToldToSetOne() {
        assertThat(DataBinding.problems(net("regression_output", "units", 1), data(3))).extracting(Issue::message)
                .singleElement().asString().contains("this output block has no class count")
                .contains("softmax classifier for 3 classes").doesNotContain("set classes");
        assertThat(DataBinding.problems(net("softmax_output", "classes", 3), data(5))).extracting(Issue::message)
                .singleElement().asString().endsWith("set classes to 5");
    }
}
