package dev.deepwire.ui.training;

import static dev.deepwire.ui.training.DockControls.field;
import static dev.deepwire.ui.training.DockControls.label;

import dev.deepwire.model.TrainingSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * The training dock's settings: the fields, checked as typed (a refused value outlined and said on the dock's problem
 * line, the idle line then "Not ready"), kept in the project as one undoable change when a field is left or Enter is
 * pressed, and following the project's settings as Undo, Redo or another project change them.
 */
final class SettingsForm extends GridPane {
    private final TrainingViewModel vm;
    private final Consumer<String> problem;
    private final TextField epochs = field("epochs");
    private final TextField batch = field("batch");
    private final TextField rate = field("rate");
    private final TextField seed = field("seed");
    private final TextField checkpoint = field("checkpoint");
    private final TextField patience = field("patience");
    private final TextField split = field("validation-split");
    private final ComboBox<String> optimizer = new ComboBox<>();
    private final ComboBox<String> selectOn = new ComboBox<>(FXCollections.observableList(TrainingSettings.SELECT_ON));
    /** What the problem line says now ("" when every value can be used). */
    private String said = "";

    /** @param problem the dock's problem line, told what a refused value is ("" when none) */
    SettingsForm(TrainingViewModel vm, Consumer<String> problem, TrainingSettings initial) {
        this.vm = vm;
        this.problem = problem;
        optimizer.getItems().setAll(TrainingSettings.OPTIMIZERS.stream().sorted().toList());
        optimizer.setId("train-optimizer");
        show(initial);
        setHgap(6);
        setVgap(4);
        // The settings a lesson changes first come first: a short dock (1024 × 700) shows the top rows without scrolling.
        addRow(0, label(SettingLabels.of("epochs")), epochs, label(SettingLabels.of("batchSize")), batch);
        addRow(1, label(SettingLabels.of("optimizer")), optimizer, label(SettingLabels.of("learningRate")), rate);
        addRow(2, label(SettingLabels.of("seed")), seed, label(SettingLabels.of("validationSplit")), split);
        addRow(3, label(SettingLabels.of("selectOn")), selectOn, label(SettingLabels.of("earlyStoppingPatience")), patience);
        addRow(4, label(SettingLabels.of("checkpointEvery")), checkpoint);
        for (ComboBox<String> box : List.of(optimizer, selectOn)) {
            double w = DockControls.widestItem(box) + 60; // the longest choice whole ("nesterovs", "accuracy") and the arrow
            box.setMinWidth(w);
            box.setPrefWidth(w);
        }
        selectOn.setId("train-select-on");
        selectOn.setTooltip(new Tooltip("Validation figure that picks the model the run ends with, for early stopping and "
                + "best.zip: last (the model as training leaves it), loss, accuracy, mrr (knowledge graphs)"));
        split.setPromptText("0: the data's own");
        split.setTooltip(new Tooltip("Hold out this fraction of the training examples for "
                + "validation instead of the dataset's own validation set (0: use the dataset's)"));
        checkpoint.setPromptText("every N epochs");
        patience.setPromptText("N flat epochs");
        checkpoint.setTooltip(new Tooltip("Save the model every N epochs (0: only the best and the last)"));
        patience.setTooltip(new Tooltip("Early stopping: end the run when validation loss has not improved "
                + "for N epochs (0: off)"));
        for (TextField f : List.of(epochs, batch, rate, seed, checkpoint, patience, split)) {
            f.textProperty().addListener((o, a, b) -> settings()); // checked as typed
            // Kept in the project (an undoable change) when the field is left or Enter is pressed.
            f.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commit();
                }
            });
            f.setOnAction(e -> commit());
        }
        optimizer.setOnAction(e -> commit());
        selectOn.setOnAction(e -> commit());
        // Undo, Redo and opening another project change the project's settings: the fields follow.
        vm.editor().revisionProperty().addListener((o, a, b) -> {
            TrainingSettings now = vm.editor().project().training();
            if (!now.equals(shown)) {
                show(now);
            }
        });
    }

    private void say(String text) {
        said = text;
        problem.accept(text);
    }

    /** Outlines the fields whose settings were refused. */
    private void markInvalid(List<String> problems) {
        Map<TextField, String> keys = Map.of(epochs, "epochs", batch, "batchSize", rate, "learningRate",
                checkpoint, "checkpointEvery", patience, "earlyStoppingPatience", split, "validationSplit", seed, "seed");
        keys.forEach((f, k) -> {
            f.getStyleClass().remove("invalid");
            if (problems.stream().anyMatch(p -> p.startsWith("training." + k + " "))) {
                f.getStyleClass().add("invalid");
            }
        });
    }

    private TrainingSettings shown;

    /**
     * Puts valid typed settings into the project as one undoable change (nothing when unchanged or invalid); Save and
     * closing call it too, so a value typed but not yet left is never lost. Returns what was typed that the project
     * cannot keep (the problem line), or "".
     */
    String commit() {
        if (showing || vm.phaseProperty().get().busy()) {
            return "";
        }
        Optional<TrainingSettings> typed = settings();
        typed.ifPresent(s -> {
            shown = s;
            vm.editor().setTraining(s);
        });
        return typed.isPresent() ? "" : said; // what was typed that the project cannot keep
    }

    /** Whether {@link #show} fills the fields: a choice box set fires its action, whose commit is no change of the user's. */
    private boolean showing;

    void show(TrainingSettings s) {
        showing = true;
        try {
            fill(s);
        } finally {
            showing = false;
        }
        settings(); // the problem line and outlines for what is shown
    }

    private void fill(TrainingSettings s) {
        shown = s;
        epochs.setText(String.valueOf(s.epochs()));
        batch.setText(String.valueOf(s.batchSize()));
        rate.setText(String.valueOf(s.learningRate()));
        seed.setText(String.valueOf(s.seed()));
        checkpoint.setText(String.valueOf(s.checkpointEvery()));
        patience.setText(String.valueOf(s.earlyStoppingPatience()));
        split.setText(String.valueOf(s.validationSplit()));
        optimizer.setValue(s.optimizer());
        selectOn.setValue(s.selectOn());
    }

    /** The settings typed in, or empty (with the problem shown) when one is not a valid value. */
    Optional<TrainingSettings> settings() {
        markInvalid(List.of()); // the field refused below, or the settings refused, are outlined again
        try {
            TrainingSettings s = new TrainingSettings((int) DockControls.whole(epochs, SettingLabels.of("epochs")), (int) DockControls.whole(batch, SettingLabels.of("batchSize")),
                    optimizer.getValue(), DockControls.number(rate, SettingLabels.of("learningRate")), DockControls.whole(seed, SettingLabels.of("seed")),
                    (int) DockControls.whole(checkpoint, SettingLabels.of("checkpointEvery")), (int) DockControls.whole(patience, SettingLabels.of("earlyStoppingPatience")),
                    split.getText().isBlank() ? 0 : DockControls.number(split, SettingLabels.of("validationSplit")),
                    selectOn.getValue() == null ? "last" : selectOn.getValue());
            List<String> problems = s.validate();
            say(problems.isEmpty() ? "" : problems.get(0));
            markInvalid(problems);
            vm.settingRefused(!problems.isEmpty());
            return problems.isEmpty() ? Optional.of(s) : Optional.empty();
        } catch (NumberFormatException e) {
            say(e.getMessage()); // names the field, as labelled, and what it holds
            vm.settingRefused(true);
            return Optional.empty();
        }
    }
}
