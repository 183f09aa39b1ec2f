package dev.deepwire.ui.eval;

import dev.deepwire.ui.training.RunDifferences;
import dev.deepwire.ui.training.RunHistory;
import dev.deepwire.ui.training.TrainingViewModel;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Which run the evaluation window shows: the latest run of its workbench window, or one of the project's kept runs
 * (Runs… lists the same), evaluated from its folder when Evaluate is pressed.
 */
final class KeptRunChooser extends HBox {
    /**
     * A choice: a kept run, or (run null) the latest run of this window; {@code differs} what sets the run apart from
     * the other kept runs ({@link RunDifferences}: epochs, dataset settings, blocks changed; "" none).
     */
    record Choice(RunHistory.Run run, String differs) {
        Choice(RunHistory.Run run) {
            this(run, "");
        }

        @Override
        public String toString() {
            return run == null ? "Latest run in this window"
                    : RunDifferences.line(run, java.util.Map.of(run.dir(), differs));
        }
    }

    private final ComboBox<Choice> runs = new ComboBox<>();
    private final Button evaluate = new Button("Evaluate");

    private final TrainingViewModel training;
    /** Stops the reading under way of the kept runs' records (nothing once read). */
    private Runnable reading = () -> { };
    private Runnable read = () -> { };

    KeptRunChooser(TrainingViewModel training, boolean latest) {
        super(6);
        this.training = training;
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 0, 8, 0));
        runs.setId("eval-run");
        evaluate.setId("eval-run-evaluate");
        runs.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(runs, Priority.ALWAYS);
        runs.setPromptText("no kept runs of this project");
        // each run wrapped to the picker's width in its list, what sets it apart on a line of its own (a run's line
        // had run past a 1024 px screen); the chosen one shows its first line, the whole in its tooltip
        runs.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Choice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.toString());
            }
        });
        runs.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Choice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.toString().lines().findFirst().orElse(""));
            }
        });
        runs.valueProperty().addListener((o, a, c) -> runs.setTooltip(c == null || c.run() == null ? null
                : new javafx.scene.control.Tooltip(c.toString())));
        Label label = new Label("Run:");
        label.setMinWidth(Region.USE_PREF_SIZE); // whole beside a long run name
        evaluate.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(label, runs, evaluate);
        refresh(latest);
    }

    /**
     * The choices as they are now: the latest run of this window (when there is one) at once, and the project's kept
     * runs once their records are read, off the window's thread (150 runs of 4 MB each had frozen it for 20 s).
     */
    void refresh(boolean latest) {
        stop();
        runs.getItems().clear();
        if (latest) {
            runs.getItems().add(new Choice(null));
            runs.getSelectionModel().select(0);
        }
        int folders = training.runs().folderCount();
        runs.setPromptText("reading " + folders + (folders == 1 ? " kept run" : " kept runs") + "\u2026");
        evaluate.setDisable(runs.getItems().isEmpty());
        reading = training.runs().readKept(kept -> {
            reading = () -> { };
            kept.runs().forEach(r -> runs.getItems().add(new Choice(r, kept.apart().getOrDefault(r.dir(), ""))));
            runs.setPromptText("no kept runs of this project");
            if (!runs.getItems().isEmpty() && runs.getValue() == null) {
                runs.getSelectionModel().select(0);
            }
            evaluate.setDisable(runs.getItems().isEmpty());
            read.run();
        });
    }

    /** Stops reading the kept runs (the window closed). */
    void stop() {
        reading.run();
        reading = () -> { };
    }

    /** What to do each time the kept runs have been read (the window's words depend on whether there are any). */
    void onRead(Runnable then) {
        this.read = then;
    }

    /**
     * What the window says where no run of its own has ended: {@code going} whether one is under way (or paused), or
     * null.
     */
    String noRunYet(String going) {
        return hasKept() ? (going != null ? going + "; meanwhile choose a kept run above and press Evaluate."
                : "No run of this project has ended in this window yet: choose a kept run above and press Evaluate, "
                + "or train the project (the latest run's model is evaluated and can be pruned here).")
                : going != null ? going + "." : "No run of this project has ended yet: train it (the latest run's model is "
                + "evaluated and can be pruned here).";
    }

    /** Whether the project has kept runs to choose from. */
    boolean hasKept() {
        return runs.getItems().stream().anyMatch(c -> c.run() != null);
    }

    /** What Evaluate does with the chosen run (null: the latest run of this window). */
    void onEvaluate(Consumer<RunHistory.Run> action) {
        evaluate.setOnAction(e -> {
            if (runs.getValue() != null) {
                action.accept(runs.getValue().run());
            }
        });
    }

    ComboBox<Choice> runs() {
        return runs;
    }
}
