package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The image overlay's spinner (which query row is drawn over the image) is labelled: in the attention inspector at
 * 1024 × 700 on digits-caption a bare "0" stood under "Where 'number' looks in the image".
 */
@ExtendWith(ApplicationExtension.class)
class QueryRowLabelUiTest {
    private InspectorControls ui;

    @Start
    void start(Stage stage) {
        ui = new InspectorControls();
        stage.setScene(new Scene(ui.layout(() -> { }, b -> { }, () -> { }), 1000, 660));
        ui.centre.setRight(ui.side);
        stage.show();
    }

    @Test
    void theQuerySpinnerSaysWhatItChooses(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Label label = WaitForAsyncUtils.asyncFx(() -> ui.side.lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.getLabelFor() == ui.query).map(n -> (Label) n).findFirst()
                .orElse(null)).get();
        assertThat(label).as("a label for the query spinner").isNotNull();
        assertThat(label.getText()).isEqualTo("Query row");
        assertThat(WaitForAsyncUtils.asyncFx(label::isVisible).get()).isTrue();
    }
}
