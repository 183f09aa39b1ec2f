package dev.deepwire.training;

import java.util.function.LongSupplier;

/**
 * Spaces out the work a run does so it can be watched (health measurements, attention captures): due after the
 * first step and on every {@code every}-th step, and, with a budget, only once the training since the last
 * observation has taken at least that observation's cost divided by the budget, so watching costs the training
 * at most that share of its time. A capture of digits-caption's attention maps takes a third of a step: every 20
 * steps that was 2.3 % of its training thread, and its health measurements another 1.6 %; with a budget of 1 %
 * each they come every 40–60 steps instead, still about twice a second. Without a budget (0) the steps are fixed,
 * as tests need them. The first step's observation does not count: it is slow only because nothing is compiled yet;
 * nor does one slow observation (a collection or a compile during it) hold the next ones back, as the cheapest of
 * the latest three stands for their cost.
 */
public final class ObservationPacer {
    /** How many of the latest observations' costs are kept; the cheapest stands for them. */
    private static final int RECENT = 3;
    private final int every;
    private final double budget;
    private final LongSupplier clock;
    private final long[] recent = new long[RECENT];
    private int recorded;
    private boolean open;
    private boolean counted;
    private long cost;
    private long lastEnd = Long.MIN_VALUE / 2;

    /**
     * @param every  observe on every this many steps (0: never)
     * @param budget the largest share of the training's time observing may take (0: no limit)
     */
    public ObservationPacer(int every, double budget) {
        this(every, budget, System::nanoTime);
    }

    ObservationPacer(int every, double budget, LongSupplier clock) {
        this.every = every;
        this.budget = budget;
        this.clock = clock;
    }

    /** Whether the given step (counted from 1) is observed; if so, its observation's cost starts from zero. */
    public boolean due(long step) {
        if (every <= 0 || step != 1 && step % every != 0) {
            return false;
        }
        if (open && counted) { // the last observation is over: its cost joins the recent ones
            recent[recorded++ % RECENT] = cost;
        }
        open = false;
        boolean due = step == 1 || budget <= 0 || clock.getAsLong() - lastEnd >= estimate() / budget;
        if (due) {
            open = true;
            counted = step != 1;
            cost = 0;
        }
        return due;
    }

    /** What an observation costs: the cheapest of the latest few (0 before any was counted). */
    private long estimate() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < Math.min(recorded, RECENT); i++) {
            least = Math.min(least, recent[i]);
        }
        return recorded == 0 ? 0 : least;
    }

    /** Does a piece of observing work and counts its time (an observation may take several pieces). */
    public void timed(Runnable work) {
        long since = clock.getAsLong();
        work.run();
        long end = clock.getAsLong();
        if (counted) {
            cost += end - since;
        }
        lastEnd = end;
    }
}
