package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Note;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Notes on the canvas at a projector's 1024 × 700: Edit ▸ Add Note puts the note on a free spot in view and opens
 * it for typing at once; a note is drawn above wires, so double-clicking it always opens its editor.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasNotesUiTest {
    private WorkbenchHarness h;

    @Start
    void start(Stage stage) throws Exception {
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    @Test
    void selectAllTakesNotesTooAndDeleteAndCopyActOnThemInOneUndoStep(FxRobot robot) {
        // Found in a click-through: Ctrl+A selected the blocks but not the notes, so Delete left the notes behind.
        robot.interact(() -> h.vm.addNote("Read the attention map after training", 40, 600));
        int blocks = h.vm.graph().nodes().size();
        int notes = h.vm.graph().notes().size();
        robot.clickOn(h.window.canvas(), javafx.scene.input.MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.selectedNotes()).as("every note selected").hasSize(notes);
        assertThat(h.vm.selection()).hasSize(blocks);
        String note = h.vm.graph().notes().get(0).id();
        Node view = robot.lookup(".note").match(n -> n.getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("selected"))).query();
        assertThat(view).as("a note is drawn selected").isNotNull();
        assertThat(robot.lookup(".hint").queryAs(javafx.scene.control.Label.class).getText())
                .as("the inspector counts the notes too").isEqualTo(blocks + " blocks and " + notes + " note" + (notes == 1 ? "" : "s") + " selected");
        assertThat(h.vm.copySelection()).get().asString().contains("Read the attention map after training");

        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.graph().nodes()).isEmpty();
        assertThat(h.vm.graph().notes()).as("the notes went with the blocks").isEmpty();
        assertThat(h.vm.history().undoDescription()).get().asString().contains(blocks + " blocks and " + notes + " note");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.graph().nodes()).hasSize(blocks);
        assertThat(h.vm.graph().notes()).as("one Undo brings all back").hasSize(notes);
        assertThat(h.vm.graph().note(note)).isPresent();
    }

    @Test
    void addNoteFromTheMenuLandsClearOfEveryBlockAndTakesTypingAtOnce(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int notesBefore = h.vm.graph().notes().size();
        robot.clickOn("Edit").clickOn("Add Note");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.graph().notes()).hasSize(notesBefore + 1);
        Note added = h.vm.graph().notes().get(h.vm.graph().notes().size() - 1);
        Bounds note = h.window.canvas().noteBoundsInScene(added.id());
        Bounds canvas = h.window.canvas().localToScene(h.window.canvas().getLayoutBounds());
        assertThat(canvas.contains(note)).as("the new note %s is in view %s", note, canvas).isTrue();
        for (var n : h.vm.graph().nodes()) {
            assertThat(h.window.canvas().nodeBoundsInScene(n.id()).intersects(note)).as("note over block %s", n.id()).isFalse();
        }
        TextArea editor = robot.lookup("#note-editor").queryAs(TextArea.class);
        assertThat(editor.isFocused()).as("the new note's editor has the keys").isTrue();
        RealKeys.type(robot, "Watch head 0 here");
        assertThat(robot.lookup("#quick-add-search").tryQuery()).as("no quick-add opened by Space").isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.graph().notes()).extracting(Note::text).contains("Watch head 0 here");
    }

    @Test
    void escapeEndsWritingANoteAndKeepsTheTextWhichUndoTakesBack(FxRobot robot) {
        // Seen in the real window: Escape while writing a new note threw the typed words away, leaving it empty.
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Edit").clickOn("Add Note");
        WaitForAsyncUtils.waitForFxEvents();
        Note added = h.vm.graph().notes().get(h.vm.graph().notes().size() - 1);
        RealKeys.type(robot, "Ask the class which head finds the marker");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#note-editor").tryQuery()).as("writing ended").isEmpty();
        assertThat(h.vm.graph().note(added.id()).orElseThrow().text()).isEqualTo("Ask the class which head finds the marker");
        robot.interact(() -> h.vm.undo());
        assertThat(h.vm.graph().note(added.id()).orElseThrow().text()).as("Undo takes the text back").isEmpty();
    }

    @Test
    void ctrlSWhileANoteIsBeingWrittenSavesTheTextTypedSoFarAndKeepsWriting(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Edit").clickOn("Add Note");
        WaitForAsyncUtils.waitForFxEvents();
        RealKeys.type(robot, "Then try two heads");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new ProjectReader().read(h.file).graph().notes()).extracting(Note::text)
                .as("Save wrote the note being written").contains("Then try two heads");
        assertThat(h.vm.history().isDirty()).as("saved: nothing left unsaved").isFalse();
        TextArea editor = robot.lookup("#note-editor").queryAs(TextArea.class);
        assertThat(editor).as("the note is still open for writing").isNotNull();
        assertThat(editor.isFocused()).isTrue();
        RealKeys.type(robot, " and compare");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new ProjectReader().read(h.file).graph().notes()).extracting(Note::text)
                .as("a second Save keeps the rest of the sentence").contains("Then try two heads and compare");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.history().isDirty()).as("closing the editor adds nothing: the text was saved").isFalse();
    }

    @Test
    void doubleClickOnANoteOverAWireOpensTheNoteNotTheWire(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node wire = robot.lookup(".wire").queryAll().stream()
                .filter(w -> w.isVisible() && w.localToScene(w.getBoundsInLocal()).getHeight() < 6
                        && w.localToScene(w.getBoundsInLocal()).getWidth() > 30)
                .findFirst().orElseThrow();
        Bounds wb = wire.localToScene(wire.getBoundsInLocal());
        Point2D onWire = new Point2D(wb.getCenterX(), wb.getCenterY());
        Point2D local = h.window.canvas().sceneToLocal(onWire);
        Point2D world = h.window.canvas().toWorld(local.getX(), local.getY());
        robot.interact(() -> h.vm.addNote("over a wire", world.getX() - 60, world.getY() - 20));
        WaitForAsyncUtils.waitForFxEvents();
        Note added = h.vm.graph().notes().get(h.vm.graph().notes().size() - 1);
        assertThat(h.window.canvas().noteBoundsInScene(added.id()).contains(onWire)).as("the note covers the wire").isTrue();
        robot.doubleClickOn(h.window.canvas().localToScreen(local));
        WaitForAsyncUtils.waitForFxEvents();
        TextArea editor = robot.lookup("#note-editor").queryAs(TextArea.class);
        assertThat(editor).as("the note's editor opened").isNotNull();
        assertThat(editor.getText()).isEqualTo("over a wire");
        assertThat(editor.isFocused()).isTrue();
        robot.press(KeyCode.END).release(KeyCode.END);
        RealKeys.type(robot, " too");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.graph().notes()).extracting(Note::text).contains("over a wire too");
    }
}
