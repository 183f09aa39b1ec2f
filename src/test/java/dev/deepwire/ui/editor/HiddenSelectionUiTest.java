package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A block selected while it is hidden in a collapsed group (step mode walks through it; Train names it at fault):
 * the group's box is outlined as holding the selection, and the block inspector says where the block is, with a
 * button that expands the group in one undoable step. The inspector had edited a block no one saw, beside a box drawn
 * unselected.
 */
@ExtendWith(ApplicationExtension.class)
class HiddenSelectionUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) throws Exception {
        vm = new EditorViewModel(BlockCatalog.standard(), new ProjectReader().read(Path.of("sample-projects/marker.dwproj")),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        canvas.setPrefSize(700, 600);
        Scene scene = new Scene(new HBox(canvas, new Inspector(vm)), 1024, 700);
        scene.getStylesheets().add(getClass().getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aBlockSelectedInsideACollapsedGroupIsSaidAndItsBoxOutlined(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.select("res1", false);
            vm.select("norm1", true);
        });
        String group = WaitForAsyncUtils.asyncFx(() -> vm.groupSelection("Residual stage").orElseThrow()).get();
        robot.interact(() -> vm.toggleCollapsed(group));
        robot.interact(() -> vm.select("norm1", false)); // as step mode selects the block it is on
        WaitForAsyncUtils.waitForFxEvents();
        GroupView box = canvas.groupView(group);
        assertThat(WaitForAsyncUtils.asyncFx(box::holdsSelection).get()).as("the box holding the selected block").isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(box::isSelected).get()).as("not all of it is selected").isFalse();
        Label where = robot.lookup("#inspector-hidden-in").queryAs(Label.class);
        assertThat(where.getText()).contains("collapsed group").contains("Residual stage");
        robot.clickOn(robot.lookup("#inspector-expand-group").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().group(group).orElseThrow().collapsed()).as("expanded").isFalse();
        assertThat(vm.selectedIds()).as("the block still selected, now seen").containsExactly("norm1");
        assertThat(robot.lookup("#inspector-hidden-in").tryQuery()).as("nothing hidden to say").isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> canvas.groupView(group).holdsSelection()).get()).isFalse();
        robot.interact(() -> vm.undo());
        assertThat(vm.graph().group(group).orElseThrow().collapsed()).as("one Undo collapses it again").isTrue();
    }
}
