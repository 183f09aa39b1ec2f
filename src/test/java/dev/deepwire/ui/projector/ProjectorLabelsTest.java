package dev.deepwire.ui.projector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A point's label stays inside the plot: near the right edge it goes to the left of the point (the labels of
 * wordnet-links' entities were cut at the right edge), near the top it drops below the edge.
 */
class ProjectorLabelsTest {
    @Test
    void aLabelNearTheRightEdgeFlipsToTheLeftOfItsPointAndStaysInside() {
        double w = 600;
        assertThat(ProjectorPainter.labelX(100, 7, 120, w)).as("room on the right: beside the point").isEqualTo(107);
        double x = ProjectorPainter.labelX(590, 7, 120, w);
        assertThat(x + 120).as("ends inside the plot").isLessThanOrEqualTo(w);
        assertThat(x + 120).as("left of the point").isLessThanOrEqualTo(590 - 7);
        double wide = ProjectorPainter.labelX(30, 7, 590, w);
        assertThat(wide).as("a label wider than the room either side starts inside the plot").isGreaterThanOrEqualTo(0);
        assertThat(ProjectorPainter.labelY(-3, 400)).as("above the top: one line down").isGreaterThanOrEqualTo(11);
        assertThat(ProjectorPainter.labelY(405, 400)).as("below the bottom: inside").isLessThanOrEqualTo(400);
        assertThat(ProjectorPainter.labelY(200, 400)).isEqualTo(200);
    }
}
