package dev.deepwire.ui.eval;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.ModelLab;
import dev.deepwire.training.eval.EvaluationReport;
import dev.deepwire.training.eval.EvaluationReport.Prediction;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The examples of one confusion-matrix cell: each shown as a person reads it (its text, or its image), with the true
 * and predicted class and the confidence, surest first (every column sorts); one can be opened in the attention
 * inspector.
 */
final class ExamplesView extends VBox {
    private final TableView<Prediction> table = new TableView<>();
    private final Label title = new Label("Click a cell of the matrix to list its examples");
    private final Button inspect = new Button("Open in attention inspector");
    private final Button step = new Button("Step through");

    /** {@code open} and {@code stepThrough} take an example's index (either null: that button is not offered). */
    /** {@code inputs}: how the graph's input blocks take each of {@code data}'s inputs (token ids are shown as text). */
    ExamplesView(EvaluationReport report, Dataset data, java.util.List<dev.deepwire.model.PortKind> inputs, IntConsumer open,
                 IntConsumer stepThrough) {
        setSpacing(6);
        table.setId("eval-examples");
        table.setPlaceholder(new Label("No cell chosen yet")); // "No examples in this cell" once one is
        TableColumn<Prediction, Integer> index = new TableColumn<>("#");
        index.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().example()));
        TableColumn<Prediction, Integer> shown = new TableColumn<>("Example");
        shown.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().example()));
        shown.setSortable(false);
        shown.setPrefWidth(220);
        shown.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer example, boolean empty) {
                super.updateItem(example, empty);
                if (empty || example == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                ModelLab.Example e = ModelLab.example(data, example, inputs);
                Prediction p = getTableRow() == null ? null : getTableRow().getItem();
                String at = p != null && p.step() >= 0 ? "  (position " + p.step() + ")" : "";
                String said = e.text().isEmpty() ? at.trim() : e.text() + at;
                // the words wrap in their row, whole: at 1024 x 700 "3 features: 0, …" and a token sequence were cut
                // at the column's edge (a Text wrapped to the column's width: a wrapping cell's row kept one line)
                ImageView picture = e.image() == null ? null : image(e.image());
                javafx.scene.text.Text words = new javafx.scene.text.Text(said);
                words.getStyleClass().add("example-text");
                words.fillProperty().bind(textFillProperty());
                words.fontProperty().bind(fontProperty());
                words.wrappingWidthProperty().bind(getTableColumn().widthProperty().subtract(
                        picture == null ? 14 : 14 + picture.getImage().getWidth() + 6));
                setText(null);
                setAccessibleText(said);
                setGraphic(picture == null ? words : new HBox(6, picture, words));
                // and the whole example on hover, an image's size with it (written beside the picture it was cut to
                // "im…")
                javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip((e.imageText().isEmpty() ? ""
                        : e.imageText() + (e.text().isEmpty() ? "" : "\n")) + said + ", example " + example);
                whole.setWrapText(true);
                whole.setMaxWidth(600);
                setTooltip(whole);
            }
        });
        TableColumn<Prediction, String> actual = new TableColumn<>("True");
        actual.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(report.classes().get(c.getValue().actual())));
        TableColumn<Prediction, String> predicted = new TableColumn<>("Predicted");
        predicted.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(report.classes().get(c.getValue().predicted())));
        TableColumn<Prediction, Double> confidence = new TableColumn<>("Confidence");
        confidence.setId("eval-confidence");
        confidence.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().confidence()));
        confidence.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.1f %%", 100 * v));
            }
        });
        confidence.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().setAll(List.of(index, shown, actual, predicted, confidence));
        for (TableColumn<Prediction, ?> column : table.getColumns()) {
            // every header whole ("Predi…" and "Con…" at 1024 x 700 beside a wide Example column): its text, the
            // cell's padding and the sort arrow
            column.setMinWidth(Math.ceil(dev.deepwire.ui.controls.TextWidth.of(column.getText(), javafx.scene.text.Font.font(
                    javafx.scene.text.Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD, 13))) + 30);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        inspect.setId("eval-open-inspector");
        step.setId("eval-step-through");
        offer(inspect, open);
        offer(step, stepThrough);
        // The title on a line of its own (it wraps), the buttons below at their full width: nothing is cut at 1024 px.
        HBox bar = new HBox(8, inspect, step);
        bar.setAlignment(Pos.CENTER_LEFT);
        inspect.setMinWidth(Region.USE_PREF_SIZE);
        step.setMinWidth(Region.USE_PREF_SIZE);
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(table, Priority.ALWAYS);
        setSpacing(4);
        setPadding(new Insets(4, 0, 0, 0));
        getChildren().addAll(title, bar, table);
    }

    /** A button acting on the selected example, enabled while one is selected; hidden without an action. */
    private void offer(Button button, IntConsumer action) {
        button.setDisable(true);
        button.setVisible(action != null);
        button.setManaged(action != null);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> button.setDisable(b == null));
        button.setOnAction(e -> {
            Prediction p = table.getSelectionModel().getSelectedItem();
            if (p != null && action != null) {
                action.accept(p.example());
            }
        });
    }

    /** Lists one cell's examples, surest first. */
    void show(String heading, List<Prediction> examples) {
        title.setText(heading);
        table.setPlaceholder(new Label("No examples in this cell"));
        table.setItems(FXCollections.observableArrayList(examples));
        table.getSortOrder().clear();
        table.getSortOrder().add(table.getColumns().get(4));
        table.sort();
    }

    TableView<Prediction> table() {
        return table;
    }

    private static ImageView image(float[][] pixels) {
        int h = pixels.length;
        int w = pixels[0].length;
        int scale = Math.max(1, 48 / Math.max(h, w));
        WritableImage img = new WritableImage(w * scale, h * scale);
        PixelWriter out = img.getPixelWriter();
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                double v = Math.max(0, Math.min(1, pixels[y / scale][x / scale]));
                out.setColor(x, y, Color.gray(1 - v));
            }
        }
        return new ImageView(img);
    }
}
