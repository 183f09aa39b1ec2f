package dev.deepwire.sweep;

/** A task body for tests whose runs never end on their own (as a long training run), until their process is ended. */
record HangingSweepBody() implements SweepTaskBody {
    @Override
    public SweepOutcome run(SweepTask task) {
        try {
            new java.util.concurrent.CountDownLatch(1).await(); // a run that takes longer than anyone waits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SweepOutcome.failed(task.runName(), "interrupted");
    }
}
