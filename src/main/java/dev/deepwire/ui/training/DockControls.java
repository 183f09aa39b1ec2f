package dev.deepwire.ui.training;

import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.io.files.FileNames;
import dev.deepwire.limits.MessageText;
import dev.deepwire.model.Decimals;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The training dock's small controls: fixed-height result lines, labels, setting fields and buttons; CSV export. */
final class DockControls {
    private DockControls() {
    }

    /**
     * A result line keeps the height of {@code n} wrapped lines whatever it says, so the dock never moves when a run
     * starts or ends (a Stop click lands on Stop); the whole text is on its tooltip. Its height and width are in the
     * window's text size (workbench.css, .dock-line and .dock-lines-N): set in pixels, a line of 16-px text (presenting)
     * had one line's room of two.
     */
    static void lines(Label l, int n) {
        l.setWrapText(true);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        l.getStyleClass().addAll("dock-line", "dock-lines-" + n);
        l.setAlignment(Pos.TOP_LEFT);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(l.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        l.textProperty().addListener((o, a, b) -> l.setTooltip(b == null || b.isEmpty() ? null : tip));
    }

    static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The width of a choice box's longest item in the default font: "rm…" and "acc…" were all a dock showed. */
    static double widestItem(javafx.scene.control.ComboBox<String> box) {
        double widest = 0;
        for (String item : box.getItems()) {
            widest = Math.max(widest, dev.deepwire.ui.controls.TextWidth.of(item, javafx.scene.text.Font.getDefault()));
        }
        return Math.ceil(widest);
    }

    static TextField field(String id) {
        TextField f = new TextField();
        f.setId("train-" + id);
        f.setPrefColumnCount(6);
        return f;
    }

    static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The dialog that asks where to save the curves: beside the project once it is saved. */
    static FileChooser csvChooser(Path projectFile) {
        return dev.deepwire.ui.controls.FileDialogs.saving("Export the curves as CSV", "metrics.csv", projectFile);
    }

    /** Asks where to save the curves and writes {@code csv} there; {@code problem} is told when it cannot. */
    static void exportCsv(Window owner, String csv, Path projectFile, Consumer<String> problem) {
        File chosen = dev.deepwire.ui.controls.FocusReturn.save(csvChooser(projectFile), owner);
        File f = chosen == null ? null : FileNames.withExtension(chosen.toPath(), "csv").toFile();
        if (f != null) {
            try {
                AtomicFiles.write(f.toPath(), csv.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                problem.accept(e instanceof WriteFailure w ? w.getMessage() : "Cannot write " + f + ": " + e.getMessage());
            }
        }
    }

    /** A settings row's height with its gap: one wheel notch moves the settings this far. */
    static final double ROW = 30;

    /**
     * The short settings area scrolls a row per wheel notch: JavaFX's own step moved it further than a row at
     * 1024 × 700, so a wheel meant for Validation split went past it.
     */
    static void scrollOneRow(ScrollPane scroll, Region content, ScrollEvent e) {
        double hidden = content.getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden <= 0 || e.getDeltaY() == 0) {
            return;
        }
        double step = ROW / hidden;
        scroll.setVvalue(Math.max(0, Math.min(1, scroll.getVvalue() - Math.signum(e.getDeltaY()) * step)));
        e.consume();
    }

    /** A field's whole number; refused naming the field ("Seed must be a whole number; got 'forty two'"). */
    static long whole(TextField f, String label) {
        String t = f.getText().strip();
        try {
            long v = Long.parseLong(t);
            if (label.equals("Seed") || (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw refused(f, label + " must be a whole number; got '" + MessageText.shorten(t) + "'");
    }

    /** Outlines the field whose text is refused (as a refused setting is) and says why. */
    private static NumberFormatException refused(TextField f, String message) {
        if (!f.getStyleClass().contains("invalid")) {
            f.getStyleClass().add("invalid");
        }
        return new NumberFormatException(message);
    }

    /** A field's number, as a person writes one ({@link Decimals}: not 0x1p-3 or 1f); refused naming the field. */
    static double number(TextField f, String label) {
        try {
            return Decimals.parse(f.getText());
        } catch (NumberFormatException e) {
            throw refused(f, label + " must be a number; got '" + MessageText.shorten(f.getText().strip()) + "'");
        }
    }
}
