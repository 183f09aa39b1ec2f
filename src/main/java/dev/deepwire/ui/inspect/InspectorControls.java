package dev.deepwire.ui.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.AttentionFocus;
import dev.deepwire.inspect.AttentionRecorder;
import dev.deepwire.inspect.Heatmaps;
import dev.deepwire.inspect.TypedProbe;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.files.FileNames;
import dev.deepwire.ui.inspect.InspectorModel.HeadChoice;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The attention inspector's controls and their arrangement; what they do is {@link AttentionInspector}'s. */
final class InspectorControls {
    /** The widest the Block box is; a longer name is cut there with "…" (whole in its list). */
    static final double BLOCK_BOX_WIDTH = 360;
    final ComboBox<String> node = new ComboBox<>();
    final Spinner<Integer> example = new Spinner<>(0, AttentionSession.PROBE - 1, 0);
    final ComboBox<HeadChoice> head = new ComboBox<>();
    final CheckBox grid = new CheckBox("All heads");
    final TextField typed = new TextField();
    final Slider step = new Slider(0, 0, 0);
    final CheckBox live = new CheckBox("Follow training");
    final Label stepLabel = new Label();
    final Label status = new Label();
    final Label readout = new Label();
    final HeatmapView heatmap = new HeatmapView();
    final GridPane heads = new GridPane();
    final ImageOverlay overlay = new ImageOverlay();
    final Spinner<Integer> query = new Spinner<>(0, 63, 0);
    final BorderPane centre = new BorderPane();
    final VBox side = new VBox(6);
    final Label overlayTitle = new Label("Query over the image");
    final Label vocabulary = new Label();
    final Label focus = new Label();
    final Label exampleLabel = new Label("Example");
    /** The token Find clearest ranks by (the marker), labelled wherever it is however small the cells; or null. */
    private String landmark;
    /** Whether every probe is one example chosen in Evaluate and Prune (then there is no example to choose). */
    private boolean oneExample;

    /** Lays the controls out: choices on top, the map in the middle, the step and exports below. */
    BorderPane layout(Runnable findClearest, Consumer<Boolean> export, Runnable close) {
        node.setId("inspect-node");
        node.setMaxWidth(BLOCK_BOX_WIDTH); // a long block name is cut in the box: it had widened the window past the screen
        example.setId("inspect-example");
        // an example or query row typed as a number, as in every other window's spinners
        dev.deepwire.ui.controls.Spinners.wholeNumbers(example, 5);
        dev.deepwire.ui.controls.Spinners.wholeNumbers(query, 5);
        head.setId("inspect-head");
        grid.setId("inspect-grid");
        typed.setId("inspect-typed");
        typed.setPromptText("type text and press Enter");
        step.setId("inspect-step");
        live.setId("inspect-live");
        live.setSelected(true);
        heatmap.setId("inspect-heatmap");
        query.setId("inspect-query");
        status.setId("inspect-status");
        readout.setId("inspect-readout");
        readout.textProperty().bind(heatmap.readoutProperty());
        // A flow, so a narrow window (a projector's) wraps the choices onto a second line instead of cutting them.
        exampleLabel.setId("inspect-example-label");
        // "or" wraps with the text box it offers: at 1024 x 700 the row ended "All heads  or", the box on the next line
        HBox orTyped = new HBox(8, new Label("or"), typed);
        orTyped.setAlignment(Pos.CENTER_LEFT);
        // in a box of its own: a flow pane's least width is its widest child's preferred width, which for the Block box
        // is its longest name's, whatever its most width (80 emoji had pushed the Intervene column off the window)
        HBox nodeBox = new HBox(node);
        nodeBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane top = new FlowPane(8, 6, new Label("Block"), nodeBox, exampleLabel,
                example, new Label("Head"), head, grid, orTyped);
        top.setAlignment(Pos.CENTER_LEFT);
        typed.setPrefColumnCount(28);
        vocabulary.setId("inspect-vocab");
        vocabulary.getStyleClass().add("muted");
        vocabulary.setWrapText(true);
        Button clearest = new Button("Find clearest");
        clearest.setId("inspect-clearest");
        clearest.setTooltip(new Tooltip("Show the example and head whose query row attends most "
                + "sharply (largest weight, lowest entropy); the row is a token found once in every example, such as "
                + "a marker, when there is one"));
        clearest.setOnAction(e -> findClearest.run());
        focus.setId("inspect-focus");
        focus.setWrapText(true);
        HBox findRow = new HBox(8, clearest, focus);
        findRow.setAlignment(Pos.CENTER_LEFT);
        VBox north = new VBox(4, top, vocabulary, findRow);
        north.setPadding(new Insets(8));
        Button png = new Button("Export PNG…");
        png.setOnAction(e -> export.accept(true));
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> export.accept(false));
        HBox.setHgrow(step, Priority.ALWAYS);
        Button closeButton = new Button("Close");
        closeButton.setId("inspect-close");
        closeButton.setOnAction(e -> close.run());
        HBox bottom = new HBox(8, new Label("Step"), step, stepLabel, live, png, csv, closeButton);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox south = new VBox(4, bottom, readout, status);
        south.setPadding(new Insets(8));
        // the spinner says what it chooses: at 1024 x 700 a bare "0" stood under "Where 'number' looks in the image"
        Label queryLabel = new Label("Query row");
        queryLabel.setLabelFor(query);
        HBox queryRow = new HBox(6, queryLabel, query);
        queryRow.setAlignment(Pos.CENTER_LEFT);
        side.getChildren().setAll(overlayTitle, queryRow, overlay);
        side.setPadding(new Insets(8));
        centre.setCenter(heatmap);
        return new BorderPane(centre, north, null, south, null);
    }

    /** Every head's map of one example in a grid, each with its token labels. */
    void showHeads(AttentionRecorder.Snapshot snapshot, int example, List<String> rows,
                   List<String> cols) {
            heads.getChildren().clear();
            int across = (int) Math.ceil(Math.sqrt(snapshot.heads()));
            heads.getColumnConstraints().clear();
            heads.getRowConstraints().clear();
            for (int c = 0; c < across; c++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setPercentWidth(100.0 / across);
                heads.getColumnConstraints().add(cc);
            }
            int rowsOfHeads = (snapshot.heads() + across - 1) / across;
            for (int r = 0; r < rowsOfHeads; r++) {
                RowConstraints rc = new RowConstraints();
                rc.setPercentHeight(100.0 / rowsOfHeads);
                heads.getRowConstraints().add(rc);
            }
            for (int h = 0; h < snapshot.heads(); h++) {
                HeatmapView v = new HeatmapView();
                v.compact(); // narrower margins, so each small map keeps room for its token labels
                v.setMinSize(120, 120);
                v.setPrefSize(360, 300);
                v.keepLabel(landmark);
                v.show(snapshot.map(example, h), rows, cols, "head " + h);
                openOnClick(v, h);
                heads.add(v, h % across, h / across);
            }
        centre.setCenter(heads);
    }

    /**
     * A click on a map of the grid opens that head on its own, large enough to label every token (the grid's maps
     * have cells of a few pixels at 1024 × 700); "All heads" brings the grid back.
     */
    private void openOnClick(HeatmapView map, int h) {
        map.setCursor(Cursor.HAND);
        Tooltip.install(map, new Tooltip("Click to open head " + h + " on its own (tick All heads to come back)"));
        map.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                grid.setSelected(false);
                head.setValue(new HeadChoice(h));
            }
        });
    }

    /** Shows where {@code s} attends most sharply (its landmark row's clearest example and head) and says so. */
    void showClearest(AttentionRecorder.Snapshot s, Dataset probe, int queryInput) {
        if (s == null || probe == null) {
            focus.setText("Nothing captured yet.");
            return;
        }
        var found = AttentionFocus.clearest(s, probe, queryInput);
        focus.setText(InspectorModel.focusText(found, s, oneExample ? 1 : s.weights().length));
        landmark = found.map(AttentionFocus.Found::token).orElse(null);
        heatmap.keepLabel(landmark);
        found.ifPresent(f -> {
            grid.setSelected(false);
            example.getValueFactory().setValue(f.spot().example());
            head.setValue(new HeadChoice(f.spot().head()));
        });
    }

    /**
     * Names the example chosen in Evaluate and Prune in place of the Example box: every probe repeats it, so the box
     * had offered 0 to 7 (all the same map) and said 0 beside a map headed "validation example 999".
     */
    void chosenExample(java.util.OptionalInt chosen) {
        oneExample = chosen.isPresent();
        exampleLabel.setText(chosen.isPresent() ? "Validation example " + chosen.getAsInt() + " (chosen in Evaluate)" : "Example");
        example.setVisible(!oneExample);
        example.setManaged(!oneExample);
    }

    /**
     * Offers the blocks {@code now} (a new run's network), keeping the chosen one if it is still there; returns
     * whether the list changed.
     */
    boolean offerNodes(List<String> now) {
        if (node.getItems().equals(now)) {
            return false;
        }
        String chosen = node.getValue();
        node.getItems().setAll(now);
        node.setValue(chosen != null && now.contains(chosen) ? chosen : now.isEmpty() ? null : now.get(0));
        return true;
    }

    /** The query spinner (image overlays) offers rows 0 … count − 1. */
    void setQueries(int count) {
        dev.deepwire.ui.controls.Spinners.range(query, Math.max(0, count - 1));
    }

    /** Says which tokens the model knows, and which typed ones it does not (and what they became). */
    void vocabularyHint(Dataset probe, int qi, TypedProbe typedNow) {
        List<String> known = TypedProbe.typable(probe, qi);
        vocabulary.setText(InspectorModel.vocabularyText(known, typedNow));
        vocabulary.setTooltip(new Tooltip(String.join(" ", known)));
    }

    /**
     * Writes maps, each under its title: labelled PNGs side by side (as the all-heads grid lays them out) or the exact
     * weights as CSV, one table after another.
     */
    static void write(Path file, boolean asPng, List<float[][]> maps, List<String> rows, List<String> cols,
                      List<String> titles) throws IOException {
        byte[] bytes;
        if (asPng) {
            List<java.awt.image.BufferedImage> images = new java.util.ArrayList<>();
            for (int i = 0; i < maps.size(); i++) {
                images.add(Heatmaps.image(maps.get(i), rows, cols, titles.get(i)));
            }
            bytes = Heatmaps.png(Heatmaps.tiled(images, (int) Math.ceil(Math.sqrt(images.size()))));
        } else {
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < maps.size(); i++) {
                if (maps.size() > 1) {
                    csv.append(i > 0 ? "\n" : "").append(dev.deepwire.io.CsvText.cell(titles.get(i))).append('\n');
                }
                csv.append(Heatmaps.csv(maps.get(i), rows, cols));
            }
            bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        }
        AtomicFiles.write(file, bytes);
    }

    /** Something that writes a file and may fail. */
    interface FileWriter {
        void write(Path file) throws IOException;
    }

    /**
     * The window the export dialog belongs to: the map area's, which is on show whichever map it holds (the single
     * map's, asked for while the all-heads grid was on show, had no scene: Export PNG/CSV… did nothing there but throw).
     */
    Window exportOwner() {
        return centre.getScene().getWindow();
    }

    /** The dialog that asks where to export: beside the project once it is saved. */
    static FileChooser exportChooser(String nodeId, boolean asPng, Path projectFile) {
        return dev.deepwire.ui.controls.FileDialogs.saving(asPng ? "Export heatmap as PNG" : "Export weights as CSV",
                nodeId + "-attention." + (asPng ? "png" : "csv"), projectFile);
    }

    /** Asks where to export the map on show and writes it there, saying what happened in the status line. */
    void export(String nodeId, boolean asPng, Path projectFile, FileWriter writer) {
        File chosen = dev.deepwire.ui.controls.FocusReturn.save(exportChooser(nodeId, asPng, projectFile), exportOwner());
        File f = chosen == null ? null
                : FileNames.withExtension(chosen.toPath(), asPng ? "png" : "csv").toFile();
        if (f != null) {
            try {
                writer.write(f.toPath());
                status.setText("Wrote " + f);
            } catch (IOException ex) {
                status.setText("Cannot write " + f + ": " + ex.getMessage());
            }
        }
    }

    /**
     * The inspector's own window: at most 1100 × 760 and never larger than the screen, the owner's theme, Esc
     * closes it; {@code onHidden} runs when it closes.
     */
    static Stage window(Window owner, BorderPane root, Runnable onHidden) {
        Stage stage = dev.deepwire.ui.controls.ProjectWindows.bind(new Stage());
        stage.setTitle("Attention inspector");
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = dev.deepwire.ui.controls.WindowSizes.scene(root, 1100, 760);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.setOnHidden(e -> onHidden.run());
        return stage;
    }

    /** The head choices for a block with this many heads (keeping the choice when it still applies). */
    void setHeads(int count) {
        List<HeadChoice> choices = HeadChoice.all(count);
        if (!head.getItems().equals(choices)) {
            HeadChoice was = head.getValue();
            head.getItems().setAll(choices);
            head.setValue(choices.contains(was) ? was : HeadChoice.MEAN);
        }
    }

    /** The chosen query's weights drawn over the image its keys are rows of. */
    void showOverlay(float[][] pixels, List<String> rows, float[][] map) {
        int q = Math.min(query.getValue(), rows.size() - 1);
        overlayTitle.setText("Where '" + rows.get(q) + "' looks in the image");
        overlay.show(pixels, map[q]);
    }

    /** The Block box names blocks as the canvas does ("Self-attention"), by id ("attn") only where one has no name. */
    void namesFrom(java.util.function.Function<String, String> label) {
        node.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String id) {
                String name = id == null ? null : label.apply(id);
                return id == null ? "" : name == null || name.isBlank() ? id : dev.deepwire.limits.ShownName.of(name);
            }

            @Override
            public String fromString(String name) {
                return name;
            }
        });
    }
}
