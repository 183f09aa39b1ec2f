package dev.deepwire.ui.step;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.inspect.walk.ModelWalk;
import dev.deepwire.inspect.walk.Walkthrough;
import dev.deepwire.inspect.walk.WalkthroughFiles;
import dev.deepwire.inspect.walk.Walkthroughs;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.GraphCanvas;
import dev.deepwire.ui.editor.StepOverlay;
import dev.deepwire.ui.inspect.AttentionSession;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;

/**
 * Step mode: one example (a validation example, or typed input) followed through the trained model block by block on
 * the canvas. The toolbar's toggle and View ▸ Step Through Example turn it on whenever a model exists (after a run,
 * while paused, or a kept run opened for inspection); → and ← on the canvas, or the panel's buttons, step. After the
 * output, "Show gradients" goes back through the blocks with each wire's gradient norm. Editing the graph ends it.
 */
public final class StepMode {
    private final GraphCanvas canvas;
    private final EditorViewModel vm;
    private final AttentionSession session;
    private final Supplier<Optional<TrainedModel>> resting;
    private final Executor work;
    private final StepOverlay overlay;
    private final StepPanel panel = new StepPanel();
    private final ToggleButton toggle = new ToggleButton("Step through");
    private Walkthrough walk;
    private int index;
    private boolean back;
    private String typed;
    private boolean computing;
    /** {@link dev.deepwire.model.Graph#computation()} of the graph the walk shown was computed for. */
    private String walkedGraph;
    /** Whether the walk shown is of the window's run's model (not of a kept run's, opened from Runs…). */
    private boolean walksRunModel;
    private CompletableFuture<ModelWalk.Walked> pending = CompletableFuture.completedFuture(null);

    /**
     * @param resting the run's model while it rests (paused, stopped, finished), if any
     * @param work    where the model runs (off the UI thread)
     */
    public StepMode(GraphCanvas canvas, EditorViewModel vm, AttentionSession session,
                    Supplier<Optional<TrainedModel>> resting, Executor work) {
        this.canvas = canvas;
        this.vm = vm;
        this.session = session;
        this.resting = resting;
        this.work = work;
        this.overlay = canvas.stepOverlay();
        toggle.setId("step-mode");
        toggle.setTooltip(new Tooltip("Follow one example through the trained model, block by block (→ / ←)"));
        toggle.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                start();
            } else {
                stop(null);
            }
        });
        overlay.setPanel(panel);
        overlay.setOnStep(this::step);
        overlay.setOnOpenTensor(t -> TensorView.open(canvas.getScene().getWindow(), t));
        panel.previous.setOnAction(e -> step(-1));
        panel.next.setOnAction(e -> step(1));
        panel.close.setOnAction(e -> toggle.setSelected(false));
        panel.gradients.setOnAction(e -> compute(true));
        panel.export.setOnAction(e -> export());
        panel.example.valueProperty().addListener((o, a, b) -> recompute());
        panel.position.valueProperty().addListener((o, a, b) -> recompute());
        panel.head.valueProperty().addListener((o, a, b) -> recompute());
        panel.typed.setOnAction(e -> {
            typed = panel.typed.getText().isBlank() ? null : panel.typed.getText();
            recompute();
        });
        vm.revisionProperty().addListener((o, a, b) -> edited());
    }

    /**
     * After an edit: one the model's computation depends on (a block, a parameter, a wire) ends step mode, the walk no
     * longer describing the graph; a rename walks the example again under the new names; a move, a group or a note only
     * draws the step again where the blocks now are. Any edit (Undo of a rename included) had ended it.
     */
    private void edited() {
        if (!toggle.isSelected()) {
            return;
        }
        if (walkedGraph != null && !walkedGraph.equals(vm.graph().computation())) {
            stop("Step mode ended: the graph was edited");
        } else if (walk != null && walk.steps().stream().anyMatch(s -> vm.graph().node(s.nodeId())
                .map(n -> !Walkthroughs.shownName(n).equals(s.label())).orElse(true))) {
            recompute();
        } else if (walk != null) {
            // after the canvas has placed its blocks for this edit
            Platform.runLater(() -> {
                if (toggle.isSelected() && walk != null && !computing) {
                    overlay.show(walk, index, back ? walk.backward() : null);
                }
            });
        }
    }

    /**
     * A run started or went on (Resume): a walk of the run's model (a paused run's) no longer describes it — it had stayed
     * on, showing the paused model's values through the rest of the run and after it finished. A walk of a kept run's
     * model, opened from Runs…, is not the run's and stays.
     */
    public void runWentOn() {
        if (toggle.isSelected() && walksRunModel) {
            stop("Step mode ended: training went on and changed the model; pause the run (or let it finish) and step "
                    + "through it again");
        }
    }

    /** Another project opened in the window: the walk was of the earlier one's model. */
    public void projectReplaced() {
        if (toggle.isSelected()) {
            stop(null);
        }
    }

    /** Whether a step is on show (its panel over the canvas): the window gives the canvas more room meanwhile. */
    public javafx.beans.value.ObservableBooleanValue showingProperty() {
        return panel.visibleProperty();
    }

    /** The toolbar's toggle. */
    public ToggleButton toggle() {
        return toggle;
    }

    /** View ▸ Step Through Example: turns step mode on or off. */
    public void toggleFromMenu() {
        toggle.setSelected(!toggle.isSelected());
    }

    /**
     * Evaluate and Prune's "Step through": (re)starts on the example chosen there (already loaded into the session),
     * never on text typed into the panel earlier, which had been walked instead under the chosen example's name.
     */
    public void startOnChosenExample() {
        typed = null;
        panel.typed.clear();
        toggle.setSelected(false);
        toggle.setSelected(true);
    }

    private Optional<TrainedModel> model() {
        return session.loadedModel().isPresent() ? session.loadedModel() : resting.get();
    }

    /**
     * Where the window has no model of its own, what loads the newest kept run's into the session (completing true
     * once loaded): a lesson trained, then reopened to present, steps through that run's model. Step mode had said
     * "needs a trained model" with the trained runs beside the project.
     */
    public void setKeptModel(Supplier<CompletableFuture<Boolean>> loadNewest) {
        this.loadNewest = loadNewest;
    }

    private Supplier<CompletableFuture<Boolean>> loadNewest = () -> CompletableFuture.completedFuture(false);

    private static final String NEEDS_MODEL = "Step mode needs a trained model: train (or pause a run), or open a kept "
            + "run's model";

    private void start() {
        if (model().isEmpty()) {
            String said = vm.messageProperty().get();
            loadNewest.get().thenAccept(loaded -> {
                if (toggle.isSelected() && model().isPresent()) {
                    begin();
                } else if (toggle.isSelected()) { // a kept model tried and not loaded has said why
                    stop(java.util.Objects.equals(said, vm.messageProperty().get()) ? NEEDS_MODEL : null);
                }
            });
            return;
        }
        begin();
    }

    private void begin() {
        Dataset probe = session.probeProperty().get();
        if (model().isEmpty() || probe == null || probe.size() == 0) {
            stop(NEEDS_MODEL);
            return;
        }
        panel.chosenExample(session.chosenExample());
        panel.example.getValueFactory().setValue(Math.min(panel.example.getValue(), probe.size() - 1));
        ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) panel.example.getValueFactory())
                .setMax(probe.size() - 1);
        index = 0;
        compute(false);
    }

    private void recompute() {
        if (toggle.isSelected() && walk != null) {
            compute(back);
        }
    }

    /** Runs the example through the model in the background, then shows the step (the first, or the last going back). */
    private void compute(boolean withGradients) {
        Optional<TrainedModel> model = model();
        Dataset probe = session.probeProperty().get();
        if (model.isEmpty() || probe == null) {
            stop("Step mode needs a trained model");
            return;
        }
        int k = panel.example.getValue();
        String text = typed;
        int position = panel.position.getValue();
        int head = panel.head.getValue();
        var project = vm.project();
        var catalog = vm.catalog();
        String name = session.probeName(k);
        boolean gradients = withGradients && text == null; // typed input has no true label to go back from
        computing = true;
        walkedGraph = project.graph().computation();
        walksRunModel = session.loadedModel().isEmpty();
        vm.messageProperty().set(gradients ? "Computing the gradients of this example…" : "Running the example through the model…");
        pending = CompletableFuture.supplyAsync(() ->
                ModelWalk.walk(project, catalog, model.get(), probe, k, text, name, position, head, gradients), work);
        pending.whenCompleteAsync((walked, error) -> {
            computing = false;
            if (!toggle.isSelected()) {
                return;
            }
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                if (text != null && walk != null && cause instanceof IllegalArgumentException) {
                    // typed input the model cannot read: the walk shown stays, and the text stays in its box to be
                    // corrected (a sentence of unknown words had ended step mode and taken the text with it)
                    typed = null;
                    panel.refuse(cause.getMessage()); // whole under the box: the status bar cuts it at 1024 px
                    show(); // after: the panel takes the height the reason needs
                    vm.messageProperty().set("Step mode: " + cause.getMessage());
                    panel.typed.requestFocus();
                    return;
                }
                stop("Step mode: " + cause.getMessage());
                return;
            }
            Walkthrough w = walked.walk();
            panel.refuse(null);
            panel.choicesFor(walked.typable()); // no text box where no tokens go
            boolean wasBack = back;
            walk = w;
            back = gradients;
            index = back && !wasBack ? w.steps().size() - 1 : Math.min(index, w.steps().size() - 1);
            vm.messageProperty().set(back ? String.format("Going back: loss %.4g for this example", w.backward().loss())
                    : "Step mode: → and ← step through " + w.steps().size() + " blocks");
            show();
            canvas.requestFocus();
        }, Platform::runLater);
    }

    /** Moves one block on (+1) or back (−1) in the direction of travel. */
    public void step(int delta) {
        if (walk == null) {
            return;
        }
        int next = index + (back ? -delta : delta);
        if (next >= 0 && next < walk.steps().size()) {
            index = next;
            show();
        }
    }

    private void show() {
        panel.show(walk, index, back);
        panel.axesFor(walk);
        panel.gradientsFor(typed == null, back);
        overlay.show(walk, index, back ? walk.backward() : null);
        vm.select(walk.steps().get(index).nodeId(), false); // the block inspector shows the current block
    }

    private void stop(String message) {
        boolean keysWereHere = focusWithinPanel();
        walk = null;
        back = false;
        panel.refuse(null);
        overlay.hide();
        if (keysWereHere) {
            // The panel's buttons go with it: the keys go back to the canvas. They had gone on to the inspector's
            // name with its text selected, so F (fit view) or Backspace renamed the block.
            canvas.requestFocus();
        }
        if (toggle.isSelected()) {
            toggle.setSelected(false);
        }
        if (message != null) {
            vm.messageProperty().set(message);
        } else if (ownLine(vm.messageProperty().get())) {
            // the status bar had gone on saying "Step mode: → and ← step through 11 blocks" after it was left
            vm.messageProperty().set("Left step mode");
        }
    }

    /** Whether the status bar's line is one step mode wrote about a walk (not true once it is left). */
    private static boolean ownLine(String line) {
        return line != null && (line.startsWith("Step mode: ") || line.startsWith("Going back: ")
                || line.startsWith("Computing the gradients of this example") || line.startsWith("Running the example through"));
    }

    private boolean focusWithinPanel() {
        javafx.scene.Node n = canvas.getScene() == null ? null : canvas.getScene().getFocusOwner();
        for (; n != null; n = n.getParent()) {
            if (n == panel) {
                return true;
            }
        }
        return false;
    }

    private void export() {
        if (walk == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the walk-through into a folder");
        File dir = dev.deepwire.ui.controls.FocusReturn.folder(chooser, canvas.getScene().getWindow());
        if (dir != null) {
            exportTo(dir.toPath());
        }
    }

    /** Writes the pictures, the page and steps.json into {@code dir} (in the background). */
    public CompletableFuture<Void> exportTo(java.nio.file.Path dir) {
        Walkthrough w = walk;
        return CompletableFuture.runAsync(() -> {
            try {
                WalkthroughFiles.writeInto(dir, WalkthroughFiles.of(w)); // an earlier walk-through's pictures go
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, work).whenCompleteAsync((v, error) -> vm.messageProperty().set(error == null
                ? "Exported the walk-through to " + dir.resolve(WalkthroughFiles.HTML)
                : "Could not export the walk-through: " + (error.getCause() != null ? error.getCause().getMessage() : error.getMessage())),
                Platform::runLater);
    }

    // --- for tests ---

    /** The walk-through shown, or null outside step mode. */
    public Walkthrough walkthrough() {
        return walk;
    }

    public int index() {
        return index;
    }

    public boolean goingBack() {
        return back;
    }

    /** Whether a walk-through is being computed. */
    public boolean computing() {
        return computing;
    }
}
