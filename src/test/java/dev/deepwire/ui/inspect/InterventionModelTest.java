package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.SmallAttentionNetwork;
import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.Ablation;
import dev.deepwire.inspect.AttentionRecorder.Snapshot;
import dev.deepwire.inspect.Experiment;
import dev.deepwire.inspect.TrainedModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The inspector's interventions without a screen: what is kept across a change of view, pinned maps, the figures in words. */
class InterventionModelTest {
    private static final Dataset DATA = new Dataset(
            new INDArray[] {Nd4j.createFromArray(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 0, 0}})},
            new INDArray[] {Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}})},
            new INDArray[] {Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}})}, List.of("a", "b", "c"));

    @Test
    void otherExamplesKeepTheHeadsOffButNotThePinsAndAnotherBlockStartsAfresh() {
        InterventionModel m = new InterventionModel();
        TrainedModel model = new TrainedModel(SmallAttentionNetwork.build(3));
        assertThat(m.aim(model, DATA, "attn", DATA)).isTrue();
        m.switchHead(1, Ablation.MEAN);
        m.pin(0, 0, 2, 4, 5);
        assertThat(m.aim(model, DATA, "attn", DATA)).isFalse();
        assertThat(m.off(1)).isTrue();
        assertThat(m.pinnedRow(0, 0)).isEqualTo(2);
        Dataset typed = DATA.range(0, 1);
        assertThat(m.aim(model, DATA, "attn", typed)).isFalse();
        assertThat(m.off(1)).as("typed text keeps the heads off").isTrue();
        assertThat(m.pinnedRow(0, 0)).as("a pin belongs to one example").isEqualTo(-1);
        assertThat(m.aim(model, DATA, "other", typed)).isTrue();
        assertThat(m.off(1)).isFalse();
    }

    @Test
    void aRunsModelAtRestComingInANewWrapperIsTheSameModelAndItsCopyIsRenewedWhenTrainedFurther() {
        InterventionModel m = new InterventionModel();
        var net = SmallAttentionNetwork.build(3);
        assertThat(m.aim(new TrainedModel(net), DATA, "attn", DATA)).isTrue();
        m.switchHead(0, Ablation.ZERO);
        Experiment first = m.experiment();
        assertThat(m.aim(new TrainedModel(net), DATA, "attn", DATA)).as("the same network").isFalse();
        assertThat(m.experiment()).isSameAs(first);
        net.getConfiguration().setIterationCount(net.getConfiguration().getIterationCount() + 5); // trained on
        assertThat(m.aim(new TrainedModel(net), DATA, "attn", DATA)).isFalse();
        assertThat(m.experiment()).as("measured anew").isNotSameAs(first);
        assertThat(m.off(0)).as("the same heads stay off").isTrue();
        assertThat(m.aim(new TrainedModel(SmallAttentionNetwork.build(3)), DATA, "attn", DATA)).as("another network").isTrue();
        assertThat(m.off(0)).isFalse();
    }

    @Test
    void aPinnedMapReplacesOnlyThePinnedRowOfACopy() {
        InterventionModel m = new InterventionModel();
        m.aim(new TrainedModel(SmallAttentionNetwork.build(3)), DATA, "attn", DATA);
        float[][][][] w = new float[2][2][5][5];
        for (float[][][] e : w) {
            for (float[][] h : e) {
                for (float[] row : h) {
                    java.util.Arrays.fill(row, 0.2f);
                }
            }
        }
        Snapshot s = new Snapshot(7, "attn", w, 0);
        m.pin(1, 0, 3, 2, 5);
        Snapshot p = m.pinned(s);
        assertThat(p.map(1, 0)[3]).containsExactly(0, 0, 1, 0, 0);
        assertThat(p.map(1, 0)[2]).containsExactly(0.2f, 0.2f, 0.2f, 0.2f, 0.2f);
        assertThat(p.map(0, 0)[3]).containsExactly(0.2f, 0.2f, 0.2f, 0.2f, 0.2f);
        assertThat(s.weights()[1][0][3][2]).as("the capture itself is untouched").isEqualTo(0.2f);
        m.restore();
        assertThat(m.pinned(s)).isSameAs(s);
    }

    @Test
    void theFiguresSayWhatIsOffAndWhyTheAccuracyIsNotMeasuredWithAPin() {
        InterventionModel m = new InterventionModel();
        m.aim(new TrainedModel(SmallAttentionNetwork.build(3)), DATA, "attn", DATA);
        m.switchHead(0, Ablation.ZERO);
        m.switchHead(1, Ablation.MEAN);
        assertThat(m.offText()).isEqualTo("heads 0 (zero), 1 (mean) off");
        InterventionModel.Figures f = m.figures(1);
        assertThat(f.accuracyAfter()).isEqualTo(m.experiment().accuracy(m.intervention()));
        assertThat(m.accuracyText(f)).contains("→").endsWith("with heads 0 (zero), 1 (mean) off");
        assertThat(InterventionModel.predictionText(f)).startsWith("Prediction: ").contains("  →  ");
        m.switchHead(1, null);
        InterventionModel.Figures headOneOn = m.figures(1);
        m.pin(1, 1, 0, 1, 5); // head 1 works: pinning its row changes the prediction (head 0's would not: it is off)
        InterventionModel.Figures pinned = m.figures(1);
        assertThat(pinned.accuracyAfter()).isNaN();
        assertThat(m.accuracyText(pinned)).contains("a pinned row belongs to the shown example");
        assertThat(pinned.after()).isNotEqualTo(headOneOn.after());
        assertThat(pinned.before()).isEqualTo(headOneOn.before());
        assertThat(new Experiment.Prediction("b", 0.5).toString()).isEqualTo("b (p 0.50)");
    }
}
