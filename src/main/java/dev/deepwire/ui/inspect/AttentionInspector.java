package dev.deepwire.ui.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.data.TextClassDataset;
import dev.deepwire.inspect.AttentionProbe;
import dev.deepwire.inspect.AxisLabels;
import dev.deepwire.inspect.AttentionRecorder.Snapshot;
import dev.deepwire.inspect.Heatmaps;
import dev.deepwire.ui.training.TrainingViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The attention inspector: a block's query × key weights for a probe example (or text the user types),
 * one head, the mean or the maximum over heads, or every head in a grid; a step slider replays the maps
 * captured while training (the loss chart marks the same step); exports PNG and CSV. For cross-attention
 * over image rows, the chosen query's weights are also drawn over the image.
 */
public final class AttentionInspector {
    private final AttentionSession session;
    private final TrainingViewModel training;
    private final Executor background;
    private final LongConsumer markStep;
    private final ComboBox<String> node = new ComboBox<>();
    private final Spinner<Integer> example = new Spinner<>(0, AttentionSession.PROBE - 1, 0);
    private final ComboBox<String> head = new ComboBox<>();
    private final CheckBox grid = new CheckBox("All heads");
    private final TextField typed = new TextField();
    private final Slider step = new Slider(0, 0, 0);
    private final CheckBox live = new CheckBox("Follow training");
    private final Label stepLabel = new Label();
    private final Label status = new Label();
    private final Label readout = new Label();
    private final HeatmapView heatmap = new HeatmapView();
    private final GridPane heads = new GridPane();
    private final ImageOverlay overlay = new ImageOverlay();
    private final Spinner<Integer> query = new Spinner<>(0, 63, 0);
    private final BorderPane centre = new BorderPane();
    private final VBox side = new VBox(6);
    private final Label overlayTitle = new Label("Query over the image");
    private Snapshot typedSnapshot;
    private Dataset typedData;
    private Snapshot shown;
    private Dataset shownData;
    private List<String> rowLabels = List.of();
    private List<String> colLabels = List.of();
    /** Set while the view moves the step slider itself (following a run), so the move is not taken as the user's. */
    private boolean following;
    /** A live redraw waiting for its turn: while a run is going, maps are redrawn at most every LIVE_MS. */
    private final PauseTransition liveRedraw = new PauseTransition();
    private long lastLiveRedraw;
    private static final long LIVE_MS = 400;
    /** Told of new captures and of the run's phase while the window is open (removed when it closes). */
    private final ListChangeListener<Snapshot> onCaptures = c -> {
        if (offerSessionNodes()) {
            return; // choosing the block refreshed the view
        }
        if (live.isSelected() && concernsShownBlock(c)) {
            requestLiveRefresh();
        }
    };
    private final ChangeListener<TrainingViewModel.Phase> onPhase = (o, was, now) -> {
        if (!now.busy() && liveRedraw.getStatus() == Animation.Status.RUNNING) {
            liveRedraw.stop(); // the run ended: its last capture shows at once
            liveRefreshNow();
        }
    };

    private AttentionInspector(AttentionSession session, TrainingViewModel training, Executor background, LongConsumer markStep) {
        this.session = session;
        this.training = training;
        this.background = background;
        this.markStep = markStep;
    }

    private Stage stage;

    public Stage stage() {
        return stage;
    }

    /** Opens the inspector on a block (or the first attention block when {@code nodeId} is not one). */
    public static AttentionInspector open(Window owner, AttentionSession session, TrainingViewModel training, Executor background,
                             LongConsumer markStep, String nodeId) {
        AttentionInspector in = new AttentionInspector(session, training, background, markStep);
        Stage stage = new Stage();
        stage.setTitle("Attention inspector");
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(in.layout(nodeId), 1100, 760);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            markStep.accept(-1);
            in.detach();
        });
        stage.show();
        in.stage = stage;
        return in;
    }

    private BorderPane layout(String nodeId) {
        node.setId("inspect-node");
        node.getItems().setAll(session.nodes());
        node.setValue(nodeId != null && session.nodes().contains(nodeId) ? nodeId
                : session.nodes().isEmpty() ? null : session.nodes().get(0)); // List.of() refuses contains(null)
        example.setId("inspect-example");
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
        HBox top = new HBox(8, new Label("Block"), node, new Label("Example"), example, new Label("Head"), head, grid,
                new Label("or"), typed);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));
        HBox.setHgrow(typed, Priority.ALWAYS);
        Button png = new Button("Export PNG…");
        png.setOnAction(e -> export(true));
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> export(false));
        HBox.setHgrow(step, Priority.ALWAYS);
        HBox bottom = new HBox(8, new Label("Step"), step, stepLabel, live, png, csv);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox south = new VBox(4, bottom, readout, status);
        south.setPadding(new Insets(8));
        side.getChildren().setAll(overlayTitle, query, overlay);
        side.setPadding(new Insets(8));
        centre.setCenter(heatmap);
        BorderPane root = new BorderPane(centre, top, null, south, null);
        node.valueProperty().addListener((o, a, b) -> {
            typedSnapshot = null;
            refresh();
        });
        example.valueProperty().addListener((o, a, b) -> {
            typedSnapshot = null;
            refresh();
        });
        head.valueProperty().addListener((o, a, b) -> draw());
        grid.selectedProperty().addListener((o, a, b) -> draw());
        query.valueProperty().addListener((o, a, b) -> draw());
        step.valueProperty().addListener((o, a, b) -> {
            if (following) {
                return; // the view itself moved to the newest capture and draws it
            }
            if (live.isSelected() && Math.round(b.doubleValue()) != captured().size() - 1) {
                live.setSelected(false); // the user went back in time: stop following the run
            }
            refresh();
        });
        live.selectedProperty().addListener((o, a, b) -> refresh());
        typed.setOnAction(e -> showTyped(typed.getText()));
        session.snapshots().addListener(onCaptures);
        training.phaseProperty().addListener(onPhase);
        liveRedraw.setOnFinished(e -> liveRefreshNow());
        refresh();
        return root;
    }

    /** A closed inspector stops following the session (it had gone on drawing every capture into its hidden window). */
    private void detach() {
        session.snapshots().removeListener(onCaptures);
        training.phaseProperty().removeListener(onPhase);
        liveRedraw.stop();
    }

    /**
     * Opened before a run (or on another network), the block list is brought up to date when the session's
     * blocks change, keeping the chosen block if the new network has it. Returns whether it did (and redrew).
     */
    private boolean offerSessionNodes() {
        List<String> now = session.nodes();
        if (node.getItems().equals(now)) {
            return false;
        }
        String chosen = node.getValue();
        node.getItems().setAll(now);
        node.setValue(chosen != null && now.contains(chosen) ? chosen : now.isEmpty() ? null : now.get(0));
        refresh();
        return true;
    }

    /**
     * A new capture of the block on show while following: drawn at once when the last live redraw is older than
     * {@link #LIVE_MS} (or no run is going), else once that time is up, showing the newest capture by then. Captures
     * come every 20 steps — several a second on a small model — and each redraw (map, labels, slider ticks) and the
     * compiling of its code competed with the training thread for the CPU.
     */
    private void requestLiveRefresh() {
        if (!training.phaseProperty().get().busy()) {
            refresh();
            return;
        }
        if (liveRedraw.getStatus() == Animation.Status.RUNNING) {
            return; // already due: it will show the newest capture
        }
        long waitMs = LIVE_MS - (System.nanoTime() - lastLiveRedraw) / 1_000_000;
        if (waitMs <= 0) {
            liveRefreshNow();
        } else {
            liveRedraw.setDuration(Duration.millis(waitMs));
            liveRedraw.playFromStart();
        }
    }

    private void liveRefreshNow() {
        lastLiveRedraw = System.nanoTime();
        if (live.isSelected()) {
            refresh();
        }
    }

    /** Whether a change of the captures touches the block on show (a capture of another block needs no redraw). */
    private boolean concernsShownBlock(ListChangeListener.Change<? extends Snapshot> c) {
        while (c.next()) {
            if (c.wasRemoved() || c.getAddedSubList().stream().anyMatch(s -> s.nodeId().equals(node.getValue()))) {
                return true;
            }
        }
        return false;
    }

    private List<Snapshot> captured() {
        List<Snapshot> out = new ArrayList<>();
        for (Snapshot s : session.snapshots()) {
            if (s.nodeId().equals(node.getValue())) {
                out.add(s);
            }
        }
        return out;
    }

    /** Picks the snapshot to show (the slider's, the newest when following, or one computed now) and draws it. */
    private void refresh() {
        if (node.getValue() == null) {
            status.setText("This network has no attention block yet, or it has not been trained: press Train first.");
            return;
        }
        if (typedSnapshot != null && typedSnapshot.nodeId().equals(node.getValue())) {
            show(typedSnapshot, typedData, 0);
            return;
        }
        List<Snapshot> list = captured();
        if (list.isEmpty()) {
            captureNow();
            return;
        }
        step.setMax(list.size() - 1);
        step.setMajorTickUnit(Math.max(1, list.size() / 10.0));
        int i = live.isSelected() ? list.size() - 1 : (int) Math.round(Math.min(step.getValue(), list.size() - 1));
        if (live.isSelected() && step.getValue() != i) {
            following = true;
            try {
                step.setValue(i);
            } finally {
                following = false;
            }
        }
        stepLabel.setText(String.format(Locale.ROOT, "step %,d (%d of %d captures)", list.get(i).step(), i + 1, list.size()));
        show(list.get(i), session.probeProperty().get(), example.getValue());
        // The loss chart marks the step on show — except while following a run, where that is always "now" and
        // moving the mark at every capture redrew two charts several times a second beside the training thread.
        boolean followingRun = live.isSelected() && training.phaseProperty().get().busy();
        markStep.accept(followingRun ? -1 : list.get(i).step());
    }

    /** No capture yet: compute one from the resting model (after a run, or while paused). */
    private void captureNow() {
        var model = session.loadedModel().isPresent() ? session.loadedModel() : training.restingModel();
        Dataset probe = session.probeProperty().get();
        if (model.isEmpty() || probe == null) {
            status.setText("No attention captured yet: maps appear every " + AttentionSession.EVERY
                    + " steps once training runs.");
            return;
        }
        String n = node.getValue();
        CompletableFuture.supplyAsync(() -> dev.deepwire.inspect.AttentionRecorder.capture(model.get(), n, -1, probe), background)
                .whenComplete((s, e) -> Platform.runLater(() -> {
                    if (e != null) {
                        status.setText("Cannot capture the attention: " + e.getCause().getMessage());
                    } else {
                        session.snapshots().add(s);
                    }
                }));
    }

    private void showTyped(String text) {
        var model = session.loadedModel().isPresent() ? session.loadedModel() : training.restingModel();
        Dataset probe = session.probeProperty().get();
        if (text == null || text.isBlank() || node.getValue() == null || probe == null) {
            return;
        }
        if (model.isEmpty()) {
            status.setText("Typed text is shown when training is paused, stopped or finished.");
            return;
        }
        int qi = AttentionProbe.inputsOf(session.configuration(), node.getValue())[0];
        if (probe.features()[qi].rank() != 2) {
            status.setText("This block's queries are not tokens; typed text does not apply.");
            return;
        }
        Dataset one = probe.range(example.getValue(), example.getValue() + 1);
        INDArray[] encoded = TextClassDataset.encodeTyped(text, probe.inputNames(qi), (int) probe.features()[qi].size(1),
                AxisLabels.wordTokens(probe, qi));
        INDArray[] features = one.features().clone();
        INDArray[] masks = one.featureMasks() == null ? new INDArray[features.length] : one.featureMasks().clone();
        features[qi] = encoded[0].castTo(features[qi].dataType());
        masks[qi] = encoded[1].castTo(features[qi].dataType());
        Dataset typedExample = new Dataset(features, masks, one.labels(), one.labelNames()).withInputNames(
                java.util.stream.IntStream.range(0, features.length).mapToObj(probe::inputNames).toList());
        String n = node.getValue();
        CompletableFuture.supplyAsync(() -> dev.deepwire.inspect.AttentionRecorder.capture(model.get(), n, -1, typedExample), background)
                .whenComplete((s, e) -> Platform.runLater(() -> {
                    if (e != null) {
                        status.setText("Cannot capture the attention: " + e.getCause().getMessage());
                    } else {
                        typedSnapshot = s;
                        typedData = typedExample;
                        show(s, typedExample, 0);
                    }
                }));
    }

    private void show(Snapshot s, Dataset data, int ex) {
        mapsShown++;
        shown = s;
        shownData = data;
        int[] inputs = AttentionProbe.inputsOf(session.configuration(), s.nodeId());
        int e = Math.min(ex, s.weights().length - 1);
        rowLabels = AxisLabels.of(data, inputs[0], e);
        colLabels = AxisLabels.of(data, inputs[1], e);
        if (s.weights()[e][0].length != rowLabels.size()) {
            rowLabels = List.of("learned query"); // attention pooling: one query per head
        }
        List<String> choices = new ArrayList<>(List.of("mean of heads", "max of heads"));
        for (int h = 0; h < s.heads(); h++) {
            choices.add("head " + h);
        }
        if (!head.getItems().equals(choices)) {
            String was = head.getValue();
            head.getItems().setAll(choices);
            head.setValue(choices.contains(was) ? was : "mean of heads");
        }
        status.setText(String.format(Locale.ROOT, "Verified: the block's output recomputed from these weights matches to %.1e. "
                + "Rows are queries, columns keys; each row sums to 1.", s.maxError()));
        boolean image = data.features()[inputs[1]].rank() == 3 && colLabels.stream().allMatch(l -> l.startsWith("row"));
        centre.setRight(image ? side : null);
        int lastQuery = Math.max(0, rowLabels.size() - 1);
        if (!(query.getValueFactory() instanceof javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory f)
                || f.getMax() != lastQuery) {
            query.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0, lastQuery,
                    Math.min(query.getValue(), lastQuery)));
        }
        draw();
    }

    private int headIndex() {
        String h = head.getValue();
        return h == null || h.startsWith("mean") ? -1 : h.startsWith("max") ? -2 : Integer.parseInt(h.substring(5));
    }

    private int exampleIndex() {
        return shown == typedSnapshot ? 0 : Math.min(example.getValue(), shown.weights().length - 1);
    }

    private void draw() {
        if (shown == null) {
            return;
        }
        int e = exampleIndex();
        if (grid.isSelected()) {
            heads.getChildren().clear();
            int cols = (int) Math.ceil(Math.sqrt(shown.heads()));
            for (int h = 0; h < shown.heads(); h++) {
                HeatmapView v = new HeatmapView();
                v.setPrefSize(360, 300);
                v.show(shown.map(e, h), rowLabels, colLabels, "head " + h);
                heads.add(v, h % cols, h / cols);
            }
            centre.setCenter(heads);
        } else {
            heatmap.show(shown.map(e, headIndex()), rowLabels, colLabels, String.format(Locale.ROOT, "%s · %s · %s",
                    shown.nodeId(), shown == typedSnapshot ? "typed: " + typed.getText() : "example " + e, head.getValue()));
            centre.setCenter(heatmap);
        }
        if (centre.getRight() != null) {
            int[] inputs = AttentionProbe.inputsOf(session.configuration(), shown.nodeId());
            INDArray img = shownData.features()[inputs[1]];
            float[][] pixels = img.get(org.nd4j.linalg.indexing.NDArrayIndex.point(e)).castTo(
                    org.nd4j.linalg.api.buffer.DataType.FLOAT).toFloatMatrix();
            int q = Math.min(query.getValue(), rowLabels.size() - 1);
            overlayTitle.setText("Where '" + rowLabels.get(q) + "' looks in the image");
            overlay.show(pixels, shown.map(e, headIndex())[q]);
        }
    }

    private int mapsShown;

    /** How many times a map has been put on show (for tests: following a run shows each capture at most once). */
    public int mapsShown() {
        return mapsShown;
    }

    /** The map on show. */
    public float[][] shownMap() {
        return heatmap.values();
    }

    private void export(boolean asPng) {
        if (shown == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(asPng ? "Export heatmap as PNG" : "Export weights as CSV");
        chooser.setInitialFileName(shown.nodeId() + "-attention." + (asPng ? "png" : "csv"));
        java.io.File f = chooser.showSaveDialog(heatmap.getScene().getWindow());
        if (f != null) {
            try {
                exportTo(f.toPath(), asPng);
                status.setText("Wrote " + f);
            } catch (IOException ex) {
                status.setText(ex instanceof dev.deepwire.io.WriteFailure w ? w.getMessage() : "Cannot write " + f + ": " + ex.getMessage());
            }
        }
    }

    /** Writes the map on show: a labelled PNG or the exact weights as CSV. */
    public void exportTo(Path file, boolean asPng) throws IOException {
        INDArray map = Nd4j.createFromArray(shown.map(exampleIndex(), headIndex()));
        String title = shown.nodeId() + " · " + head.getValue();
        byte[] bytes = asPng ? Heatmaps.png(Heatmaps.image(map, rowLabels, colLabels, title))
                : Heatmaps.csv(map, rowLabels, colLabels).getBytes(StandardCharsets.UTF_8);
        dev.deepwire.io.AtomicFiles.write(file, bytes);
    }
}
