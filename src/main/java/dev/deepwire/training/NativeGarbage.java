package dev.deepwire.training;

import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Keeps a long run's resident memory flat. Every ND4J array owns native memory that is freed only when a
 * garbage collection finds its Java object unreachable; the Java objects are small, so the heap feels no
 * pressure and collections that reach them are rare, while native memory grows by tens of megabytes an
 * epoch (digits-caption: 1.4 GB after 20 epochs). Every {@value #CHECK_EVERY} steps this counts the native
 * allocations JavaCPP still tracks and asks for a collection once {@code limit} more are waiting than after
 * the last one, so memory stays bounded by a constant instead of growing with the number of steps.
 */
final class NativeGarbage {
    static final int CHECK_EVERY = 25;
    /** Native allocations allowed to wait for a collection (about 40–80 MB of small arrays). */
    static final long DEFAULT_LIMIT = 150_000;

    private final LongSupplier waiting;
    private final Runnable collect;
    private final long limit;
    private long baseline = -1;
    private int collections;

    NativeGarbage() {
        this(Pointer::totalCount, System::gc, DEFAULT_LIMIT);
    }

    NativeGarbage(LongSupplier waiting, Runnable collect, long limit) {
        this.waiting = waiting;
        this.collect = collect;
        this.limit = limit;
    }

    /** Called after each training step. */
    void afterStep(long step) {
        if (step % CHECK_EVERY != 0) {
            return;
        }
        long now = waiting.getAsLong();
        if (baseline < 0 || now < baseline) {
            baseline = now;
        } else if (now - baseline > limit) {
            collect.run();
            collections++;
            baseline = -1; // measured again at the next check, once the freed allocations are gone
        }
    }

    /** How many collections it asked for. */
    int collections() {
        return collections;
    }
}
