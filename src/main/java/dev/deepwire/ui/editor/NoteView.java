package dev.deepwire.ui.editor;

import dev.deepwire.model.Note;
import javafx.application.Platform;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A note on the canvas: wrapped text on a sticky-note card, larger when zoomed out ({@link BlockDetail#noteTextSize}). Drag to move
 * ({@link MoveGesture}: a selected note with the rest of the selection); double-click to edit in place
 * (Ctrl+Enter or clicking away keeps the text, Escape cancels); right-click to edit or delete. While it is being
 * written, shortcuts reach the window (Save, Quit: {@link #commitEdit} keeps the text typed so far first); plain keys
 * stay with the text.
 */
final class NoteView extends StackPane {
    static final double WIDTH = 240;
    private final EditorViewModel vm;
    private final Label text = new Label();
    private Note note;
    /** The editor while the note is being written, else null. */
    private TextArea editor;
    private int zoomLevel = BlockDetail.DETAIL;
    /** How tall the text may grow zoomed out, in canvas units: the free space below the note (0: its zoom-1 room). */
    private double room;

    NoteView(Note note, EditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("note");
        setId("note-" + note.id());
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH);
        text.setWrapText(true);
        text.setMaxWidth(WIDTH - 20);
        text.getStyleClass().add("note-text");
        getChildren().add(text);
        update(note);
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                edit();
            }
            e.consume();
        });
        MenuItem edit = new MenuItem("Edit note");
        edit.setOnAction(e -> edit());
        MenuItem delete = new MenuItem("Delete note");
        delete.setOnAction(e -> vm.removeNote(this.note.id()));
        ContextMenu menu = new ContextMenu(edit, delete);
        setOnContextMenuRequested(e -> {
            menu.show(this, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /**
     * Keeps the text typed so far (one undoable edit, none if unchanged), leaving the editor open: Save and closing
     * call it so nothing being written is lost.
     */
    void commitEdit() {
        if (editor != null && getChildren().contains(editor)) {
            vm.editNote(note.id(), editor.getText());
        }
    }

    void update(Note n) {
        this.note = n;
        text.setText(n.text().isBlank() ? "(empty note — double-click to write)" : n.text());
        relocate(n.x(), n.y());
        fitZoom();
    }

    /**
     * Shows the text as {@link BlockDetail} has it at a zoom level: at the window's note size close up; zoomed out
     * larger, as large as the whole text fits the room the card has ({@link BlockDetail#noteTextSizeIn}).
     */
    void showZoom(int level) {
        if (level != zoomLevel) {
            zoomLevel = level;
            fitZoom();
        }
    }

    /**
     * The text height the note may take zoomed out: the free space below it on the canvas ({@link CanvasViews} works
     * it out), so a long note reads whole at Fit view where nothing lies beneath it.
     */
    void setRoom(double room) {
        if (Math.abs(room - this.room) >= 1) {
            this.room = room;
            fitZoom();
        }
    }

    private void fitZoom() {
        boolean overview = zoomLevel != BlockDetail.DETAIL;
        double closeUp = BlockDetail.noteTextHeight(text.getText(), BlockDetail.NOTE_BASE);
        double height = Math.max(closeUp, room);
        double size = BlockDetail.noteTextSizeIn(text.getText(), zoomLevel, height);
        text.setStyle(overview ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.0fpx;", size) : "");
        // the text's whole height at its size (at the zoom-1 size that may be a little over the card's room: the
        // label breaks its lines a little earlier than the measure; cut to the room, its last line had gone)
        double needs = Math.max(BlockDetail.textHeight(text.getText(), size) * BlockDetail.SLACK, Math.ceil(size * 1.3));
        text.setMaxHeight(overview ? needs : Region.USE_COMPUTED_SIZE);
        if (editor != null) { // written zoomed out, the text typed reads as large as the note's (it was about 5 px)
            editor.setStyle(text.getStyle());
        }
    }

    /** The font size of the text being written, or 0 when the note is not being edited. */
    double editorFontSize() {
        return editor == null ? 0 : editor.getFont().getSize();
    }

    /** The text's font size now (larger than a note's usual size when zoomed out). */
    double textFontSize() {
        return text.getFont().getSize();
    }


    /** Swaps the text for an editor until Ctrl+Enter, Escape or focus leaves; each keeps the text (Undo takes it back). */
    void edit() {
        TextArea area = new TextArea(note.text());
        area.setWrapText(true);
        area.setPrefRowCount(Math.max(3, note.text().split("\n").length + 1));
        area.setId("note-editor");
        getChildren().setAll(area);
        editor = area;
        fitZoom();
        Runnable keep = () -> {
            if (getChildren().contains(area)) {
                getChildren().setAll(text);
                editor = null;
                vm.editNote(note.id(), area.getText());
            }
        };
        area.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ENTER && k.isShortcutDown() || k.getCode() == KeyCode.ESCAPE) {
                // Escape ends the writing too and keeps what was typed (it had thrown a new note's text away); Undo
                // takes the edit back
                keep.run();
            } else if (k.isShortcutDown() || k.isAltDown() || k.isMetaDown()) {
                return; // the window's shortcuts (Save, Quit, …): the key map keeps graph actions off while text is typed
            }
            k.consume(); // plain keys type text; they must not reach the canvas
        });
        area.requestFocus();
        // Once the gesture or menu that opened the editor has finished, the editor owns the keys; only then does
        // leaving it keep the text (a focus shuffle while a menu closes must not end the edit before it starts).
        Platform.runLater(() -> {
            if (getChildren().contains(area)) {
                area.requestFocus();
                area.focusedProperty().addListener((o, was, is) -> {
                    if (!is) {
                        keep.run();
                    }
                });
            }
        });
    }

    /** The note's id in the graph. */
    String noteId() {
        return note.id();
    }

    /** Whether the note is being written (its editor takes the mouse, not the move gesture). */
    boolean editing() {
        return editor != null;
    }

    /** Drawn as selected (Select All takes notes too). */
    void setSelected(boolean selected) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
    }
}
