package dev.deepwire.training;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The handle of one run: pause, resume and stop take effect between two steps (so within one step);
 * the trained model stays available after any ending, stopped runs included.
 */
public final class TrainingRun implements RunControl {
    private final Object lock = new Object();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RunState state = RunState.STARTING;
    private volatile boolean stopRequested;
    private boolean pauseRequested;
    private volatile ComputationGraph model;
    private volatile TrainingEvent outcome;

    @Override
    public RunState state() {
        return state;
    }

    @Override
    public void pause() {
        synchronized (lock) {
            pauseRequested = true;
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** Ends the run after the current step; the model trained so far is kept. */
    @Override
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /** Waits for the run to end; returns false on timeout. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    public void await() throws InterruptedException {
        done.await();
    }

    /** The network being (or having been) trained; null before it is built. */
    @Override
    public ComputationGraph model() {
        return model;
    }

    /** The final event (finished, stopped or failed), once the run is over. */
    public TrainingEvent outcome() {
        return outcome;
    }

    // --- used by the engine on the training thread ---

    void setModel(ComputationGraph model) {
        this.model = model;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Blocks while paused. Returns the state changes to publish: PAUSED when a pause began and RUNNING
     * when it ended.
     */
    void waitWhilePaused(TrainingListener listener) throws InterruptedException {
        synchronized (lock) {
            if (!pauseRequested || stopRequested) {
                return;
            }
            state = RunState.PAUSED;
        }
        listener.onEvent(new TrainingEvent.StateChanged(RunState.PAUSED));
        synchronized (lock) {
            while (pauseRequested && !stopRequested) {
                lock.wait();
            }
            state = RunState.RUNNING;
        }
        listener.onEvent(new TrainingEvent.StateChanged(RunState.RUNNING));
    }

    void setState(RunState s) {
        state = s;
    }

    void end(RunState s, TrainingEvent event) {
        outcome = event;
        state = s;
        done.countDown();
    }
}
