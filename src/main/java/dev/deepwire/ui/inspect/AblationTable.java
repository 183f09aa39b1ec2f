package dev.deepwire.ui.inspect;

import dev.deepwire.inspect.Ablation;
import dev.deepwire.inspect.Experiment;
import dev.deepwire.inspect.HeadAblation;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Which heads matter": every head of every attention block, each switched off alone, ranked by how much the
 * validation accuracy drops without it, with the accuracy with none off above. Computed in the background.
 */
final class AblationTable {
    private AblationTable() {
    }

    /** Opens the table's window and fills it when the measurements are done. */
    static Stage open(Window owner, Experiment experiment, Ablation mode, Executor background) {
        TableView<HeadAblation.Row> table = new TableView<>();
        table.setId("ablation-table");
        table.getColumns().add(column("Block", r -> r.node()));
        table.getColumns().add(column("Head", r -> String.valueOf(r.head())));
        table.getColumns().add(column("Accuracy off", r -> String.format(Locale.ROOT, "%.2f %%", 100 * r.metric())));
        table.getColumns().add(column("Drop", r -> String.format(Locale.ROOT, "%+.2f points", -100 * r.drop())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label heading = new Label("Switching each head off in turn (" + mode.explanation() + ") — measuring…");
        heading.setId("ablation-heading");
        heading.setWrapText(true);
        javafx.scene.control.Button close = new javafx.scene.control.Button("Close");
        close.setId("ablation-close");
        close.setCancelButton(true); // Esc closes it too, as every dialog
        javafx.scene.layout.HBox bottom = new javafx.scene.layout.HBox(close);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        BorderPane root = new BorderPane(table, heading, null, bottom, null);
        BorderPane.setMargin(heading, new Insets(8));
        BorderPane.setMargin(bottom, new Insets(8));
        Stage stage = dev.deepwire.ui.controls.ProjectWindows.bind(new Stage());
        close.setOnAction(e -> stage.close());
        stage.setTitle("Which heads matter");
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                root.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(dev.deepwire.ui.controls.WindowSizes.scene(root, 620, 420));
        stage.show();
        CompletableFuture.supplyAsync(() -> experiment.table(mode), background).whenComplete((t, e) -> Platform.runLater(() -> {
            if (e != null) {
                heading.setText("Cannot measure the heads: " + (e.getCause() != null ? e.getCause() : e).getMessage());
                return;
            }
            heading.setText(String.format(Locale.ROOT, "Validation accuracy with no head off: %.2f %%. Each head switched "
                    + "off alone (%s); the largest drop first.", 100 * t.baseline(), mode.explanation()));
            table.getItems().setAll(t.rows());
        }));
        return stage;
    }

    private static TableColumn<HeadAblation.Row, String> column(String title, java.util.function.Function<HeadAblation.Row, String> text) {
        TableColumn<HeadAblation.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
