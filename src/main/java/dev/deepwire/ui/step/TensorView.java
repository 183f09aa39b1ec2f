package dev.deepwire.ui.step;

import dev.deepwire.inspect.walk.Numbers;
import dev.deepwire.inspect.walk.TensorRaster;
import dev.deepwire.inspect.walk.WalkTensor;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The larger view of a wire's tensor: its heatmap, shape, min/max/mean, and the value under the pointer. */
final class TensorView {
    private static final double SIDE = 520;
    private final Stage stage = dev.deepwire.ui.controls.ProjectWindows.bind(new Stage());
    private final Label readout = new Label(" ");

    private TensorView(Window owner, WalkTensor t) {
        float[][] cells = TensorRaster.cells(t);
        int rows = Math.max(1, cells.length);
        int cols = Math.max(1, cells.length == 0 ? 1 : cells[0].length);
        // each cell drawn as a square of whole pixels here: an ImageView scaled up by the scene blurred the cells
        // together (its smooth = false is not honoured by every pipeline), a mosaic of channels into one smear
        int cell = (int) Math.max(1, Math.min(SIDE / cols, SIDE / rows));
        WritableImage img = new WritableImage(cols * cell, rows * cell);
        if (cells.length > 0 && cells[0].length > 0) {
            int[] argb = TensorRaster.argb(t);
            int[] line = new int[cols * cell];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    java.util.Arrays.fill(line, c * cell, (c + 1) * cell, argb[r * cols + c]);
                }
                for (int y = 0; y < cell; y++) {
                    img.getPixelWriter().setPixels(0, r * cell + y, cols * cell, 1, PixelFormat.getIntArgbInstance(), line, 0,
                            cols * cell);
                }
            }
        }
        ImageView view = new ImageView(img);
        view.setSmooth(false);
        view.setOnMouseMoved(e -> {
            int r = (int) Math.min(rows - 1, e.getY() / cell);
            int c = (int) Math.min(cols - 1, e.getX() / cell);
            String where = TensorRaster.where(t, r, c);
            readout.setText(where == null ? " " : where + " = " + Numbers.of(cells[r][c]));
        });
        Label stats = new Label(String.format(Locale.ROOT, "%s   shape %s   min %s   max %s   mean %s", t.shown(),
                t.shapeText(), Numbers.of(t.min()), Numbers.of(t.max()), Numbers.of(t.mean())));
        stats.setId("tensor-stats");
        readout.setId("tensor-readout");
        Label scale = new Label(t.isSequence() ? "rows: positions, columns: features · dark = min, yellow = max"
                : (t.layout().isEmpty() ? "" : t.layout() + " · ") + "dark = min, yellow = max");
        // the tokens by name, as the step's formulas and the inspector's axes name them: the ids alone had been shown
        Label tokens = new Label(t.tokens().isEmpty() ? "" : (t.isSequence() ? "positions: " : "tokens: ")
                + String.join(" ", t.tokens().subList(0, Math.min(64, t.tokens().size())))
                + (t.tokens().size() > 64 ? " …" : ""));
        tokens.setId("tensor-tokens");
        tokens.setWrapText(true);
        tokens.setMaxWidth(SIDE);
        tokens.managedProperty().bind(tokens.visibleProperty());
        tokens.setVisible(!t.tokens().isEmpty());
        VBox box = new VBox(8, stats, view, readout, tokens, scale);
        box.setPadding(new Insets(12));
        box.setId("tensor-view");
        stage.initOwner(owner);
        stage.setTitle(t.shown());
        stage.setScene(new Scene(box));
    }

    static TensorView open(Window owner, WalkTensor t) {
        TensorView v = new TensorView(owner, t);
        v.stage.show();
        return v;
    }

    Stage stage() {
        return stage;
    }
}
