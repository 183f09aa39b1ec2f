package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.inspect.AttentionRecorder.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspector's choices without a screen: which capture shows, when a live redraw is due, head choices. */
class InspectorModelTest {
    private static Snapshot capture(String node, long step) {
        return new Snapshot(step, node, new float[1][2][3][3], 0);
    }

    @Test
    void followingShowsTheNewestCaptureOfTheBlockEvenAfterTypedText() {
        InspectorModel m = new InspectorModel();
        List<Snapshot> all = List.of(capture("a", 1), capture("b", 1), capture("a", 20), capture("a", 40));
        m.setTyped(capture("a", -1));
        assertThat(m.choose(all, "a", false, 0).typed()).isTrue();
        InspectorModel.Choice live = m.choose(all, "a", true, 0);
        assertThat(live.snapshot().step()).isEqualTo(40);
        assertThat(live.index()).isEqualTo(2);
        assertThat(live.count()).isEqualTo(3);
        assertThat(live.stepText()).isEqualTo("step 40 (3 of 3 captures)");
    }

    @Test
    void theSliderPicksACaptureWithinRangeAndABlockWithoutCapturesHasNone() {
        InspectorModel m = new InspectorModel();
        List<Snapshot> all = List.of(capture("a", 1), capture("a", 20));
        assertThat(m.choose(all, "a", false, 0).snapshot().step()).isEqualTo(1);
        assertThat(m.choose(all, "a", false, 7).snapshot().step()).isEqualTo(20);
        assertThat(m.choose(all, "c", false, 0)).isNull();
        m.setTyped(capture("b", -1)); // typed for another block does not show for this one
        assertThat(m.choose(all, "a", false, 1).typed()).isFalse();
    }

    @Test
    void liveRedrawsWaitTheirTurnOnlyWhileARunIsGoing() {
        InspectorModel m = new InspectorModel();
        long t0 = 1_000_000_000_000L;
        assertThat(m.liveDelayMs(t0, true)).isZero();
        m.redrawnAt(t0);
        assertThat(m.liveDelayMs(t0 + 100_000_000L, true)).isEqualTo(InspectorModel.LIVE_MS - 100);
        assertThat(m.liveDelayMs(t0 + 100_000_000L, false)).isZero();
        assertThat(m.liveDelayMs(t0 + 500_000_000L, true)).isZero();
    }

    @Test
    void headChoicesAreValuesWithLabelsOnlyForTheScreen() {
        assertThat(InspectorModel.HeadChoice.all(2)).extracting(InspectorModel.HeadChoice::index).containsExactly(-1, -2, 0, 1);
        assertThat(InspectorModel.HeadChoice.all(2)).extracting(Object::toString)
                .containsExactly("mean of heads", "max of heads", "head 0", "head 1");
        assertThat(new InspectorModel.HeadChoice(1)).isEqualTo(InspectorModel.HeadChoice.all(2).get(3));
    }

    @Test
    void findClearestOnOneChosenExampleNamesNoExampleAndCountsNoneTwice() {
        Snapshot s = new Snapshot(9, "attn", new float[8][4][3][3], 0); // one example repeated as 8 probes, 4 heads
        var found = java.util.Optional.of(new dev.deepwire.inspect.AttentionFocus.Found(
                new dev.deepwire.inspect.AttentionFocus.Spot(0, 2, 1, 0.776f, 0.3), "<M>", "<M>"));
        assertThat(InspectorModel.focusText(found, s, 8)).isEqualTo("Clearest: example 0, head 2 — the '<M>' row puts "
                + "0.776 on one key (ranked by the '<M>' row of 8 examples × 4 heads).");
        // beside "validation example 999" it had said "example 0" and "of 8 examples" (all the same one)
        assertThat(InspectorModel.focusText(found, s, 1)).isEqualTo("Clearest: head 2 — the '<M>' row puts 0.776 on one "
                + "key (ranked by the '<M>' row of 4 heads).");
    }
}
