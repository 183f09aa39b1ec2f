package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An expanded group's name is drawn above the blocks: a block just above the group does not hide it. */
@ExtendWith(ApplicationExtension.class)
class GroupTitleUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        // "above" stands right over the top edge of the group of "a" and "b", where the group's name goes.
        GraphFixture g = new GraphFixture().node("above", "token_input").node("a", "token_input").node("b", "token_embedding");
        g.graph().moveNode("above", 40, 240);
        g.graph().moveNode("a", 40, 300);
        g.graph().moveNode("b", 340, 300);
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("groups", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        stage.setScene(new Scene(canvas, 900, 600));
        stage.show();
    }

    @Test
    void theNameOfAGroupIsSeenAndTakesTheClickWhereABlockAboveOverlapsIt(FxRobot robot) {
        robot.interact(() -> {
            vm.select("a", false);
            vm.select("b", true);
            vm.groupSelection("An encoder group with a rather long name indeed");
            canvas.fitView();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String id = vm.graph().groups().get(0).id();
        Bounds title = canvas.groupView(id).title().localToScene(canvas.groupView(id).title().getBoundsInLocal());
        Bounds block = canvas.nodeBoundsInScene("above");
        double left = Math.max(title.getMinX(), block.getMinX());
        double right = Math.min(title.getMaxX(), block.getMaxX());
        double top = Math.max(title.getMinY(), block.getMinY());
        double bottom = Math.min(title.getMaxY(), block.getMaxY());
        assertThat(left < right && top < bottom).as("the block above overlaps the name: %s, %s", title, block).isTrue();
        robot.interact(() -> vm.selection().clear());
        Point2D overlap = new Point2D((left + right) / 2, (top + bottom) / 2);
        robot.clickOn(canvas.localToScreen(canvas.sceneToLocal(overlap)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selection()).as("the click went to the group's name, drawn above the block").containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aNoteOverTheGroupsTopLeftDoesNotHideItsNameOrItsCollapseControl(FxRobot robot) {
        // Found in a click-through: a note placed over the blocks' top-left covered the group's "▾ name", so it could
        // be neither read nor double-clicked to collapse the group.
        Point2D name = groupNameUnderANote(robot, false, "A note about these blocks, placed over the group's corner on purpose",
                250, true);
        robot.doubleClickOn(canvas.localToScreen(canvas.sceneToLocal(name)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().groups().get(0).collapsed()).as("double-clicking the name collapsed the group").isTrue();
    }

    @Test
    void aNoteOverACollapsedBoxDoesNotHideItsNameOrItsExpandControl(FxRobot robot) {
        // Found at a stop: a note placed over a collapsed group's box hid its "▸ name" and summary, so the group could
        // be neither read nor double-clicked open (the box sat with the blocks, below the notes).
        Point2D name = groupNameUnderANote(robot, true, "A note about this group, placed over its box on purpose", 290, false);
        robot.doubleClickOn(canvas.localToScreen(canvas.sceneToLocal(name)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().groups().get(0).collapsed()).as("double-clicking the box's name expanded the group").isFalse();
    }

    /**
     * Groups blocks a and b (collapsed or not), puts a note over the group's name, and returns a point of the name
     * (its centre, or just inside its start) in scene coordinates, having checked that the note lies over it there.
     */
    private Point2D groupNameUnderANote(FxRobot robot, boolean collapsed, String text, double noteY, boolean centre) {
        robot.interact(() -> {
            vm.select("a", false);
            vm.select("b", true);
            vm.groupSelection("Encoder");
            if (collapsed) {
                vm.toggleCollapsed(vm.graph().groups().get(0).id());
            }
            String note = vm.addNote(text, 0, 0);
            vm.moveNote(note, collapsed ? 20 : 10, noteY);
            vm.selection().clear();
            canvas.fitView();
        });
        WaitForAsyncUtils.waitForFxEvents();
        var titleLabel = canvas.groupView(vm.graph().groups().get(0).id()).title();
        Bounds title = titleLabel.localToScene(titleLabel.getBoundsInLocal());
        Point2D at = centre ? new Point2D(title.getCenterX(), title.getCenterY())
                : new Point2D(title.getMinX() + 12, title.getMinY() + 6);
        boolean covered = robot.lookup(n -> n instanceof NoteView).queryAll().stream()
                .anyMatch(n -> n.localToScene(n.getBoundsInLocal()).contains(at));
        assertThat(covered).as("the note lies over the group's name (the case found)").isTrue();
        return at;
    }
}
