package dev.deepwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import org.junit.jupiter.api.Test;

/** Canvas notes: undoable add, edit, move and delete; saved in the file; a malformed one named by its path. */
class NotesTest {

    @Test
    void addEditMoveDeleteAreUndoable() {
        Graph g = new Graph();
        CommandStack stack = new CommandStack(g);
        Note n = new Note("note_1", "Attention looks here", 10, 20);
        stack.execute(NoteCommand.add(n));
        stack.execute(NoteCommand.change(n, n.withText("Look at head 2")));
        stack.execute(NoteCommand.change(g.note("note_1").orElseThrow(), g.note("note_1").orElseThrow().at(50, 60)));
        assertThat(g.note("note_1")).contains(new Note("note_1", "Look at head 2", 50, 60));
        stack.execute(NoteCommand.remove(g.note("note_1").orElseThrow()));
        assertThat(g.notes()).isEmpty();
        stack.undo();
        stack.undo();
        assertThat(g.note("note_1")).contains(new Note("note_1", "Look at head 2", 10, 20));
        stack.undo();
        stack.undo();
        assertThat(g.notes()).isEmpty();
        assertThat(g.freshId("note")).isEqualTo("note_1");
    }

    @Test
    void notesAreSavedAndReadBack() throws Exception {
        Project p = new Project("p", "", new Graph(), null, TrainingSettings.defaults());
        p.graph().insertNote(0, new Note("note_1", "Two lines:\nthe marker row", 5.5, -20));
        String json = new ProjectWriter().toJson(p);
        Project back = new ProjectReader().parse(json);
        assertThat(back.graph().notes()).containsExactly(new Note("note_1", "Two lines:\nthe marker row", 5.5, -20));
        assertThat(back.graph()).isEqualTo(p.graph());
    }

    @Test
    void aNoteOffEveryCanvasIsRefusedWithItsPathRatherThanSavedUnreadable() {
        String json = "{\"format\":\"deepwire-project\",\"formatVersion\":1,\"nodes\":[],\"edges\":[],"
                + "\"ui\":{\"notes\":[{\"id\":\"note_1\",\"text\":\"hi\",\"x\":1e999,\"y\":0}]}}";
        assertThatThrownBy(() -> new ProjectReader().parse(json)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("ui.notes[0]").hasMessageContaining("x and y");
    }

    @Test
    void aNoteWithoutAPlaceIsRefusedWithItsPath() {
        String json = "{\"format\":\"deepwire-project\",\"formatVersion\":1,\"nodes\":[],\"edges\":[],"
                + "\"ui\":{\"notes\":[{\"id\":\"note_1\",\"text\":\"hi\",\"x\":\"left\"}]}}";
        assertThatThrownBy(() -> new ProjectReader().parse(json)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("ui.notes[0]").hasMessageContaining("x and y");
    }
}
