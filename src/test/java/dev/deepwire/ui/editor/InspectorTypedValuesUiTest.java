package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What is typed in the block inspector is never replaced without a word: a name cleared (or only spaces) is refused,
 * the field shows the name kept, marked, and the status bar says why; a number field left empty says so too.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorTypedValuesUiTest {
    private EditorViewModel vm;

    @Start
    void start(Stage stage) {
        GraphFixture g = new GraphFixture().node("proj", "dense");
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("names", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        vm.rename("proj", "Projection");
        stage.setScene(new Scene(new Inspector(vm), 300, 600));
        stage.show();
        vm.select("proj", false);
    }

    @Test
    void aNameClearedOrOnlySpacesIsRefusedVisiblyAndSaidWhy(FxRobot robot) {
        for (String typed : new String[] {"", "   "}) {
            TextField name = robot.lookup("#inspector-name").queryAs(TextField.class);
            robot.clickOn(name).eraseText(name.getText().length());
            if (!typed.isEmpty()) {
                robot.write(typed);
            }
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.graph().require("proj").label()).isEqualTo("Projection");
            assertThat(vm.messageProperty().get()).as("typed '%s'", typed)
                    .isEqualTo("A block needs a name \u2014 kept \u2018Projection\u2019");
            TextField shown = robot.lookup("#inspector-name").queryAs(TextField.class);
            assertThat(shown.getText()).as("the field shows the name kept, not the empty text").isEqualTo("Projection");
            assertThat(shown.getStyleClass()).as("marked as refused").contains("invalid");
        }
        TextField name = robot.lookup("#inspector-name").queryAs(TextField.class);
        robot.clickOn(name).eraseText(name.getText().length()).write("Read-out").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().require("proj").label()).isEqualTo("Read-out");
    }

    @Test
    void aNumberFieldLeftEmptyOrBlankIsRefusedAndSaidWhy(FxRobot robot) {
        Object before = vm.catalog().paramValue(vm.graph().require("proj"), "units");
        for (String typed : new String[] {"", "  "}) {
            TextField units = robot.lookup("#param-units").queryAs(TextField.class);
            robot.clickOn(units).eraseText(units.getText().length());
            if (!typed.isEmpty()) {
                robot.write(typed);
            }
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.messageProperty().get()).as("typed '%s'", typed).contains("must be a whole number");
            TextField shown = robot.lookup("#param-units").queryAs(TextField.class);
            assertThat(shown.getText()).isEqualTo(String.valueOf(before));
            assertThat(shown.getStyleClass()).contains("invalid");
        }
    }
}
