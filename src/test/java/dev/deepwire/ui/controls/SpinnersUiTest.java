package dev.deepwire.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A spinner a person types into: words never get in, a number typed counts once the field is left. */
@ExtendWith(ApplicationExtension.class)
class SpinnersUiTest {
    private Spinner<Integer> epochs;
    private TextField elsewhere;

    @Start
    void start(Stage stage) {
        epochs = new Spinner<>(0, 50, 0);
        Spinners.wholeNumbers(epochs, 2);
        elsewhere = new TextField();
        stage.setScene(new Scene(new VBox(8, epochs, elsewhere), 300, 120));
        stage.show();
    }

    @Test
    void wordsAreNotTypedAndANumberCountsWhenTheFieldIsLeft(FxRobot robot) {
        robot.clickOn(epochs.getEditor()).eraseText(3).write("two epochs");
        assertThat(epochs.getEditor().getText()).as("letters never reach the value").doesNotContainPattern("[a-z ]");
        robot.eraseText(3).write("12");
        robot.clickOn(elsewhere);
        assertThat(epochs.getValue()).as("typed, then the field left").isEqualTo(12);
        robot.clickOn(epochs.getEditor()).eraseText(3);
        robot.clickOn(elsewhere);
        assertThat(epochs.getValue()).isEqualTo(12);
        assertThat(epochs.getEditor().getText()).as("an emptied field shows the value again").isEqualTo("12");
    }
}
