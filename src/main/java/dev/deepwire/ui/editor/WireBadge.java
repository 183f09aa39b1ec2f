package dev.deepwire.ui.editor;

import dev.deepwire.inspect.walk.Numbers;
import dev.deepwire.inspect.walk.TensorRaster;
import dev.deepwire.inspect.walk.WalkTensor;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A wire's tensor on the canvas in step mode: a small heatmap (positions × features, an image, or a vector as one
 * row); hovering names the value under the pointer, a click opens the larger view. On the way back it is a label
 * with the wire's gradient norm.
 */
final class WireBadge extends VBox {
    static final double WIDTH = 64;
    static final double HEIGHT = 36;
    private final WalkTensor tensor;
    private final String text;

    private WireBadge(WalkTensor tensor, String text) {
        this.tensor = tensor;
        this.text = text;
        getStyleClass().add("wire-badge");
        setPadding(new Insets(2));
        setStyle("-fx-background-color: rgba(27,29,34,0.92); -fx-background-radius: 4; -fx-border-color: #fde725;"
                + " -fx-border-radius: 4; -fx-border-width: 0.5;");
    }

    static WireBadge tensor(WalkTensor t, Consumer<WalkTensor> open) {
        WireBadge b = new WireBadge(t, t.shapeText());
        ImageView image = new ImageView(image(t));
        image.setSmooth(false);
        image.setFitWidth(WIDTH);
        image.setFitHeight(HEIGHT);
        image.setPreserveRatio(false);
        Tooltip tip = new Tooltip(summary(t));
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(image, tip);
        float[][] cells = TensorRaster.cells(t);
        image.setOnMouseMoved(e -> {
            int row = (int) Math.min(cells.length - 1, e.getY() / HEIGHT * cells.length);
            int col = (int) Math.min(cells[0].length - 1, e.getX() / WIDTH * cells[0].length);
            String where = TensorRaster.where(t, row, col);
            tip.setText(summary(t) + (where == null ? "" : "\n" + where + " = " + Numbers.of(cells[row][col])));
        });
        image.setOnMouseClicked(e -> {
            open.accept(t);
            e.consume();
        });
        image.setOnMousePressed(javafx.event.Event::consume); // not a rubber band on the canvas below
        Label shape = new Label(t.shapeText());
        shape.setStyle("-fx-text-fill: #d7dae0; -fx-font-size: 9px;");
        b.getChildren().addAll(image, shape);
        return b;
    }

    static WireBadge gradient(double norm) {
        String text = StepOverlay.gradientText(norm);
        WireBadge b = new WireBadge(null, text);
        Label l = new Label(text);
        l.setStyle("-fx-text-fill: #fde725; -fx-font-size: 11px;");
        b.getChildren().add(l);
        return b;
    }

    /** The tensor's picture, one pixel per cell (the view scales it up without smoothing). */
    static WritableImage image(WalkTensor t) {
        float[][] cells = TensorRaster.cells(t);
        int rows = Math.max(1, cells.length);
        int cols = cells.length == 0 ? 1 : Math.max(1, cells[0].length);
        WritableImage img = new WritableImage(cols, rows);
        if (cells.length > 0 && cells[0].length > 0) {
            img.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), TensorRaster.argb(t), 0, cols);
        }
        return img;
    }

    static String summary(WalkTensor t) {
        return String.format(Locale.ROOT, "%s  (%s)\nmin %s  max %s  mean %s", t.shown(), t.shapeText(), Numbers.of(t.min()),
                Numbers.of(t.max()), Numbers.of(t.mean()));
    }



    WalkTensor tensor() {
        return tensor;
    }

    String text() {
        return text;
    }
}
