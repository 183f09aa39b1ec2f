package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Note;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
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
 * A group collapsed while its room is used: what is added meanwhile keeps clear of where the group comes back, what
 * was put there anyway is moved clear on Expand (one undo step), and the selection follows what is shown — the box
 * wholly selected, or nothing hidden.
 */
@ExtendWith(ApplicationExtension.class)
class CollapsedGroupUiTest {
    private static final List<String> MEMBERS = List.of("a", "b", "c", "d");
    private EditorViewModel vm;
    private GraphCanvas canvas;
    private Inspector inspector;
    private String group;

    @Start
    void start(Stage stage) {
        // four blocks far apart in the group's corners: the group's middle is empty, and while it is collapsed nothing
        // is drawn there
        GraphFixture g = new GraphFixture().node("a", "dense").node("b", "dense").node("c", "dense").node("d", "dense")
                .node("outside", "dense");
        g.graph().moveNode("a", 3000, 3000);
        g.graph().moveNode("b", 3700, 3000);
        g.graph().moveNode("c", 3000, 3500);
        g.graph().moveNode("d", 3700, 3500);
        g.graph().moveNode("outside", 2500, 3000);
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("groups", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        canvas.setPrefSize(760, 700);
        inspector = new Inspector(vm);
        inspector.setPrefWidth(264);
        stage.setScene(new Scene(new HBox(canvas, inspector), 1024, 700));
        stage.show();
        MEMBERS.forEach(id -> vm.selection().add(id));
        group = vm.groupSelection("Middle").orElseThrow();
        vm.clearSelection();
    }

    private Bounds expandedFrame() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String id : MEMBERS) {
            var n = vm.graph().require(id);
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x() + NodeView.WIDTH);
            maxY = Math.max(maxY, n.y() + NodeView.heightFor(vm.catalog().require("dense")));
        }
        return GroupView.frameAround(new BoundingBox(minX, minY, maxX - minX, maxY - minY));
    }

    private static Bounds noteBox(Note n) {
        return new BoundingBox(n.x(), n.y(), NoteView.WIDTH, NotePlacement.HEIGHT);
    }

    @Test
    void aNoteAddedWhileTheGroupIsCollapsedIsNotCoveredOnceItIsExpanded(FxRobot robot) {
        robot.interact(() -> {
            vm.toggleCollapsed(group);
            canvas.centreOn(3442, 3293); // the middle of the collapsed group's room, empty on screen
            canvas.zoomAt(0.5 / canvas.zoom(), canvas.getWidth() / 2, canvas.getHeight() / 2); // room around it in view
            canvas.addNoteAtCentre();
            canvas.commitOpenEdits();
        });
        Note note = vm.graph().notes().get(0);
        assertThat(noteBox(note).intersects(expandedFrame()))
                .as("the note %s is placed clear of where the group %s comes back", noteBox(note), expandedFrame()).isFalse();
        robot.interact(() -> vm.toggleCollapsed(group));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().note(note.id()).orElseThrow()).as("nothing had to move").isEqualTo(note);
        assertThat(canvas.noteBoundsInScene(note.id()).intersects(canvas.groupBoundsInScene(group))).isFalse();
    }

    @Test
    void aNoteOrBlockPutInTheCollapsedGroupsRoomIsMovedClearOnExpandInOneUndoStep(FxRobot robot) {
        robot.interact(() -> {
            vm.toggleCollapsed(group);
            // as a note or a block dragged there would be
            vm.addNote("Explain the middle", 3400, 3250);
            vm.history().execute(new dev.deepwire.model.MoveNodeCommand("outside", 3350, 3100));
            vm.toggleCollapsed(group);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Note note = vm.graph().notes().get(0);
        assertThat(vm.graph().group(group).orElseThrow().collapsed()).isFalse();
        assertThat(canvas.noteBoundsInScene(note.id()).intersects(canvas.groupBoundsInScene(group)))
                .as("the note is no longer under the group's blocks").isFalse();
        assertThat(canvas.nodeBoundsInScene("outside").intersects(canvas.groupBoundsInScene(group)))
                .as("nor is the block that is not the group's").isFalse();
        assertThat(vm.messageProperty().get()).contains("moved 1 block and 1 note");
        robot.interact(() -> vm.history().undo());
        assertThat(vm.graph().group(group).orElseThrow().collapsed()).as("one undo: collapsed again").isTrue();
        assertThat(vm.graph().notes().get(0).x()).as("and the note back where it was put").isEqualTo(3400);
        assertThat(vm.graph().require("outside").x()).isEqualTo(3350);
    }

    @Test
    void aBlockInTheRowJustAboveTheGroupIsNotPushedAboutOnExpand(FxRobot robot) {
        // its lower edge in the group's margin, under the group's name: nothing of it is covered by the group's blocks
        robot.interact(() -> {
            vm.history().execute(new dev.deepwire.model.MoveNodeCommand("outside", 3000, 2880));
            vm.toggleCollapsed(group);
            vm.toggleCollapsed(group);
        });
        assertThat(vm.graph().require("outside").y()).isEqualTo(2880);
        assertThat(vm.history().undoDescription()).get().asString().isEqualTo("Undo Expand Middle");
    }

    @Test
    void collapsingAGroupLeavesNoneOfItsBlocksSelectedHidden(FxRobot robot) {
        robot.interact(() -> {
            vm.select("a", false);
            vm.select("b", true);
            vm.select("outside", true);
            vm.toggleCollapsed(group);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selection()).as("only what is shown stays selected").containsExactly("outside");
        robot.interact(vm::deleteSelection);
        assertThat(vm.graph().nodes()).as("Delete removed no hidden block").hasSize(4);
        robot.interact(() -> vm.history().undo());
        robot.interact(() -> vm.history().undo()); // expanded again: nothing comes back selected by itself
        assertThat(vm.selection()).isEmpty();
    }

    @Test
    void aWholeGroupSelectedWhenCollapsedIsTheBoxSelectedAndSaidSo(FxRobot robot) {
        robot.interact(() -> {
            MEMBERS.forEach(id -> vm.select(id, true)); // pressing the group's name selects its blocks
            vm.toggleCollapsed(group);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selection()).containsExactlyInAnyOrderElementsOf(MEMBERS);
        assertThat(canvas.groupView(group).isSelected()).as("the box is drawn selected").isTrue();
        String hint = robot.lookup(".hint").queryAs(Label.class).getText();
        assertThat(hint).isEqualTo("Group \u2018Middle\u2019 (4 blocks) selected");
    }

    @Test
    void theRubberBandTakesAHiddenBlockOnlyWithItsBox(FxRobot robot) {
        robot.interact(() -> {
            vm.toggleCollapsed(group);
            canvas.fitView();
        });
        WaitForAsyncUtils.waitForFxEvents();
        // over where "d" would be drawn (bottom right of the group), far from the box at the group's top left
        robot.moveTo(screen(3650, 3450)).press(javafx.scene.input.MouseButton.PRIMARY).moveTo(screen(3725, 3500))
                .moveTo(screen(3800, 3550)).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selection()).as("no hidden block picked by where it is not drawn").isEmpty();
        // over the box: the whole group
        robot.moveTo(screen(2960, 2960)).press(javafx.scene.input.MouseButton.PRIMARY).moveTo(screen(3000, 3010))
                .moveTo(screen(3050, 3040)).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selection()).containsExactlyInAnyOrderElementsOf(MEMBERS);
    }

    private javafx.geometry.Point2D screen(double worldX, double worldY) {
        javafx.geometry.Point2D local = canvas.fromWorld(worldX, worldY);
        return canvas.localToScreen(local.getX(), local.getY());
    }
}
