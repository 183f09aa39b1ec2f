package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Note;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import javafx.geometry.Bounds;
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

/**
 * Dragging one block of a selection moves the notes selected with it (Select All's, the band's), as one undoable
 * step: found at a stop, where the notes stayed behind.
 */
@ExtendWith(ApplicationExtension.class)
class SelectionMoveUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;
    private String note;

    @Start
    void start(Stage stage) {
        GraphFixture g = new GraphFixture().node("a", "token_input").node("b", "token_embedding");
        g.graph().moveNode("a", 40, 300);
        g.graph().moveNode("b", 340, 300);
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("notes", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        note = vm.addNote("A note that goes where the blocks go", 40, 120);
        vm.history().markSaved();
        canvas = new GraphCanvas(vm);
        stage.setScene(new Scene(canvas, 900, 600));
        stage.show();
    }

    @Test
    void selectAllThenDraggingABlockMovesTheNoteTooAndOneUndoPutsAllBack(FxRobot robot) throws Exception {
        robot.interact(() -> {
            canvas.fitView();
            vm.selectAll();
        });
        WaitForAsyncUtils.waitForFxEvents();
        dragBlockAndCheck(robot);
    }

    @Test
    void aBandOverBlocksAndANoteTakesTheNoteAndDraggingABlockMovesIt(FxRobot robot) throws Exception {
        robot.interact(() -> canvas.fitView());
        WaitForAsyncUtils.waitForFxEvents();
        Bounds[] all = WaitForAsyncUtils.asyncFx(() -> new Bounds[] {canvas.nodeBoundsInScene("a"),
                canvas.nodeBoundsInScene("b"), canvas.noteBoundsInScene(note), canvas.localToScene(canvas.getLayoutBounds())}).get();
        double left = Math.min(all[0].getMinX(), all[2].getMinX());
        double top = Math.min(all[2].getMinY(), all[0].getMinY());
        Point2D from = new Point2D(Math.max(all[3].getMinX() + 2, left - 12), Math.max(all[3].getMinY() + 2, top - 12));
        Point2D to = new Point2D(all[1].getMaxX() + 4, all[1].getMaxY() + 4);
        robot.drag(screen(from), MouseButton.PRIMARY).dropTo(screen(to));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.selectedNotes().contains(note)).get())
                .as("the band took the note it covered").isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.selection().containsAll(java.util.List.of("a", "b"))).get()).isTrue();
        dragBlockAndCheck(robot);
    }

    /** Drags block "a" by its middle; both blocks and the note move by the same amount, and one Undo puts them back. */
    private void dragBlockAndCheck(FxRobot robot) throws Exception {
        Note before = WaitForAsyncUtils.asyncFx(() -> vm.graph().note(note).orElseThrow()).get();
        double[] a = WaitForAsyncUtils.asyncFx(() -> new double[] {vm.graph().require("a").x(), vm.graph().require("a").y(),
                vm.graph().require("b").x(), vm.graph().require("b").y()}).get();
        Bounds block = WaitForAsyncUtils.asyncFx(() -> canvas.nodeBoundsInScene("a")).get();
        Point2D grab = new Point2D(block.getCenterX(), block.getMinY() + 12);
        robot.drag(screen(grab), MouseButton.PRIMARY).dropTo(screen(grab.add(90, 60)));
        WaitForAsyncUtils.waitForFxEvents();
        double[] now = WaitForAsyncUtils.asyncFx(() -> new double[] {vm.graph().require("a").x(), vm.graph().require("a").y(),
                vm.graph().require("b").x(), vm.graph().require("b").y(),
                vm.graph().note(note).orElseThrow().x(), vm.graph().note(note).orElseThrow().y()}).get();
        double dx = now[0] - a[0];
        double dy = now[1] - a[1];
        assertThat(dx).as("the block moved right").isGreaterThan(10);
        assertThat(dy).as("the block moved down").isGreaterThan(10);
        assertThat(now[2] - a[2]).as("the other block moved with it").isEqualTo(dx);
        assertThat(now[4] - before.x()).as("the selected note moved with the blocks").isEqualTo(dx);
        assertThat(now[5] - before.y()).isEqualTo(dy);
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.history().undoDescription().orElse("")).get())
                .isEqualTo("Undo Move 2 blocks and 1 note");
        robot.interact(() -> vm.undo());
        double[] back = WaitForAsyncUtils.asyncFx(() -> new double[] {vm.graph().require("a").x(), vm.graph().require("a").y(),
                vm.graph().require("b").x(), vm.graph().note(note).orElseThrow().x(), vm.graph().note(note).orElseThrow().y()}).get();
        assertThat(back).as("one Undo put blocks and note back").containsExactly(a[0], a[1], a[2], before.x(), before.y());
        assertThat(WaitForAsyncUtils.asyncFx(() -> canvas.noteView(note).getLayoutX()).get())
                .as("the note's view is back too").isEqualTo(before.x());
    }

    private Point2D screen(Point2D scene) {
        return canvas.localToScreen(canvas.sceneToLocal(scene));
    }
}
