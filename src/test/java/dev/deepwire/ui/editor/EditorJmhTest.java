package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.compiler.ShapeReport;
import dev.deepwire.model.Issue;
import org.junit.jupiter.api.Test;

/** The editor benchmark measures real work: its generated graph checks clean, has shapes and is laid out whole. */
class EditorJmhTest {

    @Test
    void benchmarkedGraphIsValidAndFullyLaidOut() {
        EditorJmh bench = new EditorJmh();
        bench.blocks = 1000;
        bench.setUp();
        assertThat(bench.check()).noneMatch(Issue::isError);
        ShapeReport shapes = (ShapeReport) bench.shapes();
        assertThat(shapes.hasErrors()).isFalse();
        assertThat(shapes.totalParams()).isPositive();
        assertThat(bench.autoArrange()).hasSize(bench.copy().nodes().size()).hasSizeGreaterThan(990);
    }
}
