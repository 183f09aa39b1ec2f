package dev.deepwire.ui.training;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.stage.Window;

/**
 * The Runs… dialog: the kept runs of the project in the window, newest first; compare one with the current curves,
 * inspect its best model, export its model, or delete it. A problem is said through the dock's problem line.
 */
final class RunsDialog {
    private final TrainingViewModel vm;
    private final Window owner;
    private final Consumer<String> problem;
    private final Consumer<java.nio.file.Path> onInspectModel;
    private final Runnable compared;

    RunsDialog(TrainingViewModel vm, Window owner, Consumer<String> problem, Consumer<java.nio.file.Path> onInspectModel,
               Runnable compared) {
        this.vm = vm;
        this.owner = owner;
        this.problem = problem;
        this.onInspectModel = onInspectModel;
        this.compared = compared;
    }

    void showAndWait() {
        javafx.scene.control.ListView<RunHistory.Run> list = new javafx.scene.control.ListView<>();
        list.getItems().setAll(vm.keptRuns());
        list.setId("runs-list");
        list.setPrefSize(760, 300);
        javafx.scene.control.Dialog<Void> dialog = new javafx.scene.control.Dialog<>();
        String project = vm.editor().project().name();
        dialog.setTitle("Runs of " + project);
        dialog.setHeaderText(list.getItems().isEmpty() ? "No runs of " + project + " kept yet: train once to keep a run"
                : "Runs of " + project + ", newest first");
        javafx.scene.control.ButtonType compare = new javafx.scene.control.ButtonType("Compare");
        javafx.scene.control.ButtonType delete = new javafx.scene.control.ButtonType("Delete…");
        javafx.scene.control.ButtonType exportModel = new javafx.scene.control.ButtonType("Export model…");
        javafx.scene.control.ButtonType inspect = new javafx.scene.control.ButtonType("Inspect best model");
        dialog.getDialogPane().getButtonTypes().addAll(compare, inspect, exportModel, delete, javafx.scene.control.ButtonType.CLOSE);
        for (javafx.scene.control.ButtonType needsARun : List.of(compare, inspect, exportModel, delete)) {
            // Off while no run is chosen (none kept yet, or none selected): nothing for them to act on.
            dialog.getDialogPane().lookupButton(needsARun).disableProperty()
                    .bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        ((Button) dialog.getDialogPane().lookupButton(inspect)).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            RunHistory.Run r = list.getSelectionModel().getSelectedItem();
            if (r == null) {
                e.consume();
                problem.accept("Choose a run first");
                return;
            }
            java.nio.file.Path best = r.dir().resolve("best.zip");
            onInspectModel.accept(java.nio.file.Files.isRegularFile(best) ? best : r.dir().resolve("model.zip"));
        });
        ((Button) dialog.getDialogPane().lookupButton(exportModel)).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            RunHistory.Run r = list.getSelectionModel().getSelectedItem();
            java.nio.file.Path model = r == null ? null : r.dir().resolve("model.zip");
            if (model == null || !java.nio.file.Files.isRegularFile(model)) {
                problem.accept(r == null ? "Choose a run first" : "That run has no model.zip (it failed before saving one)");
                return;
            }
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Export the run's trained model");
            chooser.setInitialFileName(r.dir().getFileName() + "-model.zip");
            java.io.File chosen = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            java.io.File f = chosen == null ? null : dev.deepwire.io.files.FileNames.withExtension(chosen.toPath(), "zip").toFile();
            if (f != null) {
                try {
                    dev.deepwire.io.AtomicFiles.write(f.toPath(), java.nio.file.Files.readAllBytes(model));
                } catch (java.io.IOException ex) {
                    problem.accept(ex instanceof dev.deepwire.io.WriteFailure w ? w.getMessage() : "Cannot write " + f + ": " + ex.getMessage());
                }
            }
        });
        dialog.getDialogPane().setContent(list);
        dialog.initOwner(owner);
        ((Button) dialog.getDialogPane().lookupButton(compare)).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            RunHistory.Run r = list.getSelectionModel().getSelectedItem();
            if (r != null) {
                try {
                    vm.compareWith(r);
                    compared.run();
                } catch (java.io.IOException | RuntimeException ex) {
                    problem.accept("Cannot read " + r.dir() + ": " + ex.getMessage());
                }
            }
        });
        ((Button) dialog.getDialogPane().lookupButton(delete)).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            RunHistory.Run r = list.getSelectionModel().getSelectedItem();
            if (r == null) {
                return;
            }
            javafx.scene.control.Alert sure = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    "Delete the run " + r.dir().getFileName() + " with its metrics and model?");
            sure.initOwner(dialog.getDialogPane().getScene().getWindow());
            if (sure.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent()) {
                try {
                    RunHistory.delete(r);
                    list.getItems().remove(r);
                } catch (java.io.IOException ex) {
                    problem.accept("Cannot delete " + r.dir() + ": " + ex.getMessage());
                }
            }
        });
        dialog.showAndWait();
    }
}
