package dev.deepwire.ui.inspect;

import dev.deepwire.inspect.Ablation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One switch per head of the shown block (ticked: the head works as trained), the way a switched-off head is
 * replaced (zero or its validation mean) and a line that explains the difference. Tells its listener of each
 * change as (head, mode), the mode null when a head is switched on again.
 */
final class HeadSwitches extends VBox {
    private final FlowPane switches = new FlowPane(8, 4);
    private final ComboBox<Ablation> mode = new ComboBox<>();
    private final Label explanation = new Label();
    private final List<CheckBox> boxes = new ArrayList<>();
    private BiConsumer<Integer, Ablation> listener = (h, m) -> { };
    private boolean quiet;

    HeadSwitches() {
        super(4);
        mode.getItems().setAll(Ablation.values());
        mode.setValue(Ablation.ZERO);
        mode.setId("intervene-mode");
        mode.setTooltip(new Tooltip("How a switched-off head is replaced"));
        explanation.setWrapText(true);
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped, never cut to one line with "…"
        explanation.getStyleClass().add("muted");
        explanation.setId("intervene-explanation");
        explanation.setText(Ablation.ZERO.explanation());
        mode.valueProperty().addListener((o, a, b) -> {
            explanation.setText(b.explanation());
            for (int h = 0; h < boxes.size(); h++) {
                if (!boxes.get(h).isSelected()) {
                    listener.accept(h, b); // heads already off now use the new mode
                }
            }
        });
        HBox modeRow = new HBox(6, new Label("Off means"), mode);
        modeRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(new Label("Heads working (untick to switch one off)"), switches, modeRow, explanation);
    }

    /** How a head switched off now is replaced. */
    Ablation mode() {
        return mode.getValue();
    }

    void setOnSwitch(BiConsumer<Integer, Ablation> onSwitch) {
        listener = onSwitch;
    }

    /** Offers {@code heads} switches, all on (a block with another number of heads starts afresh). */
    void setHeads(int heads) {
        if (boxes.size() == heads) {
            return;
        }
        boxes.clear();
        for (int h = 0; h < heads; h++) {
            int head = h;
            CheckBox box = new CheckBox("h" + h); // not "head h": that names the head choice above the map
            box.setId("intervene-head-" + h);
            box.setSelected(true);
            box.setTooltip(new Tooltip("Untick to switch head " + h + " off"));
            box.selectedProperty().addListener((o, a, on) -> {
                if (!quiet) {
                    listener.accept(head, on ? null : mode.getValue());
                }
            });
            boxes.add(box);
        }
        switches.getChildren().setAll(boxes);
    }

    /** Every head on again, without telling the listener (the intervention was reset). */
    void allOn() {
        quiet = true;
        try {
            boxes.forEach(b -> b.setSelected(true));
        } finally {
            quiet = false;
        }
    }
}
