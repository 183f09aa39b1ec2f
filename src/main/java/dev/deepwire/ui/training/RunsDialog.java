package dev.deepwire.ui.training;

import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.io.files.FileNames;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Runs… dialog: the kept runs of the project in the window, newest first; compare one with the current curves,
 * inspect its best model, export its model, or delete it. A problem is said through the dock's problem line.
 */
final class RunsDialog {
    private final TrainingViewModel vm;
    private final Window owner;
    private final Consumer<String> problem;
    private final Consumer<Path> onInspectModel;
    private final Runnable compared;

    RunsDialog(TrainingViewModel vm, Window owner, Consumer<String> problem, Consumer<Path> onInspectModel,
               Runnable compared) {
        this.vm = vm;
        this.owner = owner;
        this.problem = problem;
        this.onInspectModel = onInspectModel;
        this.compared = compared;
    }

    void showAndWait() {
        build().showAndWait();
    }

    /** The dialog, its buttons wired, not shown yet. */
    Dialog<Void> build() {
        ListView<RunHistory.Run> list = RunCell.list(List.of()); // filled once the runs' records are read, below
        list.setPrefSize(760, 300);
        Dialog<Void> dialog = new Dialog<>();
        String project = dev.deepwire.limits.ShownName.line(vm.editor().project().name());
        dialog.setTitle("Runs of " + project);
        int folders = vm.runs().folderCount();
        // the folders hold other projects' runs too (unsaved projects share one): which are this one's is known once read
        String reading = "Reading the records of " + folders + (folders == 1 ? " kept run" : " kept runs") + "\u2026";
        dialog.setHeaderText(reading);
        String[] runsHeader = {reading}; // the heading once read; a chosen run's or an export's line goes under it
        ButtonType compare = new ButtonType("Compare");
        ButtonType delete = new ButtonType("Delete…");
        ButtonType exportModel = new ButtonType("Export model…");
        ButtonType inspect = new ButtonType("Inspect best model");
        ButtonType table = new ButtonType("Compare table…");
        dialog.getDialogPane().getButtonTypes().addAll(table, compare, inspect, exportModel, delete, ButtonType.CLOSE);
        for (ButtonType needsARun : List.of(compare, inspect, exportModel, delete)) {
            // Off while no run is chosen (none kept yet, or none selected): nothing for them to act on.
            Button b = (Button) dialog.getDialogPane().lookupButton(needsARun);
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
            b.setTooltip(new javafx.scene.control.Tooltip("Choose a run in the list first"));
        }
        // Compare draws a run's curves over the dock's: off for a run that has none (kept from a trained model, which
        // had answered "Cannot read <folder>: …/metrics.csv" in red), saying why
        Button compareButton = (Button) dialog.getDialogPane().lookupButton(compare);
        compareButton.disableProperty().unbind();
        javafx.beans.value.ChangeListener<RunHistory.Run> comparable = (o, was, r) -> {
            boolean curves = r != null && RunHistory.hasCurves(r);
            compareButton.setDisable(!curves);
            compareButton.getTooltip().setText(r == null ? "Choose a run in the list first"
                    : curves ? "Draw this run's curves over the charts, dashed" : RunHistory.noCurves(r));
            // a greyed button shows no tooltip: the reason goes under the dialog's heading while such a run is chosen
            dialog.setHeaderText(r == null || curves ? runsHeader[0] : runsHeader[0] + "\n" + RunHistory.noCurves(r));
        };
        list.getSelectionModel().selectedItemProperty().addListener(comparable);
        comparable.changed(null, null, list.getSelectionModel().getSelectedItem());
        // Off while no run is kept (none yet, or the last one deleted): there is nothing to put in the table.
        Button tableButton = (Button) dialog.getDialogPane().lookupButton(table);
        tableButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(list.getItems()));
        tableButton.setTooltip(new javafx.scene.control.Tooltip("The kept runs side by side: their settings and figures"));
        list.getItems().addListener((javafx.collections.ListChangeListener<RunHistory.Run>) c -> {
            if (list.getItems().isEmpty()) { // the last run deleted: the header says so, as it would on opening
                dialog.setHeaderText("No runs of " + project + " kept now: train once to keep a run");
            }
        });
        list.setPlaceholder(new javafx.scene.control.Label(reading + " (Close stops it)"));
        // the records (up to 4 MB each) are read off the window's thread: 150 of them had frozen it for 20 s
        Runnable cancel = vm.runs().readKept(kept -> {
            var runs = kept.runs();
            RunCell.apart(list, kept.apart());
            list.getItems().setAll(runs);
            String elsewhere = vm.runs().leftBehind(); // after Save As: the earlier file's runs stayed with it
            runsHeader[0] = runs.isEmpty() ? "No runs of " + project + " kept yet: train once to keep a run"
                    + (elsewhere.isEmpty() ? "" : ".\n" + elsewhere) : "Runs of " + project + ", newest first";
            dialog.setHeaderText(runsHeader[0]);
            list.setPlaceholder(new javafx.scene.control.Label("No runs kept yet: train once to keep a run; then the "
                    + "runs can be compared, inspected, exported or deleted here"));
        });
        dialog.setOnHidden(e -> cancel.run()); // closed while reading: the reading stops
        ((Button) dialog.getDialogPane().lookupButton(inspect)).addEventFilter(ActionEvent.ACTION, e -> {
            RunHistory.Run r = list.getSelectionModel().getSelectedItem();
            if (r == null) {
                e.consume();
                problem.accept("Choose a run first");
                return;
            }
            onInspectModel.accept(RunHistory.inspectable(r));
        });
        ((Button) dialog.getDialogPane().lookupButton(exportModel)).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            RunHistory.Run r = list.getSelectionModel().getSelectedItem();
            Path model = r == null ? null : r.dir().resolve("model.zip");
            if (model == null || !Files.isRegularFile(model)) {
                problem.accept(r == null ? "Choose a run first" : "That run has no model.zip (it failed before saving one)");
                return;
            }
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the run's trained model");
            chooser.setInitialFileName(r.dir().getFileName() + "-model.zip");
            Path folder = vm.data().folder().get(); // the project's folder (it opened in the working folder)
            if (folder != null && Files.isDirectory(folder)) {
                chooser.setInitialDirectory(folder.toFile());
            }
            File chosen = dev.deepwire.ui.controls.FocusReturn.save(chooser, dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                Path f = chosen.toPath();
                try {
                    f = exportModel(model, f);
                    String said = "Exported the run's model to " + f; // said where it is seen: the dialog stays open
                    vm.editor().messageProperty().set(said);
                    dialog.getDialogPane().setHeaderText(runsHeader[0] + "\n" + said);
                } catch (IOException ex) {
                    problem.accept(ex instanceof WriteFailure w ? w.getMessage() : "Cannot write " + f + ": " + ex.getMessage());
                }
            }
        });
        ((Button) dialog.getDialogPane().lookupButton(table)).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the comparison opens over this dialog, which stays
            RunCompareView.show(dialog.getDialogPane().getScene().getWindow(), List.copyOf(list.getItems()),
                    vm.editor().project().training().selectOn(), problem, vm.runComparison());
        });
        dialog.getDialogPane().setContent(list);
        // a button greyed out while focused (Delete… of the last run) hands the keys to the list, not to Close
        dev.deepwire.ui.controls.FocusHome.install(dialog.getDialogPane(), list);
        dialog.initOwner(owner);
        dev.deepwire.ui.controls.Dialogs.escapeCloses(dialog);
        ((Button) dialog.getDialogPane().lookupButton(compare)).addEventFilter(ActionEvent.ACTION, e -> {
            RunHistory.Run r = list.getSelectionModel().getSelectedItem();
            if (r != null) { // read off the JavaFX thread (a metrics.csv may be 32 MB); the status bar says so meanwhile
                vm.editor().messageProperty().set("Reading the curves of " + r.dir().getFileName() + "\u2026");
                vm.runComparison().curvesOf(r, curves -> {
                    vm.compareWith(r, curves);
                    vm.editor().messageProperty().set("Comparing with " + r.dir().getFileName());
                    compared.run();
                }, why -> {
                    vm.editor().messageProperty().set("Not compared with " + r.dir().getFileName());
                    problem.accept(why);
                });
            }
        });
        ((Button) dialog.getDialogPane().lookupButton(delete)).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            RunHistory.Run r = list.getSelectionModel().getSelectedItem();
            if (r == null) {
                return;
            }
            Alert sure = new Alert(Alert.AlertType.CONFIRMATION, RunHistory.deleteQuestion(r));
            sure.initOwner(dialog.getDialogPane().getScene().getWindow());
            dev.deepwire.ui.controls.Dialogs.defaultTo(sure, ButtonType.CANCEL); // Enter keeps the run
            if (sure.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
                try {
                    RunHistory.delete(r);
                    list.getItems().remove(r);
                    // what sets the others apart, worked out again off the window's thread
                    vm.runs().apartLater(list.getItems(), apart -> RunCell.apart(list, apart));
                } catch (IOException ex) {
                    problem.accept("Cannot delete " + r.dir() + ": " + ex.getMessage());
                }
            }
        });
        return dialog;
    }

    /**
     * Copies a run's {@code model} to the file chosen for it ({@code .zip} added when the name has no extension), by the
     * one atomic writer (a link chosen is written through, a special file refused); returns the file written.
     */
    static Path exportModel(Path model, Path chosen) throws IOException {
        Path f = FileNames.withExtension(chosen, "zip");
        // a kept run's folder may come from elsewhere: its model.zip is copied only if it is one, never through a link
        // (model.zip -> ~/.ssh/id_rsa had been copied where the user chose; a sparse 100 GB file byte by byte)
        if (Files.isSymbolicLink(model)) {
            throw new WriteFailure(f, "the run's " + model.getFileName() + " is a symbolic link (to "
                    + Files.readSymbolicLink(model) + "); a kept run's model is never read through a link");
        }
        dev.deepwire.limits.ModelZips.Checked checked;
        try {
            checked = dev.deepwire.limits.ModelZips.checkedCopy(model); // what is exported is what was checked
        } catch (IOException e) {
            throw new WriteFailure(f, "the run's model is not one DeepWire can use: " + e.getMessage());
        }
        try (checked) {
            // streamed: a model over 2 GB cannot be one byte array (readAllBytes threw OutOfMemoryError on the FX thread)
            AtomicFiles.write(f, out -> Files.copy(checked.file(), out));
        }
        return f;
    }
}
