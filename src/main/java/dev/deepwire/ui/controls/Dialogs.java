package dev.deepwire.ui.controls;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;

/** Questions whose Enter gives the safe answer: one rule for every window that asks before it deletes or reads. */
public final class Dialogs {
    private Dialogs() {
    }

    /**
     * Makes {@code safe} the answer Enter gives ({@code ask}'s default button) and no other: Enter had read a file
     * from outside the project (Yes) and deleted a run (OK).
     */
    public static Alert defaultTo(Alert ask, ButtonType safe) {
        for (ButtonType t : ask.getButtonTypes()) {
            if (ask.getDialogPane().lookupButton(t) instanceof Button b) {
                b.setDefaultButton(t == safe);
            }
        }
        return ask;
    }

    /**
     * Esc presses the dialog's Close (or other cancel button) wherever the keys are: a list or table with the keys took
     * Esc for itself (to cancel an edit it was not making), so Runs… and its Compare table stayed open.
     */
    public static <T extends javafx.scene.control.Dialog<?>> T escapeCloses(T dialog) {
        dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != javafx.scene.input.KeyCode.ESCAPE) {
                return;
            }
            for (ButtonType t : dialog.getDialogPane().getButtonTypes()) {
                if (dialog.getDialogPane().lookupButton(t) instanceof Button b && b.isCancelButton() && !b.isDisabled()) {
                    e.consume();
                    b.fire();
                    return;
                }
            }
        });
        return dialog;
    }
}
