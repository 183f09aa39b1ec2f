package dev.deepwire.training;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import org.bytedeco.javacpp.Pointer;

/**
 * Keeps a long run's resident memory flat. Every ND4J array owns native memory that is freed only when a
 * garbage collection finds its Java object unreachable (or when its owner closes it); the Java objects are
 * small, so the heap feels no pressure, and those promoted to the old generation wait for a full collection
 * that may never come, while native memory grows by tens of megabytes an epoch (digits-caption: 1.4 GB after
 * 20 epochs). Every {@value #CHECK_EVERY} steps this looks at three measures of what waits and asks for a
 * collection once one has grown past its allowance since the last collection: the native allocations JavaCPP
 * still tracks (many small arrays), the process's resident memory (few large ones: a 1-N scorer's [batch,
 * entities] arrays are megabytes each, so wordnet-links grew 90 MB in 12 epochs while fewer than 70,000
 * allocations waited), and the old generation (what only a full collection frees; its touched pages stay
 * resident). Memory stays bounded by a constant instead of growing with the number of steps.
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
    /** Growth of the old generation allowed before a collection. */
    static final long DEFAULT_OLD_LIMIT = 16L << 20;

    /**
     * One measure of what waits for a collection (0 where the platform does not tell) and the growth it allows
     * past its level after the last collection (given that level).
     */
    record Watch(LongSupplier measure, LongUnaryOperator allowance) {
    }

    private final List<Watch> watches;
    private final Runnable collect;
    private final ResidentCeiling ceiling;
    private final long[] baseline;
    private int collections;

    /** The training loop's: the three measures above, and the process's resident-memory ceiling kept each step. */
    NativeGarbage() {
        this(System::gc, List.of(new Watch(Pointer::totalCount, level -> DEFAULT_LIMIT),
                new Watch(Pointer::physicalBytes, level -> Math.max(DEFAULT_RESIDENT_LIMIT, level / 16)),
                new Watch(NativeGarbage::oldGeneration, level -> DEFAULT_OLD_LIMIT)), ResidentCeiling.ofThisProcess());
    }

    /** Watches the native allocations and the resident memory (the old generation left out). */
    NativeGarbage(LongSupplier waiting, LongSupplier resident, Runnable collect, long limit, long residentLimit) {
        this(collect, List.of(new Watch(waiting, level -> limit),
                new Watch(resident, level -> Math.max(residentLimit, level / 16))));
    }

    NativeGarbage(Runnable collect, List<Watch> watches) {
        this(collect, watches, new ResidentCeiling(0, () -> 0, () -> { }));
    }

    NativeGarbage(Runnable collect, List<Watch> watches, ResidentCeiling ceiling) {
        this.collect = collect;
        this.ceiling = ceiling;
        this.watches = List.copyOf(watches);
        this.baseline = new long[watches.size()];
        Arrays.fill(baseline, -1);
    }

    /**
     * Called after each training step: keeps the resident-memory ceiling (throws {@link OutOfMemoryError} where it
     * cannot), then every {@value #CHECK_EVERY} steps asks for a collection if one is due.
     */
    void afterStep(long step) {
        ceiling.check();
        if (step % CHECK_EVERY != 0) {
            return;
        }
        boolean due = false;
        for (int i = 0; i < watches.size(); i++) {
            long now = watches.get(i).measure().getAsLong();
            if (baseline[i] < 0 || now < baseline[i]) {
                baseline[i] = now; // measured again at the first check after a collection, once the freed is gone
            }
            due |= now - baseline[i] > watches.get(i).allowance().applyAsLong(baseline[i]);
        }
        if (due) {
            collectNow();
        }
    }

    /**
     * Called once when the loop is done, before the run's last work (the best model written, the test split scored
     * by the caller): whatever the steps and evaluations left waiting is freed first, so a run ends at the same
     * memory however many steps it took.
     */
    void runEnded() {
        collectNow();
    }

    private void collectNow() {
        collect.run();
        collections++;
        Arrays.fill(baseline, -1);
    }

    /** How many collections it asked for. */
    int collections() {
        return collections;
    }

    /** Bytes in use in the heap's old generation (the serial collector's "Tenured Gen"), 0 if there is none. */
    static long oldGeneration() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.contains("Tenured") || name.contains("Old"))) {
                return pool.getUsage().getUsed();
            }
        }
        return 0;
    }
}
