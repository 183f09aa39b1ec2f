package dev.deepwire.ui.editor;

import dev.deepwire.model.Edge;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurve;
import javafx.scene.text.Text;

/** A wire drawn as a curve from an output port to an input port, labelled with its tensor shape. */
final class EdgeView extends Group {
    private final Edge edge;
    private final CubicCurve curve = new CubicCurve();
    private final Text label = new Text();

    EdgeView(Edge edge) {
        this.edge = edge;
        curve.getStyleClass().add("wire");
        label.getStyleClass().add("wire-label");
        label.setMouseTransparent(true);
        getChildren().addAll(curve, label);
    }

    Edge edge() {
        return edge;
    }

    CubicCurve curve() {
        return curve;
    }

    void route(double[] from, double[] to) {
        setPath(curve, from[0], from[1], to[0], to[1]);
        label.setX((from[0] + to[0]) / 2 - label.getLayoutBounds().getWidth() / 2);
        label.setY((from[1] + to[1]) / 2 - 7);
    }

    void setShape(String text) {
        label.setText(text);
    }

    String shapeText() {
        return label.getText();
    }

    static void setPath(CubicCurve c, double sx, double sy, double tx, double ty) {
        double dx = Math.max(50, Math.abs(tx - sx) / 2);
        c.setStartX(sx);
        c.setStartY(sy);
        c.setControlX1(sx + dx);
        c.setControlY1(sy);
        c.setControlX2(tx - dx);
        c.setControlY2(ty);
        c.setEndX(tx);
        c.setEndY(ty);
    }
}
