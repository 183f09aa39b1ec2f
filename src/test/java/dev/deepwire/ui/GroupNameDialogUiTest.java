package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The "Name the group" field is wide enough to read a sentence-long name whole. */
@ExtendWith(ApplicationExtension.class)
class GroupNameDialogUiTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void theNameFieldIsWideEnoughForASentence(FxRobot robot) {
        double[] width = new double[1];
        robot.interact(() -> {
            TextInputDialog ask = GroupNameDialog.create(null);
            DialogPane pane = ask.getDialogPane();
            pane.applyCss(); // styled and laid out at its preferred size, as the dialog's window is
            pane.resize(pane.prefWidth(-1), pane.prefHeight(-1));
            pane.layout();
            width[0] = ask.getEditor().getWidth();
        });
        assertThat(width[0]).as("the name field's width in pixels").isGreaterThanOrEqualTo(320);
    }

    @Test
    void aNameClearedCannotBeConfirmedAndTheDialogSaysWhy(FxRobot robot) {
        robot.interact(() -> {
            TextInputDialog ask = GroupNameDialog.create(null);
            var ok = ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK);
            assertThat(ok.isDisabled()).as("the suggested name can be kept").isFalse();
            for (String typed : new String[] {"", "   "}) {
                ask.getEditor().setText(typed);
                assertThat(ok.isDisabled()).as("'%s' typed: OK is off", typed).isTrue();
                assertThat(ask.getHeaderText()).isEqualTo("A group needs a name");
            }
            ask.getEditor().setText("Encoder");
            assertThat(ok.isDisabled()).isFalse();
            assertThat(ask.getHeaderText()).isEqualTo("Name the group");
        });
    }
}
