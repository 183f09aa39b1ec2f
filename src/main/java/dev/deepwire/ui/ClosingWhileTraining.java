package dev.deepwire.ui;

import dev.deepwire.training.RunState;
import dev.deepwire.ui.training.TrainingViewModel;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * Closing a window, or quitting, while a project trains: asked first, and on "Stop" the runs are stopped and the
 * window closes only once they have ended, so each run's folder holds the whole run (its run.json, the model trained
 * so far) rather than what the training process had written when it was killed.
 */
final class ClosingWhileTraining {
    /** Runs stopped for a close that waits for them (asking again would only close twice). */
    private static final Set<TrainingViewModel> STOPPING = Collections.newSetFromMap(new WeakHashMap<>());

    private ClosingWhileTraining() {
    }

    /**
     * Whether the windows of {@code trainings} may close now: yes where none trains; else asks (on {@code owner}) and,
     * on Stop, stops them and runs {@code closeLater} once every one has ended — then, and on Cancel, returns false.
     */
    static boolean mayCloseNow(Stage owner, List<TrainingViewModel> trainings, String verb, Runnable closeLater) {
        List<TrainingViewModel> busy = trainings.stream().filter(ClosingWhileTraining::busy).toList();
        if (busy.isEmpty()) {
            return true;
        }
        if (STOPPING.containsAll(busy)) {
            return false; // asked already: the runs are stopping and the window closes once they have ended
        }
        ButtonType stop = new ButtonType("Stop Training and " + verb, ButtonBar.ButtonData.OK_DONE);
        String names = String.join(", ", busy.stream().map(t -> dev.deepwire.limits.ShownName.line(t.editor().project().name())).toList());
        // a paused run is said to be paused: "Training is running" had stood over a dock that said Paused
        boolean paused = busy.stream().allMatch(t -> t.phaseProperty().get() == dev.deepwire.training.RunState.PAUSED);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, verb + (paused ? " ends the paused training of " + names
                : " stops the training of " + names + " after its current step")
                + "; the run and the model trained so far are kept in its run folder.", stop, ButtonType.CANCEL);
        alert.setTitle(paused ? "Training is paused" : "Training is running");
        alert.setHeaderText(alert.getTitle());
        alert.initOwner(owner);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() != stop) {
            return false;
        }
        Runnable once = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done && trainings.stream().noneMatch(ClosingWhileTraining::busy)) {
                    done = true;
                    Platform.runLater(closeLater);
                }
            }
        };
        for (TrainingViewModel t : busy) {
            STOPPING.add(t);
            whenEnded(t, () -> {
                STOPPING.remove(t);
                once.run();
            });
            t.stop();
        }
        return false;
    }

    /**
     * Whether closing {@code windows} may cancel the sweeps running in their Sweep… windows: yes where none runs; else
     * asks (on {@code owner}) and, on yes, cancels them — their finished runs are kept, the others can be resumed. A
     * sweep had been ended without a word by Quit or by closing its window.
     */
    static boolean maySweepsStop(Stage owner, List<Stage> windows, String verb) {
        List<String> running = windows.stream().map(dev.deepwire.ui.sweep.SweepDialog::runningIn)
                .filter(java.util.Objects::nonNull).toList();
        if (running.isEmpty()) {
            return true;
        }
        ButtonType stop = new ButtonType("Cancel Sweep and " + verb, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, verb + " cancels " + String.join("; ", running) + ".",
                stop, ButtonType.CANCEL);
        alert.setTitle("A sweep is running");
        alert.setHeaderText("A sweep is running");
        alert.initOwner(owner);
        alert.getDialogPane().setPrefWidth(560); // room for a folder's path: at its least width it broke every few words
        if (alert.showAndWait().filter(b -> b == stop).isEmpty()) {
            return false;
        }
        windows.forEach(dev.deepwire.ui.sweep.SweepDialog::cancelIn);
        return true;
    }

    private static boolean busy(TrainingViewModel t) {
        return t.phaseProperty().get().busy();
    }

    private static void whenEnded(TrainingViewModel t, Runnable then) {
        ChangeListener<RunState> ended = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends RunState> o, RunState was, RunState now) {
                if (!now.busy()) {
                    t.phaseProperty().removeListener(this);
                    then.run();
                }
            }
        };
        t.phaseProperty().addListener(ended);
    }
}
