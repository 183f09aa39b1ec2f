package dev.deepwire.training;

import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Keeps a long run's resident memory flat. Every ND4J array owns native memory that is freed only when a
 * garbage collection finds its Java object unreachable (or when its owner closes it); the Java objects are
 * small, so the heap feels no pressure and collections that reach them are rare — those promoted to the old
 * generation wait for a full collection that may never come — while native memory grows by tens of megabytes
 * an epoch (digits-caption: 1.4 GB after 20 epochs). Every {@value #CHECK_EVERY} steps this looks at two
 * measures and asks for a collection once either has grown past its limit since the last one: the native
 * allocations JavaCPP still tracks (many small arrays), and the process's resident memory (few large ones: a
 * 1-N scorer's [batch, entities] arrays are megabytes each, so wordnet-links grew 90 MB in 12 epochs while
 * fewer than 70,000 allocations waited). Memory stays bounded by a constant instead of growing with the number
 * of steps.
 */
final class NativeGarbage {
    static final int CHECK_EVERY = 25;
    /** Native allocations allowed to wait for a collection (about 40–80 MB of small arrays). */
    static final long DEFAULT_LIMIT = 150_000;
    /**
     * Growth of the resident memory allowed before a collection: a sixteenth of what it was after the last one, at
     * least this much (so a small process is not collected for every few megabytes).
     */
    static final long DEFAULT_RESIDENT_LIMIT = 16L << 20;

    private final LongSupplier waiting;
    private final LongSupplier resident;
    private final Runnable collect;
    private final long limit;
    private final long residentLimit;
    private long baseline = -1;
    private long residentBaseline = -1;
    private int collections;

    NativeGarbage() {
        this(Pointer::totalCount, Pointer::physicalBytes, System::gc, DEFAULT_LIMIT, DEFAULT_RESIDENT_LIMIT);
    }

    NativeGarbage(LongSupplier waiting, LongSupplier resident, Runnable collect, long limit, long residentLimit) {
        this.waiting = waiting;
        this.resident = resident;
        this.collect = collect;
        this.limit = limit;
        this.residentLimit = residentLimit;
    }

    /** Called after each training step. */
    void afterStep(long step) {
        if (step % CHECK_EVERY != 0) {
            return;
        }
        long now = waiting.getAsLong();
        long residentNow = resident.getAsLong();
        if (baseline < 0 || now < baseline) {
            baseline = now;
        }
        if (residentBaseline <= 0 || residentNow < residentBaseline) {
            residentBaseline = residentNow; // 0: the platform does not tell, and only the count is watched
        }
        long residentAllowed = Math.max(residentLimit, residentBaseline / 16);
        if (now - baseline > limit || (residentNow > 0 && residentNow - residentBaseline > residentAllowed)) {
            collect.run();
            collections++;
            // measured again at the next check, once the freed allocations are gone
            baseline = -1;
            residentBaseline = -1;
        }
    }

    /**
     * Called once when the loop is done, before the run's last work (the best model written, the test split scored
     * by the caller): whatever the steps and evaluations left waiting is freed first, so a run ends at the same
     * memory however many steps it took.
     */
    void runEnded() {
        collect.run();
        collections++;
        baseline = -1;
        residentBaseline = -1;
    }

    /** How many collections it asked for. */
    int collections() {
        return collections;
    }
}
