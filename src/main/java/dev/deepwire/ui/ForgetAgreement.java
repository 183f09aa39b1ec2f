package dev.deepwire.ui;

import dev.deepwire.model.DatasetSpec;
import dev.deepwire.ui.controls.PathLabels;
import dev.deepwire.ui.training.TrainingData;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Tooltip;

/**
 * Dataset Settings' "Forget agreement…", beside the data path: shown where the user agreed to read the project's data
 * file outside its folder, it forgets that agreement after a confirmation, so the next read asks again (decision 0016).
 * The agreement lives in the user's own settings, not in the project: forgetting it is no project edit and has no Undo.
 */
final class ForgetAgreement {
    static final ButtonType FORGET = new ButtonType("Forget", ButtonBar.ButtonData.OK_DONE);

    private ForgetAgreement() {
    }

    /** The button for the project's dataset {@code current}; {@code said} gets what happened, for the dialog's result line. */
    static Button button(TrainingData data, DatasetSpec current, Consumer<String> said) {
        Button forget = new Button("Forget agreement\u2026");
        forget.setId("dataset-forget-agreement");
        forget.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // whole beside Browse…, the path field gives way
        Optional<Path> agreed = current == null ? Optional.empty() : data.agreedOutside(current);
        forget.setVisible(agreed.isPresent());
        forget.setManaged(agreed.isPresent());
        agreed.ifPresent(file -> {
            forget.setTooltip(new Tooltip("You agreed to read " + file + ", outside the project's folder.\n"
                    + "Forget it, and DeepWire asks again before it reads that file."));
            forget.setOnAction(e -> {
                Alert ask = PathLabels.content(new Alert(Alert.AlertType.CONFIRMATION, "", FORGET, ButtonType.CANCEL), "",
                        file, "lies outside the project's folder. DeepWire will ask again before it reads it (at Train, "
                        + "Evaluate, Sweep and the data check).");
                ask.setTitle("Forget agreement");
                ask.setHeaderText("Forget that you agreed to read this data file?");
                ask.initOwner(forget.getScene().getWindow());
                if (ask.showAndWait().filter(b -> b == FORGET).isPresent()) {
                    data.forgetAgreement(current);
                    forget.setVisible(false);
                    forget.setManaged(false);
                    said.accept("Agreement forgotten: DeepWire asks before it reads " + file.getFileName() + " again.");
                }
            });
        });
        return forget;
    }
}
