package dev.deepwire.ui.projector;

import dev.deepwire.inspect.LearnedTable;
import dev.deepwire.inspect.NearestRows;
import dev.deepwire.inspect.Projection;
import dev.deepwire.inspect.RowColumn;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The embedding projector: a table of the run (entities, relations, tokens, positions) drawn in 2-D by PCA or
 * t-SNE on a canvas, coloured by a column with a legend; hovering names a point, the search field finds rows by
 * label, clicking lists the nearest rows by cosine; a step slider replays the captures taken while training and
 * follows new ones. A thin view over {@link ProjectorModel}; projections are computed off the UI thread.
 */
public final class ProjectorWindow {
    private final ProjectorSession session;
    private final Executor background;
    final ProjectorModel model = new ProjectorModel();
    final ComboBox<String> table = new ComboBox<>();
    final ComboBox<Projection.Method> method = new ComboBox<>();
    final ComboBox<String> colour = new ComboBox<>();
    final TextField search = new TextField();
    final Canvas canvas = new Canvas(600, 500);
    final Label hover = new Label();
    final Label note = new Label();
    final ListView<String> neighbours = new ListView<>();
    final VBox legend = new VBox(4);
    final Slider step = new Slider(0, 0, 0);
    final Label stepLabel = new Label();
    private final ListChangeListener<LearnedTable> onCaptures = c -> capturesChanged();
    private boolean projecting;
    private boolean adjusting;
    private Stage stage;

    private ProjectorWindow(ProjectorSession session, Executor background) {
        this.session = session;
        this.background = background;
    }

    /** Opens the projector (or brings the open one forward) on a block's table, or the first table. */
    public static ProjectorWindow open(Window owner, ProjectorSession session, Executor background, String nodeId) {
        ProjectorWindow open = session.window;
        if (open != null && open.stage.isShowing()) {
            open.choose(nodeId);
            open.stage.toFront();
            return open;
        }
        ProjectorWindow w = new ProjectorWindow(session, background);
        w.stage = window(owner, w.layout());
        w.stage.setOnHidden(e -> w.detach());
        session.window = w;
        w.choose(nodeId);
        w.stage.show();
        return w;
    }

    public Stage stage() {
        return stage;
    }

    private void choose(String nodeId) {
        table.getItems().setAll(session.nodes());
        String chosen = session.nodes().stream().filter(k -> k.equals(nodeId) || k.startsWith(nodeId + ":")).findFirst()
                .orElse(session.nodes().isEmpty() ? null : session.nodes().get(0));
        table.setValue(chosen);
        tableChanged();
    }

    private BorderPane layout() {
        table.setId("projector-table");
        method.setId("projector-method");
        colour.setId("projector-colour");
        search.setId("projector-search");
        canvas.setId("projector-canvas");
        hover.setId("projector-hover");
        note.setId("projector-note");
        neighbours.setId("projector-neighbours");
        legend.setId("projector-legend");
        step.setId("projector-step");
        // Tables and colour columns by the blocks' names on the canvas, not their ids ("token_embedding_1").
        model.setNames(session::nameOf);
        table.setConverter(names());
        colour.setConverter(new StringConverter<>() {
            @Override
            public String toString(String key) {
                // a column the data explains (an entity's relation) is called by its own name: "relation" read as
                // the relation input block's name, "Relation (12 + 12 reciprocal)"
                boolean own = model.shown() != null && model.shown().column(key).map(c -> c.meaning() != null
                        && !c.meaning().isEmpty()).orElse(false);
                return own ? key : session.nameOf(key);
            }

            @Override
            public String fromString(String name) {
                return name;
            }
        });
        method.getItems().setAll(Projection.Method.values());
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(Projection.Method m) {
                return m == null ? "" : m == Projection.Method.TSNE ? "t-SNE" : "PCA";
            }

            @Override
            public Projection.Method fromString(String s) {
                return "t-SNE".equals(s) ? Projection.Method.TSNE : Projection.Method.PCA;
            }
        });
        method.setValue(Projection.Method.PCA);
        search.setPromptText("Find a label");
        table.valueProperty().addListener((o, a, b) -> tableChanged());
        method.valueProperty().addListener((o, a, b) -> {
            model.setMethod(b);
            reproject();
        });
        colour.valueProperty().addListener((o, a, b) -> {
            if (!adjusting) {
                model.setColourBy(b);
                redraw();
            }
        });
        search.textProperty().addListener((o, a, b) -> {
            showSearch();
            redraw();
        });
        step.valueProperty().addListener((o, a, b) -> {
            if (!adjusting) {
                model.showCapture((int) Math.round(b.doubleValue()));
                reproject();
            }
        });
        Pane plot = new Pane(canvas);
        plot.setMinSize(200, 200);
        canvas.widthProperty().bind(plot.widthProperty());
        canvas.heightProperty().bind(plot.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> relayout());
        canvas.heightProperty().addListener((o, a, b) -> relayout());
        canvas.setOnMouseMoved(e -> {
            int row = model.rowAt(e.getX(), e.getY());
            if (row != model.hovered()) {
                model.hover(row);
                hover.setText(row < 0 ? "" : model.describe(row));
                redraw();
            }
        });
        canvas.setOnMouseClicked(e -> {
            model.select(model.rowAt(e.getX(), e.getY()));
            showNeighbours();
            redraw();
        });
        HBox top = new HBox(8, new Label("Table"), table, new Label("Method"), method, new Label("Colour by"), colour,
                search);
        top.setPadding(new Insets(8));
        HBox.setHgrow(search, Priority.ALWAYS);
        neighbours.setPrefWidth(260);
        VBox side = new VBox(8, new Label("Colours"), legend, new Label("Nearest by cosine"), neighbours);
        VBox.setVgrow(neighbours, Priority.ALWAYS);
        side.setPadding(new Insets(8));
        HBox.setHgrow(step, Priority.ALWAYS);
        javafx.scene.control.Button close = new javafx.scene.control.Button("Close"); // as the other windows have (Esc too)
        close.setId("projector-close");
        close.setOnAction(e -> close.getScene().getWindow().hide());
        VBox bottom = new VBox(4, new HBox(8, new Label("Step"), step, stepLabel, close), hover, note);
        bottom.setPadding(new Insets(8));
        BorderPane root = new BorderPane(plot, top, side, bottom, null);
        session.captures().addListener(onCaptures);
        return root;
    }

    private StringConverter<String> names() {
        return new StringConverter<>() {
            @Override
            public String toString(String key) {
                return session.nameOf(key);
            }

            @Override
            public String fromString(String name) {
                return name;
            }
        };
    }

    private void tableChanged() {
        model.select(-1);
        model.hover(-1);
        model.setHistory(List.of());
        capturesChanged();
    }

    private void capturesChanged() {
        String node = table.getValue();
        if (node == null && !session.nodes().isEmpty()) {
            table.getItems().setAll(session.nodes());
            table.setValue(session.nodes().get(0)); // a run started with the window open
            return;
        }
        if (!table.getItems().equals(session.nodes())) {
            table.getItems().setAll(session.nodes());
        }
        model.setHistory(node == null ? List.of() : session.of(node));
        if (model.searchStale()) {
            showSearch(); // another table's rows: the search, the hover line and the selection are of this one
        }
        adjusting = true;
        step.setMax(Math.max(0, model.captureCount() - 1));
        step.setValue(Math.max(0, model.captureIndex()));
        step.setDisable(model.captureCount() < 2);
        LearnedTable shown = model.shown();
        List<String> columns = shown == null ? List.of() : shown.columns().stream().map(RowColumn::name).toList();
        if (!colour.getItems().equals(columns)) {
            colour.getItems().setAll(columns);
        }
        colour.setValue(model.colourBy());
        adjusting = false;
        reproject();
    }

    /** Projects the shown capture off the UI thread; a capture arriving meanwhile is projected when it is done. */
    private void reproject() {
        LearnedTable shown = model.shown();
        stepLabel.setText(shown == null || shown.step() < 0 ? "" : String.format(Locale.ROOT, "%,d", shown.step()));
        if (shown == null || !model.stale()) {
            redraw();
            return;
        }
        note.setText(model.note());
        if (projecting) {
            return;
        }
        projecting = true;
        Projection.Method how = model.method();
        CompletableFuture.supplyAsync(() -> Projection.of(shown.rows(), how), background).whenComplete((p, error) ->
                Platform.runLater(() -> {
                    projecting = false;
                    if (error != null) {
                        note.setText("Cannot project " + session.nameOf(shown.nodeId()) + ": " + error.getCause().getMessage());
                        return;
                    }
                    model.setProjection(shown, p);
                    showNeighbours();
                    if (model.stale()) {
                        reproject();
                    } else {
                        redraw();
                    }
                }));
    }

    /**
     * Runs the search field's text on the shown table and says what it found. Also when another table is chosen: the
     * line had gone on saying "1 found; first: dog.02084071 · relation hypernym" over the relations table.
     */
    private void showSearch() {
        String b = search.getText() == null ? "" : search.getText();
        List<Integer> found = model.search(b);
        showNeighbours();
        hover.setText(b.isBlank() || model.shown() == null ? ""
                : found.isEmpty() ? model.notFound(b)
                : found.size() + " found; first: " + model.describe(found.get(0))
                + (model.projection() != null && model.positionOf(found.get(0)) == null
                ? " (not drawn: this picture shows every k-th row; its neighbours are listed)" : ""));
    }

    private void relayout() {
        model.layout(canvas.getWidth(), canvas.getHeight());
        redraw();
    }

    private void showNeighbours() {
        neighbours.getItems().setAll(model.neighbours().stream().map(ProjectorWindow::line).toList());
    }

    private static String line(NearestRows.Neighbour n) {
        return String.format(Locale.ROOT, "%.3f  %s", n.similarity(), n.label());
    }

    private void redraw() {
        note.setText(model.note());
        if (model.layoutWidth() != canvas.getWidth() || model.layoutHeight() != canvas.getHeight()) {
            model.layout(canvas.getWidth(), canvas.getHeight());
        }
        ProjectorPainter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), model);
        showLegend(model.colourColumn());
    }

    private void showLegend(RowColumn column) {
        legend.getChildren().clear();
        if (column == null) {
            return;
        }
        if (column.isNumeric()) {
            legend.getChildren().add(new Label(column.name() + ": dark (low) to yellow (high)"));
            return;
        }
        List<String> names = column.legend();
        for (int i = 0; i <= names.size(); i++) {
            Circle dot = new Circle(5, ProjectorPainter.fx(RowColumn.colourOf(i < names.size() ? i : -1)));
            legend.getChildren().add(new HBox(6, dot, new Label(i < names.size() ? names.get(i) : RowColumn.OTHER)));
        }
        if (column.meaning() != null && !column.meaning().isEmpty()) {
            Label meaning = new Label(column.meaning());
            meaning.setId("projector-legend-meaning");
            meaning.setWrapText(true);
            meaning.setPrefWidth(0); // as wide as the legend is, not as the sentence asks: the plot keeps its room
            meaning.setMaxWidth(Double.MAX_VALUE);
            meaning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all its lines, not one cut with '…'
            meaning.getStyleClass().add("muted");
            legend.getChildren().add(meaning);
        }
    }

    private void detach() {
        session.captures().removeListener(onCaptures);
        if (session.window == this) {
            session.window = null;
        }
    }

    private static Stage window(Window owner, BorderPane root) {
        Stage stage = dev.deepwire.ui.controls.ProjectWindows.bind(new Stage());
        stage.setTitle("Embedding projector");
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
        return stage;
    }
}
