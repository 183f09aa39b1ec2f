package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NativeGarbageTest {
    @Test
    void asksForACollectionOnlyWhenMoreThanTheLimitWaitsSinceTheLast() {
        AtomicLong waiting = new AtomicLong(1_000);
        AtomicInteger collections = new AtomicInteger();
        NativeGarbage g = new NativeGarbage(waiting::get, () -> 100L << 20, () -> {
            collections.incrementAndGet();
            waiting.set(1_000); // a collection frees what was waiting
        }, 500, 32L << 20);
        long step = 0;
        for (int check = 0; check < 10; check++) {
            waiting.addAndGet(100); // 100 more per check: the limit is passed after six checks past the baseline
            for (int i = 0; i < NativeGarbage.CHECK_EVERY; i++) {
                g.afterStep(++step);
            }
        }
        assertThat(collections.get()).isEqualTo(1);
        assertThat(g.collections()).isEqualTo(1);
    }

    @Test
    void steadyMemoryNeverTriggersACollection() {
        AtomicInteger collections = new AtomicInteger();
        NativeGarbage g = new NativeGarbage(() -> 5_000_000, () -> 300L << 20, collections::incrementAndGet, 10, 1);
        for (long step = 1; step <= 10_000; step++) {
            g.afterStep(step);
        }
        assertThat(collections.get()).isZero();
    }

    @Test
    void fewLargeArraysWaitingAreCollectedByTheGrowthOfResidentMemory() {
        // The count barely moves (a 1-N scorer's [batch, entities] arrays are few and large), resident memory does.
        AtomicLong resident = new AtomicLong(320L << 20);
        AtomicInteger collections = new AtomicInteger();
        NativeGarbage g = new NativeGarbage(() -> 10_000, resident::get, () -> {
            collections.incrementAndGet();
            resident.set(320L << 20); // freed and reused: the process is back where it was
        }, 150_000, 16L << 20);
        long step = 0;
        long highest = 0;
        for (int check = 0; check < 40; check++) {
            resident.addAndGet(4L << 20); // 4 MB more per check
            highest = Math.max(highest, resident.get());
            for (int i = 0; i < NativeGarbage.CHECK_EVERY; i++) {
                g.afterStep(++step);
            }
        }
        // Allowed: a sixteenth of 324 MB (20.25 MB) past the baseline measured at the first check, so a collection
        // at the seventh check of each round (24 MB past it); memory never more than one check past the allowance.
        assertThat(collections.get()).isEqualTo(5);
        assertThat(highest).isLessThanOrEqualTo((324L << 20) + (24L << 20));
    }

    @Test
    void aSmallProcessGetsTheSmallestAllowanceAndAnUnknownResidentSetIsIgnored() {
        AtomicLong resident = new AtomicLong(64L << 20);
        AtomicInteger collections = new AtomicInteger();
        NativeGarbage g = new NativeGarbage(() -> 0, resident::get, collections::incrementAndGet, 150_000, 16L << 20);
        g.afterStep(NativeGarbage.CHECK_EVERY);
        resident.addAndGet(15L << 20); // below 16 MB (a sixteenth of 64 MB would be 4 MB)
        g.afterStep(2 * NativeGarbage.CHECK_EVERY);
        assertThat(collections.get()).isZero();
        resident.addAndGet(2L << 20);
        g.afterStep(3 * NativeGarbage.CHECK_EVERY);
        assertThat(collections.get()).isEqualTo(1);

        NativeGarbage blind = new NativeGarbage(() -> 0, () -> 0, collections::incrementAndGet, 150_000, 16L << 20);
        for (long step = 1; step <= 1_000; step++) {
            blind.afterStep(step);
        }
        assertThat(collections.get()).isEqualTo(1);
    }

    @Test
    void theEndOfARunCollectsOnceWhateverWaits() {
        AtomicInteger collections = new AtomicInteger();
        NativeGarbage g = new NativeGarbage(() -> 0, () -> 300L << 20, collections::incrementAndGet, 150_000, 16L << 20);
        g.afterStep(NativeGarbage.CHECK_EVERY);
        assertThat(collections.get()).isZero();
        g.runEnded();
        assertThat(collections.get()).isEqualTo(1);
        assertThat(g.collections()).isEqualTo(1);
    }

    @Test
    void theOldGenerationGrowingPastItsAllowanceAsksForACollection() {
        AtomicLong old = new AtomicLong(30L << 20);
        AtomicInteger collections = new AtomicInteger();
        NativeGarbage g = new NativeGarbage(() -> {
            collections.incrementAndGet();
            old.set(30L << 20); // promoted garbage freed
        }, List.of(new NativeGarbage.Watch(() -> 0, level -> 150_000), new NativeGarbage.Watch(old::get, level -> 16L << 20)));
        long step = 0;
        for (int check = 0; check < 20; check++) {
            old.addAndGet(3L << 20);
            for (int i = 0; i < NativeGarbage.CHECK_EVERY; i++) {
                g.afterStep(++step);
            }
        }
        // 33 MB at the first check is the baseline; 51 MB (18 past it) at the seventh: a collection per seven checks.
        assertThat(collections.get()).isEqualTo(2);
    }
}
