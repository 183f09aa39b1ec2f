package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.training.backend.TrainingJvm;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResidentCeilingTest {
    private static final long MB = 1L << 20;

    @Test
    void underTheCeilingNothingIsCollected() {
        AtomicInteger collections = new AtomicInteger();
        ResidentCeiling c = new ResidentCeiling(400 * MB, () -> 399 * MB, collections::incrementAndGet);
        for (int step = 0; step < 1_000; step++) {
            c.check();
        }
        assertThat(collections.get()).isZero();
    }

    @Test
    void overTheCeilingItCollectsUntilUnder() {
        AtomicLong resident = new AtomicLong(500 * MB);
        AtomicInteger collections = new AtomicInteger();
        ResidentCeiling c = new ResidentCeiling(400 * MB, resident::get, () -> {
            collections.incrementAndGet();
            resident.addAndGet(-40 * MB); // each collection frees some of what waited
        });
        c.check();
        assertThat(collections.get()).as("500 → 460 → 420 → 380 MB").isEqualTo(3);
        c.check();
        assertThat(collections.get()).isEqualTo(3);
    }

    @Test
    void memoryThatStaysOverTheCeilingIsAnOutOfMemoryErrorNamingBothFiguresAndTheFix() {
        AtomicInteger collections = new AtomicInteger();
        ResidentCeiling c = new ResidentCeiling(4096 * MB, () -> 4500 * MB, collections::incrementAndGet);
        assertThatThrownBy(c::check).isInstanceOf(OutOfMemoryError.class)
                .hasMessageContaining("4500 MB").hasMessageContaining("4096 MB")
                .hasMessageContaining("-D" + TrainingJvm.HEAP_PROPERTY + "=2g");
        assertThat(collections.get()).isEqualTo(ResidentCeiling.TRIES);
    }

    @Test
    void withoutACeilingNothingIsMeasured() {
        AtomicInteger measured = new AtomicInteger();
        ResidentCeiling c = new ResidentCeiling(0, () -> {
            measured.incrementAndGet();
            return Long.MAX_VALUE;
        }, () -> { });
        c.check();
        assertThat(c.active()).isFalse();
        assertThat(measured.get()).isZero();
    }

    @Test
    void theLoopKeepsTheCeilingEveryStepNotOnlyAtItsChecks() {
        AtomicLong resident = new AtomicLong(100 * MB);
        AtomicInteger collections = new AtomicInteger();
        ResidentCeiling ceiling = new ResidentCeiling(200 * MB, resident::get, () -> {
            collections.incrementAndGet();
            resident.set(150 * MB);
        });
        NativeGarbage g = new NativeGarbage(() -> { }, java.util.List.of(), ceiling);
        g.afterStep(1);
        resident.set(300 * MB);
        g.afterStep(2); // not a multiple of NativeGarbage.CHECK_EVERY
        assertThat(collections.get()).isEqualTo(1);
        assertThat(resident.get()).isEqualTo(150 * MB);
    }
}
