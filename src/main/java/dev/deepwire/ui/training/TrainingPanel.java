package dev.deepwire.ui.training;

import dev.deepwire.model.TrainingSettings;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The training dock: the run's settings (validated as typed), Start / Pause / Resume / Stop with the state
 * always visible, a progress bar with epoch, step, ETA and samples/s, and live loss and accuracy charts.
 * Queued training events are applied once per frame.
 */
public final class TrainingPanel extends HBox {
    private final TrainingViewModel vm;
    private final TextField epochs = field("epochs");
    private final TextField batch = field("batch");
    private final TextField rate = field("rate");
    private final TextField seed = field("seed");
    private final ComboBox<String> optimizer = new ComboBox<>();
    private final Label problem = new Label();
    private final MetricsChart loss = new MetricsChart("Loss", "loss", "training", "validation");
    private final MetricsChart accuracy = new MetricsChart("Validation accuracy", "accuracy", "validation");

    public TrainingPanel(TrainingViewModel vm, TrainingSettings initial) {
        this.vm = vm;
        getStyleClass().add("training-panel");
        setSpacing(10);
        setPadding(new Insets(8));
        optimizer.getItems().setAll(TrainingSettings.OPTIMIZERS.stream().sorted().toList());
        optimizer.setId("train-optimizer");
        show(initial);
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, label("Epochs"), epochs, label("Batch"), batch);
        form.addRow(1, label("Optimizer"), optimizer, label("Learning rate"), rate);
        form.addRow(2, label("Seed"), seed);
        Button start = button("Train", "train-start", () -> settings().ifPresent(vm::start));
        Button pause = button("Pause", "train-pause", vm::pause);
        Button resume = button("Resume", "train-resume", vm::resume);
        Button stop = button("Stop", "train-stop", vm::stop);
        vm.phaseProperty().addListener((o, a, p) -> {
            start.setDisable(p.busy());
            pause.setDisable(p != TrainingViewModel.Phase.RUNNING);
            resume.setDisable(p != TrainingViewModel.Phase.PAUSED);
            stop.setDisable(!p.busy());
            for (var f : List.of(epochs, batch, rate, seed)) {
                f.setDisable(p.busy());
            }
            optimizer.setDisable(p.busy());
        });
        pause.setDisable(true);
        resume.setDisable(true);
        stop.setDisable(true);
        Label phase = new Label();
        phase.setId("train-phase");
        phase.getStyleClass().add("train-phase");
        phase.textProperty().bind(vm.phaseProperty().asString());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label progress = new Label();
        progress.textProperty().bind(vm.progressTextProperty());
        progress.getStyleClass().add("muted");
        progress.setWrapText(true);
        Label status = new Label();
        status.setId("train-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        problem.getStyleClass().add("issue-error");
        problem.setWrapText(true);
        CheckBox log = new CheckBox("log scale");
        log.setOnAction(e -> loss.setLog(log.isSelected()));
        VBox controls = new VBox(6, form, new HBox(6, start, pause, resume, stop, phase), bar, progress, status, problem, log);
        controls.setPrefWidth(380);
        controls.setMinWidth(340);
        HBox.setHgrow(loss.viewer(), Priority.ALWAYS);
        HBox.setHgrow(accuracy.viewer(), Priority.ALWAYS);
        getChildren().addAll(controls, loss.viewer(), accuracy.viewer());
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (vm.drain() > 0) {
                    refreshCharts();
                }
            }
        }.start();
        vm.pointsAddedProperty().addListener((o, a, b) -> refreshCharts());
    }

    private void refreshCharts() {
        MetricsHistory h = vm.history();
        loss.update(List.of(h.trainLoss(), h.validationLoss()));
        accuracy.update(List.of(h.validationAccuracy()));
    }

    private void show(TrainingSettings s) {
        epochs.setText(String.valueOf(s.epochs()));
        batch.setText(String.valueOf(s.batchSize()));
        rate.setText(String.valueOf(s.learningRate()));
        seed.setText(String.valueOf(s.seed()));
        optimizer.setValue(s.optimizer());
    }

    /** The settings typed in, or empty (with the problem shown) when one is not a valid value. */
    Optional<TrainingSettings> settings() {
        try {
            TrainingSettings s = new TrainingSettings(Integer.parseInt(epochs.getText().trim()),
                    Integer.parseInt(batch.getText().trim()), optimizer.getValue(), Double.parseDouble(rate.getText().trim()),
                    Long.parseLong(seed.getText().trim()), 0, 0);
            List<String> problems = s.validate();
            problem.setText(problems.isEmpty() ? "" : problems.get(0));
            return problems.isEmpty() ? Optional.of(s) : Optional.empty();
        } catch (NumberFormatException e) {
            problem.setText("Epochs, batch and seed must be whole numbers and the learning rate a number");
            return Optional.empty();
        }
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId("train-" + id);
        f.setPrefColumnCount(6);
        return f;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    MetricsChart lossChart() {
        return loss;
    }
}
