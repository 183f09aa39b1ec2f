package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeHealthTest {
    private static NodeHealth health(double ratio, double std, long nonFinite, double grad) {
        return new NodeHealth("n", ratio, 0.1, std, nonFinite, grad, 100);
    }

    @Test
    void healthyBlocksHaveNoProblem() {
        assertThat(health(1e-3, 0.5, 0, 1).problem()).isEmpty();
    }

    @Test
    void eachUnhealthySignIsNamedWithWhatToDo() {
        assertThat(health(1e-3, 0.5, 3, 1).problem()).contains("NaN or infinite values in its output");
        assertThat(health(2e-1, 0.5, 0, 1).problem()).hasValueSatisfying(m -> assertThat(m)
                .contains("ratio 2e-01").contains("learning rate is too high"));
        assertThat(health(1e-9, 0.5, 0, 1).problem()).hasValueSatisfying(m -> assertThat(m).contains("barely learning"));
        assertThat(health(1e-3, 0.5, 0, 5e3).problem()).hasValueSatisfying(m -> assertThat(m).contains("exploding gradients"));
        assertThat(health(1e-3, 0, 0, 1).problem()).hasValueSatisfying(m -> assertThat(m).contains("constant"));
    }
}
