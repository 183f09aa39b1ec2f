package dev.deepwire.ui.inspect;

import dev.deepwire.training.RunState;
import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.Experiment;
import dev.deepwire.inspect.AttentionRecorder.Snapshot;
import dev.deepwire.inspect.AxisLabels;
import dev.deepwire.inspect.ProbeImages;
import dev.deepwire.inspect.TypedProbe;
import dev.deepwire.ui.inspect.InspectorModel.HeadChoice;
import dev.deepwire.ui.training.TrainingViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

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
    private final InspectorControls ui = new InspectorControls();
    private final InspectorModel model = new InspectorModel();
    private final InterventionPanel intervene;
    private final RestingCaptures captures;
    private final TypedText typed;
    private Snapshot shown;
    private Dataset shownData;
    private List<String> rowLabels = List.of();
    private List<String> colLabels = List.of();
    /** Set while the view moves the step slider itself (following a run), so the move is not taken as the user's. */
    private boolean following;
    /** While a run is going, maps are redrawn at most every {@link InspectorModel#LIVE_MS}. */
    private final LiveRedraw liveRedraw = new LiveRedraw(model, this::liveRefreshNow);
    /** Told of new captures and of the run's phase while the window is open (removed when it closes). */
    private final ListChangeListener<Snapshot> onCaptures = this::capturesChanged;
    private final ChangeListener<RunState> onPhase = this::phaseChanged;

    private AttentionInspector(AttentionSession session, TrainingViewModel training, Executor background, LongConsumer markStep) {
        this.session = session;
        this.training = training;
        this.background = background;
        this.markStep = markStep;
        this.captures = new RestingCaptures(session, training, background, ui.status::setText);
        this.typed = new TypedText(ui, model, session, captures, this::refresh, this::quietly);
        this.intervene = new InterventionPanel(background, this::draw, training::runsFolder, node -> new Experiment.RunOrigin(
                training.editor().project().name(), training.projectFile(), training.editor().project().training(),
                ui.node.getConverter().toString(node), sourceRun()));
    }

    private Stage stage;

    /** The folder of the run whose model the inspector intervenes on: a loaded model's, else the window's run's. */
    private java.nio.file.Path sourceRun() {
        return session.loadedModel().isPresent() ? session.loadedRun().orElse(null) : training.runDir().orElse(null);
    }

    public Stage stage() {
        return stage;
    }

    /** Opens the inspector on a block (or the first attention block when {@code nodeId} is not one). */
    public static AttentionInspector open(Window owner, AttentionSession session, TrainingViewModel training, Executor background,
                             LongConsumer markStep, String nodeId) {
        AttentionInspector in = new AttentionInspector(session, training, background, markStep);
        Stage stage = InspectorControls.window(owner, in.layout(nodeId), () -> {
            markStep.accept(-1);
            in.detach();
        });
        in.stage = stage;
        stage.show();
        if (session.typedShown()) {
            in.typed.show(session.typedText()); // its map as before it closed: box and map agree
        }
        return in;
    }

    /** Brings the open inspector forward, showing {@code nodeId} when it is an attention block. */
    public void bringForward(String nodeId) {
        if (nodeId != null && ui.node.getItems().contains(nodeId)) {
            ui.node.setValue(nodeId);
        }
        stage.toFront();
        stage.requestFocus();
    }

    private BorderPane layout(String nodeId) {
        ui.namesFrom(id -> training.editor().graph().node(id).map(dev.deepwire.model.Node::label).orElse(null));
        List<String> offered = blocks();
        ui.node.getItems().setAll(offered);
        ui.node.setValue(nodeId != null && offered.contains(nodeId) ? nodeId
                : offered.isEmpty() ? null : offered.get(0)); // List.of() refuses contains(null)
        BorderPane root = ui.layout(this::showClearest, this::export, () -> stage.close());
        root.setRight(intervene.scrolling());
        ui.node.valueProperty().addListener((o, a, b) -> {
            model.setTyped(null);
            refresh();
        });
        ui.example.valueProperty().addListener((o, a, b) -> {
            model.setTyped(null);
            refresh();
        });
        ui.head.valueProperty().addListener((o, a, b) -> draw());
        ui.grid.selectedProperty().addListener((o, a, b) -> draw());
        ui.query.valueProperty().addListener((o, a, b) -> draw());
        ui.step.valueProperty().addListener((o, a, b) -> {
            if (following) {
                return; // the view itself moved to the newest capture and draws it
            }
            if (ui.live.isSelected() && Math.round(b.doubleValue()) != captured().size() - 1) {
                ui.live.setSelected(false); // the user went back in time: stop following the run
            }
            refresh();
        });
        ui.live.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                model.setTyped(null); // following the run again
            }
            refresh();
        });
        ui.typed.setText(session.typedText()); // what was typed before the inspector last closed
        typed.listen();
        session.snapshots().addListener(onCaptures);
        training.phaseProperty().addListener(onPhase);
        refresh();
        return root;
    }

    private void phaseChanged(javafx.beans.value.ObservableValue<? extends RunState> o, RunState was, RunState now) {
        typed.phaseChanged(now);
        if (!now.busy()) {
            liveRedraw.flush(); // the run ended: its last capture shows at once
        }
        aimIntervention(); // a model at rest (paused, ended) can be intervened on; a running one cannot
    }

    /** A closed inspector stops following the session (it had gone on drawing every capture into its hidden window). */
    private void detach() {
        session.keepTyped(ui.typed.getText(), model.typed() != null);
        session.snapshots().removeListener(onCaptures);
        training.phaseProperty().removeListener(onPhase);
        liveRedraw.stop();
    }

    /**
     * Opened before a run (or on another network), the block list is brought up to date when the session's
     * blocks change, keeping the chosen block if the new network has it. Returns whether it did (and redrew).
     */
    private boolean offerSessionNodes() {
        String chosen = ui.node.getValue();
        if (!ui.offerNodes(blocks())) {
            return false;
        }
        if (Objects.equals(chosen, ui.node.getValue())) {
            refresh(); // (a new choice of block has refreshed already: drawing it twice counted one capture twice)
        }
        return true;
    }

    /**
     * The blocks the Block list offers: the run's (or loaded model's) attention blocks, else — before a run, or while
     * one starts and its network is not yet known — the canvas's own, so the list is never empty for a network that
     * has one (it had opened empty, saying "press Train first", and filled a second after Train).
     */
    private List<String> blocks() {
        if (!session.nodes().isEmpty()) {
            return session.nodes();
        }
        return training.editor().graph().nodes().stream()
                .filter(n -> dev.deepwire.ui.editor.Inspector.ATTENTION.contains(n.type()))
                .map(dev.deepwire.model.Node::id).toList();
    }

    /** The heads a block is set to have (its Heads setting, or the catalog's default), 0 when it has none. */
    private int declaredHeads(String nodeId) {
        var catalog = training.editor().catalog();
        return training.editor().graph().node(nodeId).map(n -> catalog.paramValue(n, "heads"))
                .filter(Number.class::isInstance).map(h -> ((Number) h).intValue()).orElse(0);
    }

    private void capturesChanged(ListChangeListener.Change<? extends Snapshot> c) {
        if (offerSessionNodes()) {
            return; // choosing the block refreshed the view
        }
        if (ui.live.isSelected() && InspectorModel.concerns(c, ui.node.getValue())) {
            liveRedraw.request(training.phaseProperty().get().busy());
        }
    }

    private void liveRefreshNow() {
        if (ui.live.isSelected()) {
            refresh();
        }
    }

    private List<Snapshot> captured() {
        return InspectorModel.of(session.snapshots(), ui.node.getValue());
    }

    /** Picks the snapshot to show (the slider's, the newest when following, or one computed now) and draws it. */
    private void refresh() {
        if (ui.node.getValue() == null) {
            ui.status.setText("This network has no attention block yet, or it has not been trained: press Train first.");
            return;
        }
        if (shown == null || !shown.nodeId().equals(ui.node.getValue())) {
            ui.setHeads(declaredHeads(ui.node.getValue())); // before a capture: the heads the block is set to have
        }
        InspectorModel.Choice choice = model.choose(session.snapshots(), ui.node.getValue(), ui.live.isSelected(), ui.step.getValue());
        if (choice == null) {
            captureNow();
            return;
        }
        ui.stepLabel.setText(choice.stepText());
        if (choice.typed()) {
            show(choice.snapshot(), typed.probe().example(), 0);
            return;
        }
        ui.step.setMax(choice.count() - 1);
        ui.step.setMajorTickUnit(Math.max(1, choice.count() / 10.0));
        if (ui.live.isSelected() && ui.step.getValue() != choice.index()) {
            quietly(() -> ui.step.setValue(choice.index()));
        }
        show(choice.snapshot(), session.probeProperty().get(), ui.example.getValue());
        // The loss chart marks the step on show — except while following a run, where that is always "now" and
        // moving the mark at every capture redrew two charts several times a second beside the training thread.
        boolean followingRun = ui.live.isSelected() && training.phaseProperty().get().busy();
        markStep.accept(followingRun ? -1 : choice.snapshot().step());
    }

    /** No capture yet: compute one from the resting model (after a run, or while paused). */
    private void captureNow() {
        // A saved model shows the step it was saved at; the resting model of this window's run, the run's last step.
        if (!captures.capture(ui.node.getValue(), captures.savedStep(), session.probeProperty().get(), s -> {
            session.snapshots().add(s);
            if (!training.phaseProperty().get().busy()) {
                showClearest(); // a trained model: open where its pattern is clearest
            }
        })) {
            ui.status.setText("No attention captured yet: maps appear every " + AttentionSession.EVERY + " steps once training runs.");
        }
    }

    /** Moves a control as the view itself does (following), so the move is not taken as the user's. */
    private void quietly(Runnable move) {
        following = true;
        try {
            move.run();
        } finally {
            following = false;
        }
    }

    /** Shows the example and head whose landmark row attends most sharply, in the capture on show or the newest. */
    private void showClearest() {
        List<Snapshot> list = captured();
        Snapshot s = shown != null && shown != model.typed() && shown.nodeId().equals(ui.node.getValue()) ? shown
                : list.isEmpty() ? null : list.get(list.size() - 1);
        ui.showClearest(s, session.probeProperty().get(), s == null ? 0 : session.layout().inputsOf(s.nodeId())[0]);
    }

    private void show(Snapshot s, Dataset data, int ex) {
        mapsShown++;
        shown = s;
        shownData = data;
        int[] inputs = session.layout().inputsOf(s.nodeId());
        int e = Math.min(ex, s.weights().length - 1);
        TypedProbe typedProbe = typed.probe();
        boolean typedShown = typedProbe != null && data == typedProbe.example();
        float[][] map = s.weights()[e][0]; // [queries][keys]
        rowLabels = AxisLabels.queries(typedShown ? typedProbe.labels() : map.length > 1
                ? AxisLabels.of(data, inputs[0], e, map.length) : AxisLabels.of(data, inputs[0], e), map.length);
        colLabels = typedShown && inputs[1] == inputs[0] ? typedProbe.labels()
                : AxisLabels.of(data, inputs[1], e, map.length == 0 ? 0 : map[0].length);
        ui.setHeads(s.heads());
        ui.chosenExample(session.chosenExample());
        ui.status.setText(typed.waiting() ? TypedText.WAITS : String.format(Locale.ROOT, "Verified: the block's output recomputed "
                + "from these weights matches to %.1e. Rows are queries, columns keys; each row sums to 1.", s.maxError()));
        boolean image = ProbeImages.isSequence(data, inputs[1]) && colLabels.stream().allMatch(l -> l.startsWith("row"));
        ui.centre.setRight(image ? ui.side : null);
        ui.setQueries(rowLabels.size());
        if (ProbeImages.isTokens(data, inputs[0])) {
            ui.vocabularyHint(data, inputs[0], typedShown ? typedProbe : null);
        }
        draw();
    }

    private int headIndex() {
        return ui.head.getValue() == null ? -1 : ui.head.getValue().index();
    }

    private int exampleIndex() {
        return shown == model.typed() ? 0 : Math.min(ui.example.getValue(), shown.weights().length - 1);
    }

    private void draw() {
        if (shown == null) {
            return;
        }
        int e = exampleIndex();
        int h = headIndex();
        Snapshot s = intervene.pinned(shown);
        if (ui.grid.isSelected()) {
            ui.showHeads(s, e, rowLabels, colLabels);
            intervene.markAll(ui.heads.getChildren(), e);
        } else {
            ui.heatmap.show(s.map(e, h), rowLabels, colLabels, heading(s, e, ui.head.getValue()));
            intervene.mark(ui.heatmap, e, h);
            ui.centre.setCenter(ui.heatmap);
        }
        if (ui.centre.getRight() != null) {
            ui.showOverlay(ProbeImages.pixels(shownData, session.layout().inputsOf(s.nodeId())[1], e), rowLabels, s.map(e, h));
        }
        aimIntervention();
    }

    /** Points the intervention panel at the map on show and the model at rest (none while a step is being taken). */
    private void aimIntervention() {
        if (shown == null) {
            return;
        }
        String node = shown.nodeId();
        intervene.aim(new InterventionPanel.Target(captures.model().orElse(null), session.validation(), node, shownData,
                exampleIndex(), headIndex(), rowLabels, colLabels, session.layout().inputsOf(node)[0]));
    }

    private int mapsShown;

    /** How many times a map has been put on show (for tests: following a run shows each capture at most once). */
    public int mapsShown() {
        return mapsShown;
    }

    /** Whether each map of the all-heads grid has token labels (empty when the grid is not on show). */
    public List<Boolean> headLabelsShown() {
        return ui.heads.getChildren().stream().map(n -> ((HeatmapView) n).labelsShown()).toList(); // grid order
    }

    /** The map on show. */
    public float[][] shownMap() {
        return ui.heatmap.values();
    }

    private void export(boolean asPng) {
        if (shown != null) {
            ui.export(shown.nodeId(), asPng, training.projectFile(), f -> exportTo(f, asPng));
        }
    }

    /** "Self-attention · validation example 0 · head 1": the block by name, as the Block box and the canvas. */
    private String heading(Snapshot s, int example, HeadChoice head) {
        return String.format(Locale.ROOT, "%s · %s · %s", ui.node.getConverter().toString(s.nodeId()),
                shown == model.typed() ? "typed: " + ui.typed.getText() : session.probeName(example), head);
    }

    /**
     * Writes what is on show (pinned rows as pinned), headed as on screen: a labelled PNG or the exact weights as CSV;
     * with All heads ticked, every head (it had written the Head box's mean of heads under the block's id).
     */
    public void exportTo(Path file, boolean asPng) throws IOException {
        Snapshot s = intervene.pinned(shown);
        int e = exampleIndex();
        List<HeadChoice> heads = ui.grid.isSelected()
                ? java.util.stream.IntStream.range(0, s.heads()).mapToObj(HeadChoice::new).toList()
                : List.of(ui.head.getValue());
        InspectorControls.write(file, asPng, heads.stream().map(c -> s.map(e, c.index())).toList(), rowLabels, colLabels,
                heads.stream().map(c -> heading(s, e, c)).toList());
    }

    /** The intervention column, for tests. */
    InterventionPanel intervention() {
        return intervene;
    }
}
