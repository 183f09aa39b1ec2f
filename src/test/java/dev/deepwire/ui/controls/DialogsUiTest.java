package dev.deepwire.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Enter gives the safe answer: Cancel before a run is deleted, Restore before saved work is thrown away. */
@ExtendWith(ApplicationExtension.class)
class DialogsUiTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void theSafeAnswerIsTheOnlyDefault() throws Exception {
        Alert delete = WaitForAsyncUtils.asyncFx(() -> Dialogs.defaultTo(new Alert(Alert.AlertType.CONFIRMATION,
                "Delete the run marker-1 with its metrics and model?"), ButtonType.CANCEL)).get();
        assertThat(((Button) delete.getDialogPane().lookupButton(ButtonType.CANCEL)).isDefaultButton()).isTrue();
        assertThat(((Button) delete.getDialogPane().lookupButton(ButtonType.OK)).isDefaultButton())
                .as("OK had been the default: Enter deleted the run").isFalse();
        ButtonType restore = new ButtonType("Restore");
        ButtonType discard = new ButtonType("Discard");
        Alert recover = WaitForAsyncUtils.asyncFx(() -> Dialogs.defaultTo(new Alert(Alert.AlertType.CONFIRMATION,
                "Restore it?", restore, discard), restore)).get();
        assertThat(((Button) recover.getDialogPane().lookupButton(restore)).isDefaultButton()).isTrue();
        assertThat(((Button) recover.getDialogPane().lookupButton(discard)).isDefaultButton()).isFalse();
    }
}
