package dev.deepwire.ui.controls;

import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;

/**
 * A file's path in a question: on a line of its own, never wrapped — a path wrapped with the sentence around it broke
 * mid-name, with ")" alone on the next line — shortened in the middle (its folder's start and its file name kept) only
 * where it is wider than the screen allows, and whole in its tooltip.
 */
public final class PathLabels {
    /** The widest a path's line may be, as a share of the screen's width. */
    static final double SCREEN_SHARE = 0.7;

    private PathLabels() {
    }

    /** The path on one line (id {@code path-label}). */
    public static Label of(Path path) {
        Label label = new Label(path.toString());
        label.setId("path-label");
        label.setWrapText(false);
        label.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        label.setTooltip(new Tooltip(path.toString()));
        label.setMinWidth(0);
        label.setMaxWidth(widest());
        return label;
    }

    /** The widest a line of the question may be: a share of the screen, at least 300 px. */
    private static double widest() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return Math.max(300, screen.getWidth() * SCREEN_SHARE);
    }

    /**
     * Sets {@code alert}'s content to {@code before}, then {@code path} on its own line, then {@code after} (either
     * text may be empty; the sentences wrap, the path does not).
     */
    public static Alert content(Alert alert, String before, Path path, String after) {
        VBox box = new VBox(8);
        for (String text : new String[] {before, null, after}) {
            if (text == null) {
                box.getChildren().add(of(path));
            } else if (!text.isBlank()) {
                Label l = new Label(text);
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                l.setMaxWidth(widest()); // as wide as the path's line: "saved as" had wrapped alone beside it
                box.getChildren().add(l);
            }
        }
        alert.getDialogPane().setContent(box);
        return alert;
    }
}
