package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A value typed in the block inspector and entered with Enter leaves the keyboard where it was: the inspector is
 * drawn again after each edit, and the field being typed in had gone with it, the focus falling to the first button
 * of the window (the toolbar's Save, where Space then saved instead of adding a block).
 */
@ExtendWith(ApplicationExtension.class)
class InspectorKeyboardUiTest {
    private EditorViewModel vm;

    @Start
    void start(Stage stage) {
        GraphFixture g = new GraphFixture().node("proj", "dense");
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("keys", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        Button save = new Button("Save");
        save.setId("first-button");
        stage.setScene(new Scene(new VBox(save, new Inspector(vm)), 300, 600));
        stage.show();
        vm.select("proj", false);
    }

    @Test
    void aValueEnteredKeepsTheFocusInItsFieldSoTheNextValueCanBeTyped(FxRobot robot) throws Exception {
        TextField units = robot.lookup("#param-units").queryAs(TextField.class);
        robot.clickOn(units).eraseText(units.getText().length()).write("48").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.catalog().paramValue(vm.graph().require("proj"), "units")).isEqualTo(48);
        var owner = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().getFocusOwner()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(owner).as("the focus stays in the units field, not on the window's first button")
                .isInstanceOf(TextField.class);
        assertThat(owner.getId()).isEqualTo("param-units");
        // and the next value is typed straight in, as a person using the keyboard would
        TextField again = (TextField) owner;
        robot.eraseText(again.getText().length()).write("96").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.catalog().paramValue(vm.graph().require("proj"), "units")).isEqualTo(96);
        // the name, too
        TextField name = robot.lookup("#inspector-name").queryAs(TextField.class);
        robot.clickOn(name).eraseText(name.getText().length()).write("Projection").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().require("proj").label()).isEqualTo("Projection");
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().getFocusOwner().getId()).get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo("inspector-name");
    }
}
