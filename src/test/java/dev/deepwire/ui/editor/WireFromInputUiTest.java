package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A wire can be drawn from either end: a drag from an input port dropped on an output port wires them. */
@ExtendWith(ApplicationExtension.class)
class WireFromInputUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        GraphFixture g = new GraphFixture().node("tokens", "token_input").node("more", "token_input")
                .node("emb", "token_embedding");
        g.graph().moveNode("tokens", 20, 40);
        g.graph().moveNode("more", 20, 260);
        g.graph().moveNode("emb", 420, 140);
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("wires", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        stage.setScene(new Scene(canvas, 900, 500));
        stage.show();
    }

    private Point2D screen(String node, String port) {
        double[] world = canvas.nodeView(node).portCentre(new Port(node, port));
        return canvas.localToScreen(canvas.fromWorld(world[0], world[1]));
    }

    @Test
    void aDragFromAnInputDroppedOnAnOutputWiresThemAsOneUndoableEdit(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.drag(screen("emb", "in"), MouseButton.PRIMARY).dropTo(screen("tokens", "out"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edgeInto(new Port("emb", "in"))).as("the wire drawn from its input end")
                .hasValueSatisfying(e -> assertThat(e.from()).isEqualTo(new Port("tokens", "out")));
        assertThat(vm.selection()).as("no rubber band selected the blocks it passed").isEmpty();
        robot.interact(vm::undo);
        assertThat(vm.graph().edges()).as("one undo takes the wire away").isEmpty();
    }

    @Test
    void aDragFromAConnectedInputReplacesItsWireOnTheDropLikeADropFromAnOutput(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.connect(new Port("tokens", "out"), new Port("emb", "in")));
        robot.drag(screen("emb", "in"), MouseButton.PRIMARY).dropTo(screen("more", "out"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edges()).as("the new wire replaced the old one").singleElement()
                .satisfies(e -> assertThat(e.from()).isEqualTo(new Port("more", "out")));
        assertThat(vm.messageProperty().get()).startsWith("Replaced the wire").contains("Undo (Ctrl+Z)");
        robot.interact(vm::undo);
        assertThat(vm.graph().edges()).as("undo puts the old wire back").singleElement()
                .satisfies(e -> assertThat(e.from()).isEqualTo(new Port("tokens", "out")));
    }
}
