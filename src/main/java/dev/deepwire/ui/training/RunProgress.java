package dev.deepwire.ui.training;

import dev.deepwire.training.NodeHealth;
import dev.deepwire.training.TrainingEvent;
import java.util.Queue;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * What a run has measured, as the dock shows it: the curves, each block's health, the progress bar and its text, and
 * the backend the run reported. Fed the run's measuring events on the UI thread.
 */
final class RunProgress {
    private final MetricsHistory history = new MetricsHistory();
    private final ObservableMap<String, NodeHealth> health = FXCollections.observableHashMap();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty backend = new SimpleStringProperty("");
    private final LongProperty pointsAdded = new SimpleLongProperty();
    private final LossNote lossNote = new LossNote();
    private final BooleanProperty ranked = new SimpleBooleanProperty();
    /**
     * The time left is estimated from the pace measured since the first step shown (or the first after a pause), once
     * that is this many steps and {@link #PACE_SECONDS} long: taken from the run's start, the training process's
     * start-up and the compiler's first steps went into it, and the first step of a 3-epoch marker run said
     * "ETA 36:54" for a run of under two minutes.
     */
    static final int PACE_STEPS = 10;
    static final double PACE_SECONDS = 1.0;
    private final LongSupplier clock;
    /** Whether {@link #paceFrom} and {@link #paceStep} hold a step the pace is measured from. */
    private boolean paced;
    private long paceFrom;
    private long paceStep;
    private int stepsPerEpoch;
    private int epochs;
    /** The last step shown, null before a run's first. */
    private TrainingEvent.StepCompleted last;
    /** The run has ended: no time left is shown. */
    private boolean over;

    RunProgress() {
        this(System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime} (a test's own clock) */
    RunProgress(LongSupplier clock) {
        this.clock = clock;
    }

    MetricsHistory history() {
        return history;
    }

    ObservableMap<String, NodeHealth> health() {
        return health;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty progressTextProperty() {
        return progressText;
    }

    StringProperty backendProperty() {
        return backend;
    }

    /** Why a 1-N run's validation loss stays flat (the line under the loss chart). */
    LossNote lossNote() {
        return lossNote;
    }

    /**
     * Whether the dock's second chart is the validation filtered MRR, not accuracy: the run shown (or, before one, the
     * project's settings) selects its model on MRR. A 1-N knowledge-graph model's "accuracy" is its hits@1 over every
     * entity, unfiltered — near 0 for many epochs while MRR climbs — and MRR is what the run keeps its model by.
     */
    BooleanProperty rankedProperty() {
        return ranked;
    }

    /** What the model is (or will be) selected on ({@code TrainingSettings.selectOn}): the figure the second chart draws. */
    void selectsOn(String figure) {
        ranked.set("mrr".equals(figure));
    }

    /**
     * Before a run, and while no run's curves are shown, the second chart follows "Select on" ({@code selectOn}) as
     * each edit ({@code edits}) changes it; a run's curves keep the figure they were measured on.
     */
    void followSelection(ObservableValue<?> edits, Supplier<String> selectOn, BooleanSupplier busy) {
        edits.addListener((o, a, b) -> {
            if (!busy.getAsBoolean() && history.trainLoss().isEmpty()) {
                selectsOn(selectOn.get());
            }
        });
        selectsOn(selectOn.get());
    }

    LongProperty pointsAddedProperty() {
        return pointsAdded;
    }

    /** The charts have new points (or lost them): they redraw. */
    void pointsChanged() {
        pointsAdded.set(pointsAdded.get() + 1);
    }

    /** Another project is shown: nothing of the last one's runs stays. */
    void clearAll() {
        history.clearAll();
        health.clear();
        lossNote.clear();
        noPlace();
    }

    /**
     * The bar and its text show no run's place: a run is being prepared (Train again had shown the last run's "epoch
     * 5/20 · step 1,282" through "Preparing…"), or was refused before its first step.
     */
    void noPlace() {
        last = null;
        progress.set(0);
        progressText.set("");
    }

    /** A new run of {@code epochs} epochs: its curves and health start empty. */
    void begin(int epochs) {
        last = null;
        over = false;
        history.clear();
        health.clear();
        this.epochs = epochs;
    }

    /** The run's steps start now: the time left is measured afresh. */
    void startClock() {
        paced = false;
    }

    /**
     * Follows a measuring event (start, step, learning rate, epoch, the figure selected on, health); returns whether it added a point to
     * the curves. Other events are left to the caller.
     */
    boolean apply(TrainingEvent event) {
        if (event instanceof TrainingEvent.RunStarted s) {
            stepsPerEpoch = s.stepsPerEpoch();
            history.setStepsPerEpoch(stepsPerEpoch);
            backend.set(s.backend());
        } else if (event instanceof TrainingEvent.StateChanged c && c.state() == dev.deepwire.training.RunState.PAUSED) {
            paced = false; // the time paused is no part of the pace
        } else if (event instanceof TrainingEvent.StepCompleted s) {
            history.trainLoss().add(new MetricsHistory.Point(s.step(), s.loss()));
            return true;
        } else if (event instanceof TrainingEvent.LearningRate lr) {
            history.learningRate().add(new MetricsHistory.Point(lr.step(), lr.value()));
            return true;
        } else if (event instanceof TrainingEvent.EpochCompleted ep) {
            history.validationLoss().add(new MetricsHistory.Point(ep.step(), ep.validationLoss()));
            history.validationAccuracy().add(new MetricsHistory.Point(ep.step(), ep.validationAccuracy()));
            return true;
        } else if (event instanceof TrainingEvent.SelectionMeasured m) {
            lossNote.measured(m);
            if (m.figure().equals(TrainingEvent.SelectionMeasured.MRR)) { // kept for the run's export and Compare
                history.validationMrr().add(new MetricsHistory.Point(m.step(), m.value()));
            }
        } else if (event instanceof TrainingEvent.RunFinished f) {
            lossNote.finished(f.keptEpoch());
        } else if (event instanceof TrainingEvent.HealthMeasured h) {
            for (NodeHealth n : h.nodes()) {
                health.put(n.nodeId(), n);
            }
        }
        return false;
    }

    /** The run has ended: its last step stays shown, without a time left. */
    void ended() {
        over = true;
        if (last != null) {
            progressText.set(RunMessages.progress(last, epochs, (long) stepsPerEpoch * epochs, Double.NaN));
        }
    }

    /** The bar and its text for step {@code s}, with the time left at the pace so far. */
    void showProgress(TrainingEvent.StepCompleted s) {
        last = s;
        long total = (long) stepsPerEpoch * epochs;
        progress.set(total == 0 ? 0 : (double) s.step() / total);
        long now = clock.getAsLong();
        if (!paced || s.step() < paceStep) {
            paced = true;
            paceFrom = now;
            paceStep = s.step();
        }
        double seconds = (now - paceFrom) / 1e9;
        long steps = s.step() - paceStep;
        double eta = over || steps < PACE_STEPS || seconds < PACE_SECONDS ? Double.NaN : seconds / steps * (total - s.step());
        progressText.set(RunMessages.progress(s, epochs, total, eta));
    }

    /** Shows a kept run's curves as the "previous run" the charts compare with, thinned as a kept run's are. */
    void showPrevious(MetricsHistory curves, String name) {
        history.previousName(name);
        MetricsHistory previous = curves.thinned(); // (read thinned already: a copy of at most 2,000 points each)
        history.previousTrainLoss().clear();
        history.previousTrainLoss().addAll(previous.trainLoss());
        history.previousValidationAccuracy().clear();
        history.previousValidationAccuracy().addAll(previous.validationAccuracy());
        history.previousValidationMrr().clear();
        history.previousValidationMrr().addAll(previous.validationMrr());
        pointsChanged();
    }

    /** Marks a failed block as the one that broke (full of non-finite values). */
    void markBroken(String nodeId) {
        health.put(nodeId, new NodeHealth(nodeId, 0, Double.NaN, Double.NaN, 1, 0, 0));
    }

    /**
     * Applies the queued events with {@code apply} (which says whether an event added a point), shows the newest
     * step's progress once, and tells the charts when points were added; returns how many events there were.
     */
    int drain(Queue<TrainingEvent> queue, Predicate<TrainingEvent> apply) {
        int n = 0;
        TrainingEvent e;
        boolean added = false;
        TrainingEvent.StepCompleted lastStep = null;
        while ((e = queue.poll()) != null) {
            n++;
            added |= apply.test(e);
            if (e instanceof TrainingEvent.StepCompleted s) {
                lastStep = s;
            }
        }
        if (lastStep != null) {
            showProgress(lastStep); // the bar and its text for the newest step only, not for each of them
        }
        if (added) {
            pointsChanged();
        }
        return n;
    }
}
