package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunRecord;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs…: a row whose figure reads "unknown" says why in the tooltip that appears when the pointer rests on it — the
 * field of run.json, its value and that the file was edited, or, for a model kept from a run whose record could not
 * be read, which run and why. The reason was only checked on the record ({@link RunHistory.Run#doubt}), never shown.
 */
@ExtendWith(ApplicationExtension.class)
class RunDoubtTooltipUiTest {
    @TempDir
    Path dir;
    private Stage stage;
    private final ExecutorService work = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        dev.deepwire.ui.controls.OnScreen.install(); // as the workbench does: Runs… opens whole on the screen
    }

    @AfterEach
    void stop() {
        work.shutdownNow();
    }

    @Test
    void restingOnARowWithAnUnknownFigureShowsWhyInItsTooltip(FxRobot robot) throws Exception {
        Project p = SmallMarker.project(Map.of("vocabulary", 32, "train", 64, "validation", 16, "seed", 1));
        Path runs = dir.resolve("runs");
        Path edited = Files.createDirectories(runs.resolve("marker-edited")); // a run of the project, not saved yet
        RunRecord.write(edited, p.name(), null, null, p.training(), "finished", 20, 0.5, Double.NaN);
        Files.writeString(edited.resolve("run.json"), Files.readString(edited.resolve("run.json"))
                .replace("\"validationAccuracy\" : 0.5", "\"validationAccuracy\" : 7.5"));
        Path kept = Files.createDirectories(runs.resolve("marker-without-head"));
        RunRecord.writeKept(kept, runs.resolve("marker-gone"), p.name(), null, p.training(), "head 1 of 'attn' removed",
                0.75, Double.NaN, 0, 0, Map.of());
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), p, work, Platform::runLater);
        TrainingViewModel vm = new TrainingViewModel(editor, work, work, Platform::runLater, () -> runs);
        Object[] built = new Object[1];
        robot.interact(() -> built[0] = new RunsDialog(vm, stage, s -> { }, f -> { }, () -> { }).build());
        @SuppressWarnings("unchecked")
        Dialog<Void> dialog = (Dialog<Void>) built[0];
        robot.interact(dialog::show);
        dev.deepwire.testing.FxUntil.holds(() -> !dialog.getHeaderText().startsWith("Reading")); // read in the background
        @SuppressWarnings("unchecked")
        ListView<RunHistory.Run> list = (ListView<RunHistory.Run>) dialog.getDialogPane().getContent();
        assertThat(list.getItems()).hasSize(2);

        ListCell<?> editedRow = rowOf(robot, "marker-edited");
        assertThat(editedRow.getText()).contains("accuracy unknown").doesNotContain("750");
        assertThat(shownOnHover(robot, editedRow)).contains("validationAccuracy 7.5 is not a fraction from 0 to 1")
                .contains("edited by hand or is damaged");

        ListCell<?> keptRow = rowOf(robot, "marker-without-head");
        assertThat(keptRow.getText()).contains("steps unknown").doesNotContain(" 0 steps");
        assertThat(shownOnHover(robot, keptRow)).contains("kept from the run marker-gone").contains("no run.json");
        robot.interact(dialog::close);
    }

    private static ListCell<?> rowOf(FxRobot robot, String run) {
        return robot.lookup((Node n) -> n instanceof ListCell<?> c && c.getItem() instanceof RunHistory.Run r
                && r.dir().getFileName().toString().equals(run)).queryAs(ListCell.class);
    }

    /**
     * Rests the pointer on {@code row} until its tooltip appears; the tooltip's text. As a person would, the pointer
     * moves a little on the row again if the tooltip has not come (under three test JVMs on two cores the list laid its
     * rows out again as the pointer arrived, and the first rest went unnoticed).
     */
    private static String shownOnHover(FxRobot robot, ListCell<?> row) throws Exception {
        java.util.Map<Object, Integer> events = new java.util.concurrent.ConcurrentHashMap<>();
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> count = e -> events.merge(e.getEventType(), 1, Integer::sum);
        robot.interact(() -> row.addEventFilter(javafx.scene.input.MouseEvent.ANY, count));
        robot.moveTo(row);
        Tooltip tip = row.getTooltip();
        assertThat(tip).isNotNull();
        for (int tries = 1; !showsWithin(tip, 4) && tries < 3; tries++) {
            robot.interact(() -> ((javafx.stage.Stage) row.getScene().getWindow()).toFront()); // over any other window
            robot.moveBy(3, 0);
        }
        if (!showsWithin(tip, 10)) {
            throw new AssertionError("no tooltip; JavaFX's tooltip state: " + WaitForAsyncUtils.asyncFx(() -> {
                StringBuilder b = new StringBuilder();
                java.lang.reflect.Field f = Tooltip.class.getDeclaredField("BEHAVIOR");
                f.setAccessible(true);
                Object behaviour = f.get(null);
                for (java.lang.reflect.Field g : behaviour.getClass().getDeclaredFields()) {
                    g.setAccessible(true);
                    Object v = g.get(behaviour);
                    b.append(g.getName()).append('=').append(v instanceof javafx.animation.Animation a
                            ? a.getStatus() + "@" + a.getCurrentTime() : v).append("; ");
                }
                b.append("windows=").append(javafx.stage.Window.getWindows().stream()
                        .map(w -> w.getClass().getSimpleName() + (w.isShowing() ? "+" : "-") + w.getX() + "," + w.getY()
                                + " " + w.getWidth() + "x" + w.getHeight()).toList());
                b.append("; row hover=").append(row.isHover()).append(" at ").append(row.localToScreen(row.getBoundsInLocal()));
                return b.append("; row's mouse events ").append(events).toString();
            }).get());
        }
        String text = WaitForAsyncUtils.asyncFx(tip::getText).get();
        robot.interact(() -> row.removeEventFilter(javafx.scene.input.MouseEvent.ANY, count));
        robot.moveBy(0, 400); // off the row: the tooltip goes
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tip.isShowing());
        return text;
    }

    private static boolean showsWithin(Tooltip tip, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, tip::isShowing);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }
}
