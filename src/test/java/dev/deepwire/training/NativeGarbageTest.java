package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NativeGarbageTest {
    @Test
    void asksForACollectionOnlyWhenMoreThanTheLimitWaitsSinceTheLast() {
        AtomicLong waiting = new AtomicLong(1_000);
        AtomicInteger collections = new AtomicInteger();
        NativeGarbage g = new NativeGarbage(waiting::get, () -> {
            collections.incrementAndGet();
            waiting.set(1_000); // a collection frees what was waiting
        }, 500);
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
        NativeGarbage g = new NativeGarbage(() -> 5_000_000, collections::incrementAndGet, 10);
        for (long step = 1; step <= 10_000; step++) {
            g.afterStep(step);
        }
        assertThat(collections.get()).isZero();
    }
}
