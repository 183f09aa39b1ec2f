package dev.deepwire.ui;

import dev.deepwire.training.RunState;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.GraphCanvas;
import dev.deepwire.ui.training.TrainingViewModel;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Decides what the status bar's message says when several things want to: the message describes the latest action
 * and gives way to the next relevant state. A press on the canvas's drawing (which changes what is selected: a block,
 * a wire, nothing; a press on the step panel floating above it changes neither) or Esc clears it before the press
 * acts, so a hint about the old selection ("Wire … selected: Delete removes it") never outlives it; a run's start and
 * end replace edit messages ("Redid: set epochs to 7"), and the end of a run is announced with its result and where it
 * is saved.
 */
final class StatusMessages {
    private StatusMessages() {
    }

    static void connect(EditorViewModel vm, TrainingViewModel training, GraphCanvas canvas, Node root) {
        // a press on the step panel floating above the drawing selects nothing there: the step's hint stays
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (canvas.onDrawing(e)) {
                vm.messageProperty().set("");
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.messageProperty().set("");
            }
        });
        boolean[] ended = {false};
        training.phaseProperty().addListener((o, was, now) -> {
            ended[0] = ended(now);
            if (now == RunState.RUNNING && was != RunState.PAUSED) {
                vm.messageProperty().set("Training " + dev.deepwire.limits.ShownName.line(vm.project().name()) + " — the graph is read-only until the run ends");
            } else if (now == RunState.STARTING) {
                vm.messageProperty().set("");
            }
        });
        // The dock's status is written after the phase changes; its line at the end (and any later addition, such as
        // a problem recording the run) is what the status bar announces.
        training.statusProperty().addListener((o, was, now) -> {
            if (ended[0] && now != null && !now.isBlank()) {
                ended[0] = false;
                // the folder first: at the end of the line a 1024-px bar had cut it ("… · run saved in runs/mar…")
                vm.messageProperty().set(training.savedRunProperty().get() == null ? now
                        : "Run saved in " + training.savedRunShown() + " · " + now);
            }
        });
    }

    private static boolean ended(RunState p) {
        return p == RunState.FINISHED || p == RunState.STOPPED || p == RunState.FAILED;
    }
}
