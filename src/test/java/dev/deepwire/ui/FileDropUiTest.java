package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.DatasetSpec;
import dev.deepwire.testing.SmallMarker;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files dragged in from another program (a file manager): a
 * project dropped on the workbench opens after the unsaved-work question, a data file dropped on Dataset Settings'
 * File field fills it, and anything else is answered in words. Nothing could be dropped before.
 */
@ExtendWith(ApplicationExtension.class)
class FileDropUiTest {
    private WorkbenchHarness h;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        h = new WorkbenchHarness(stage, "marker.dwproj", 1024, 700);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        h.close();
    }

    /**
     * {@code dragged} dragged over {@code onto} and dropped there, as JavaFX delivers a drag from another program (a
     * file manager): DRAG_OVER, then DRAG_DROPPED, carrying the file. (Monocle, the headless window system, has no
     * drag between windows for TestFX's robot to make.) Returns whether the drop was taken.
     */
    private boolean drag(FxRobot robot, Path dragged, Node onto) throws Exception {
        boolean[] taken = new boolean[2];
        robot.interact(() -> {
            Dragboard board = com.sun.javafx.scene.input.DragboardHelper.createDragboard(new FromElsewhere(dragged));
            Bounds b = onto.localToScene(onto.getBoundsInLocal());
            double x = b.getCenterX();
            double y = b.getCenterY();
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, x, y, x, y, TransferMode.COPY, null, null, null);
            Event.fireEvent(onto, over);
            taken[0] = over.isAccepted();
            DragEvent drop = new DragEvent(DragEvent.DRAG_DROPPED, board, x, y, x, y, TransferMode.COPY, null, null, null);
            Event.fireEvent(onto, drop);
            taken[1] = drop.isDropCompleted();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(taken[0]).as("a file dragged over is taken (no 'no entry' pointer)").isTrue();
        return taken[1];
    }

    /** What another program's drag of one file carries, offered to be copied. */
    private record FromElsewhere(Path file) implements com.sun.javafx.tk.TKClipboard {
        @Override
        public void setSecurityContext(java.security.AccessControlContext context) {
        }

        @Override
        public java.util.Set<DataFormat> getContentTypes() {
            return java.util.Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(javafx.util.Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return format == DataFormat.FILES ? List.of(file.toFile()) : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return format == DataFormat.FILES;
        }

        @Override
        public java.util.Set<TransferMode> getTransferModes() {
            return java.util.Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(javafx.scene.image.Image image) {
        }

        @Override
        public void setDragViewOffsetX(double x) {
        }

        @Override
        public void setDragViewOffsetY(double y) {
        }

        @Override
        public javafx.scene.image.Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }

    @Test
    void aProjectDroppedOnTheWindowOpensAfterAskingAboutUnsavedWork(FxRobot robot) throws Exception {
        Path other = SmallMarker.otherLesson(h.dir);
        robot.interact(() -> h.vm.addBlock("token_input", 40, 40)); // unsaved work
        assertThat(drag(robot, other, h.window.canvas())).isTrue();
        DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(ask.getButtonTypes()).extracting(t -> t.getText()).contains("Save", "Don't Save");
        robot.interact(() -> ((Button) ask.lookupButton(ask.getButtonTypes().stream()
                .filter(t -> t.getText().equals("Don't Save")).findFirst().orElseThrow())).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(h.vm.project().name()).isEqualTo("other lesson");
        assertThat(h.window.files().fileProperty().get()).isEqualTo(other.toAbsolutePath());
    }

    @Test
    void anythingElseDroppedOnTheWindowIsAnsweredAndOpensNothing(FxRobot robot) throws Exception {
        Path picture = Files.writeString(h.dir.resolve("photo.png"), "not a project");
        assertThat(drag(robot, picture, h.window.canvas())).isFalse();
        assertThat(h.vm.messageProperty().get()).isEqualTo("Not opened: photo.png is not a DeepWire project (.dwproj)");
        Path data = Files.writeString(h.dir.resolve("words.csv"), "a,b\n");
        drag(robot, data, h.window.canvas());
        assertThat(h.vm.messageProperty().get()).contains("words.csv is a data file")
                .contains("Dataset Settings");
        assertThat(h.vm.project().name()).isEqualTo("marker");
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("no question, no error window").isEmpty();
    }

    @Test
    void aDataFileDroppedOnDatasetSettingsFileFieldFillsIt(FxRobot robot) throws Exception {
        Dialog<DatasetSpec> dialog = WaitForAsyncUtils.asyncFx(() -> h.window.datasetDialog(stage)).get();
        robot.interact(() -> ((javafx.scene.control.ComboBox<?>) dialog.getDialogPane().lookup("#dataset-kind"))
                .getSelectionModel().select(1)); // csv
        robot.interact(dialog::show);
        TextField field = (TextField) dialog.getDialogPane().lookup("#dataset-file");
        Path data = Files.createDirectories(h.dir.resolve("data")).resolve("digits.csv");
        Files.writeString(data, "x,label\n1,0\n");
        assertThat(drag(robot, data, field)).isTrue();
        assertThat(field.getText()).isEqualTo("data" + File.separator + "digits.csv");

        Path notData = Files.writeString(h.dir.resolve("notes.docx"), "x");
        assertThat(drag(robot, notData, field)).isFalse();
        assertThat(field.getText()).as("kept").isEqualTo("data" + File.separator + "digits.csv");
        assertThat(((Label) dialog.getDialogPane().lookup("#dataset-result")).getText())
                .isEqualTo("Not used: notes.docx is not a data file (.csv, .tsv or .txt, perhaps .gz)");
        robot.interact(dialog::close);
    }
}
