package dev.deepwire.training;

import dev.deepwire.training.backend.TrainingJvm;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * The training process's ceiling on its resident memory, kept once a step. JavaCPP keeps such a ceiling itself —
 * four times the largest heap unless told otherwise — and reads the process's resident memory at every native
 * allocation it tracks (ND4J's shape descriptors among them, dozens a step), under a lock each time: 2–8 % of
 * the samples' steps (marker 4 %, wordnet-links-sampled 8 %; ADR 0013). The training JVM turns that check off
 * ({@code org.bytedeco.javacpp.maxPhysicalBytes=0}) and names the same ceiling in
 * {@value TrainingJvm#CEILING_PROPERTY}; the loop keeps it here after each step as JavaCPP did: over it, a
 * collection and a pause for the freed arrays' memory to go, up to {@value #TRIES} times, then an
 * {@link OutOfMemoryError}, which the loop reports as running out of memory. (JavaCPP also trims malloc's free
 * blocks; in the training JVM, with malloc's mmap threshold fixed, large arrays go back to the system when freed.)
 * Where the property is not set (JavaCPP's own check then applies) it does nothing.
 */
public final class ResidentCeiling {
    /** JavaCPP's count of collections before it gives up. */
    static final int TRIES = 10;
    /** JavaCPP's pause after each collection, for the freed arrays' deallocators to run. */
    static final long PAUSE_MILLIS = 100;

    private final long ceiling;
    private final LongSupplier resident;
    private final Runnable collect;

    /** The ceiling the training JVM was started with (none outside it), measured and kept as JavaCPP does. */
    public static ResidentCeiling ofThisProcess() {
        long ceiling = Long.getLong(TrainingJvm.CEILING_PROPERTY, 0);
        return new ResidentCeiling(ceiling, () -> resident(ceiling), () -> {
            System.gc();
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * JavaCPP's cheap reading of the resident memory (the one its check made at every allocation), its accurate one
     * where that native is missing (as JavaCPP falls back), 0 (no check) where neither can be read.
     */
    private static long resident(long ceiling) {
        try {
            return Pointer.physicalBytesInaccurate(ceiling);
        } catch (UnsatisfiedLinkError e) {
            try {
                return Pointer.physicalBytes();
            } catch (UnsatisfiedLinkError again) {
                return 0;
            }
        }
    }

    ResidentCeiling(long ceiling, LongSupplier resident, Runnable collect) {
        this.ceiling = ceiling;
        this.resident = resident;
        this.collect = collect;
    }

    /** Whether a ceiling is kept here (0 or less: none). */
    boolean active() {
        return ceiling > 0;
    }

    /**
     * Returns at once while the process is under its ceiling; over it, collects until it is under, or throws
     * {@link OutOfMemoryError} after {@value #TRIES} collections.
     */
    public void check() {
        if (ceiling <= 0) {
            return;
        }
        long now = resident.getAsLong();
        for (int tries = 0; now > ceiling; tries++) {
            if (tries == TRIES) {
                throw new OutOfMemoryError(String.format(Locale.ROOT,
                        "resident memory %d MB is over the training process's ceiling of %d MB, four times its largest "
                                + "heap; java -D%s=2g raises both", now >> 20, ceiling >> 20, TrainingJvm.HEAP_PROPERTY));
            }
            collect.run();
            now = resident.getAsLong();
        }
    }
}
