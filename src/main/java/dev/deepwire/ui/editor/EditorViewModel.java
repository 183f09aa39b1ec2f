package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.CommandStack;
import dev.deepwire.model.ConnectionCheck;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.ProjectSettingCommand;
import dev.deepwire.model.TrainingSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * State and logic of the graph editor, without any view: the project, its undo history, the
 * selection, and the shapes and issues found after each edit (computed on a background executor, so
 * the UI thread never waits). Unit-tested without a display.
 *
 * <p>The one object the views talk to; the work lies in {@link EditorAnalysis} (analysis and quick fixes),
 * {@link BlockEdits} (blocks and wires), {@link QuickAddEdits} (quick-add's chaining), {@link NoteAndGroupEdits} (notes and groups), {@link ClipboardEdits}, and
 * {@link EditorMessages} (the message line and the run lock), {@link EditorHistory} (undo and redo as offered) and
 * {@link EditorSelection} (blocks and notes selected).
 */
public final class EditorViewModel {
    private final BlockCatalog catalog;
    private final EditorAnalysis analyses;
    private final BlockEdits blocks = new BlockEdits(this);
    private final NoteAndGroupEdits canvasItems = new NoteAndGroupEdits(this);
    private final ClipboardEdits clipboard = new ClipboardEdits(this);
    private final QuickAddEdits quickAdd = new QuickAddEdits(this);
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private CommandStack stack;
    private final EditorSelection selected = new EditorSelection(this::graph);
    private final LongProperty revision = new SimpleLongProperty();
    /** The revision at which the current project was set: analyses of older revisions are of another project. */
    private long projectSince;
    private final EditorMessages messages = new EditorMessages();
    private final EditorHistory history = new EditorHistory(this, () -> stack, messages);

    /** One value that fixes an issue on a block: applying it sets the parameter (an undoable edit). */
    public record QuickFix(String nodeId, String param, Object value, String text) {
    }

    /**
     * @param background where shape inference runs ({@code Runnable::run} in tests)
     * @param uiThread   how results get back to the UI thread ({@code Platform::runLater} in the app)
     */
    public EditorViewModel(BlockCatalog catalog, Project initial, Executor background, Consumer<Runnable> uiThread) {
        this.catalog = catalog;
        this.analyses = new EditorAnalysis(catalog, background, uiThread);
        setProject(initial);
    }

    /**
     * Whether Undo would do something now: a step to undo and no run holding the graph (while a run trains, Undo and
     * Redo are off rather than refused when chosen). Menus and buttons bind their disabled state to it.
     */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndo();
    }

    /** As {@link #canUndoProperty}, for Redo. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedo();
    }

    public BlockCatalog catalog() {
        return catalog;
    }

    public Project project() {
        return project.get();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project;
    }

    public Graph graph() {
        return project.get().graph();
    }

    public CommandStack history() {
        return stack;
    }

    /** Replaces the whole project (open, new); history and selection start afresh. */
    public void setProject(Project p) {
        stack = new CommandStack(p.graph());
        stack.addListener(s -> changed());
        // every step said in one place, however it was made: "Deleted …", "Undid: rename …"
        stack.addStepListener((step, command) -> messages.message().set(StepMessages.said(step, command, graph())));
        selected.clear();
        project.set(p);
        projectSince = revision.get() + 1; // before the change is announced: listeners already see the new project
        changed();
    }

    /**
     * Whether the analysis shown now was made for the project shown now. Just after another project is opened (or
     * restored) the analysis still describes the previous one until the new one's arrives from the background; an
     * older analysis of this same project is only a step behind, but the previous project's figures are not this one's.
     */
    public boolean analysisIsOfThisProject() {
        return analysisProperty().get().revision() >= projectSince;
    }

    /** Increases after every change of the graph (edits, undo, redo, a new project). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    public ReadOnlyObjectProperty<GraphAnalysis> analysisProperty() {
        return analyses.analysisProperty();
    }

    /** The quick fixes of the latest analysis (from checks beyond the graph's own, such as the data's). */
    public ObservableList<QuickFix> fixes() {
        return analyses.fixes();
    }

    /** The quick fixes for one block. */
    public List<QuickFix> fixesOf(String nodeId) {
        return analyses.fixesOf(nodeId);
    }

    /** Applies a quick fix as one undoable edit. */
    public void applyFix(QuickFix fix) {
        if (graph().contains(fix.nodeId())) {
            setParam(fix.nodeId(), fix.param(), fix.value()); // said as every edit is: "Set “Attention” heads to 8"
        }
    }

    /**
     * Adds the issues (and quick fixes) of a further check of revision {@code rev} — the data against the graph — to
     * that revision's analysis; a check of an older revision is dropped.
     */
    public void addIssues(long rev, List<Issue> more, List<QuickFix> quickFixes) {
        analyses.addIssues(rev, revision.get(), more, quickFixes);
    }

    /** The last thing the editor has to tell the user (a refused wire, a bad value). */
    public ObjectProperty<String> messageProperty() {
        return messages.message();
    }

    public ObservableSet<String> selection() {
        return selected.blocks();
    }

    /**
     * Analyses the graph again as it is, without an edit: something the checks depend on outside the graph changed
     * (the user agreed to read data outside the project's folder).
     */
    public void reanalyse() {
        analyses.schedule(revision.get(), graph().copy(), project().training().batchSize());
    }

    private void changed() {
        messages.edited();
        selected.keepExisting();
        revision.set(revision.get() + 1);
        history.update();
        analyses.schedule(revision.get(), graph().copy(), project().training().batchSize());
    }

    /** While a run is going the graph is read-only: edits are refused with a message. */
    public BooleanProperty lockedProperty() {
        return messages.locked();
    }

    public void setLocked(boolean value) {
        messages.setLocked(value);
    }

    /** Says why something was refused; the next edit that goes through clears it. */
    public void refuse(String why) {
        messages.refuse(why);
    }

    /** True (and says so) while the graph is locked by a run. */
    boolean refuseWhileLocked() {
        return messages.refuseWhileLocked();
    }

    // --- edits -------------------------------------------------------------------------------

    /** Places a block of the given type at a canvas position; returns the new node's id. */
    public String addBlock(String typeId, double x, double y) {
        return blocks.addBlock(typeId, x, y);
    }

    /** Quick-add's chaining: what can follow a block, where Space wires from, the block added wired in. */
    QuickAddEdits quickAdd() {
        return quickAdd;
    }

    /** What dropping a wire from {@code from} onto {@code to} would do. */
    public ConnectionCheck checkConnection(Port from, Port to) {
        return analyses.checker().canConnect(graph(), from, to);
    }

    /** Wires two ports if the checker allows it (replacing a wire already in the input); says why not otherwise. */
    public ConnectionCheck connect(Port from, Port to) {
        return blocks.connect(from, to);
    }

    public void disconnect(Edge edge) {
        blocks.disconnect(edge);
    }

    /** Deletes the selected blocks and their wires as one undoable step. */
    public void deleteSelection() {
        blocks.deleteSelection();
    }

    /** Changes the project's training settings as one undoable step (nothing when they are the same). */
    public void setTraining(TrainingSettings settings) {
        if (!settings.equals(project().training())) {
            stack.execute(ProjectSettingCommand.training(project(), settings));
        }
    }

    /** Sets what the project says about itself ("About …" in the inspector) as one undoable step. */
    public void setDescription(String description) {
        String text = description == null ? "" : description.strip();
        if (!text.equals(Objects.requireNonNullElse(project().description(), ""))) {
            stack.execute(new dev.deepwire.model.DescribeProjectCommand(project(), text));
        }
    }

    /** Binds the project to a dataset (or to none) as one undoable step. */
    public void setDataset(DatasetSpec spec) {
        if (!Objects.equals(spec, project().dataset())) {
            stack.execute(ProjectSettingCommand.dataset(project(), spec));
        }
    }

    /** Puts a text note on the canvas (undoable); returns its id. Notes never affect training. */
    public String addNote(String text, double x, double y) {
        return canvasItems.addNote(text, x, y);
    }

    public void editNote(String id, String text) {
        canvasItems.editNote(id, text);
    }

    public void moveNote(String id, double x, double y) {
        canvasItems.moveNote(id, x, y);
    }

    public void removeNote(String id) {
        canvasItems.removeNote(id);
    }

    /** Makes a group from the selected blocks (those not in a group yet); returns its id. */
    public Optional<String> groupSelection(String label) {
        return canvasItems.groupSelection(label);
    }

    public void ungroup(String groupId) {
        canvasItems.ungroup(groupId);
    }

    /** Collapses an expanded group into one box, or expands a collapsed one. */
    public void toggleCollapsed(String groupId) {
        canvasItems.toggleCollapsed(groupId);
    }

    /** The groups touched by the selection (a selected block's group). */
    public List<String> selectedGroups() {
        return canvasItems.selectedGroups();
    }

    /** Loads the layout engine ahead of the first Auto-arrange (about a second); call off the UI thread. */
    public static void warmUpAutoArrange(BlockCatalog catalog) {
        AutoArrange.warmUp(catalog);
    }

    /** Lays the whole graph out left to right in layers (one undoable step). */
    public void autoArrange() {
        blocks.autoArrange();
    }

    /** Ends a drag: moves every dragged node in one undoable step. */
    public void moveNodes(Map<String, double[]> positions) {
        moveItems(positions, Map.of());
    }

    /** Ends a drag of the selection: moves every dragged block and note in one undoable step. */
    public void moveItems(Map<String, double[]> positions, Map<String, double[]> notes) {
        blocks.moveItems(positions, notes);
    }

    /**
     * Sets a parameter after checking it against the block's range.
     *
     * @return the reason it was refused, or empty when it was set
     */
    public Optional<String> setParam(String nodeId, String name, Object value) {
        return blocks.setParam(nodeId, name, value);
    }

    /** Renames a block; a blank name is refused with a message. Returns whether the name typed was taken. */
    public boolean rename(String nodeId, String label) {
        return blocks.rename(nodeId, label);
    }

    /** The selected blocks (and the wires between them) as text for the clipboard; empty if nothing is selected. */
    public Optional<String> copySelection() {
        return clipboard.copySelection();
    }

    /**
     * Pastes copied blocks shifted by (dx, dy), selecting them; with {@code keepIncoming}, the wires that fed
     * them are re-made. Returns false (and says so) when the text is not a DeepWire fragment.
     */
    public boolean paste(String text, double dx, double dy, boolean keepIncoming) {
        return clipboard.paste(text, dx, dy, keepIncoming);
    }

    /**
     * Pastes where it can be seen: beside the copied blocks when that is inside the visible area (canvas
     * coordinates), otherwise in its middle — so a paste into another window, or after scrolling away, lands in view.
     */
    public boolean pasteInView(String text, double minX, double minY, double maxX, double maxY, boolean keepIncoming) {
        return clipboard.pasteInView(text, minX, minY, maxX, maxY, keepIncoming);
    }

    /** Copies and pastes the selection next to itself (without its incoming wires). */
    public void duplicateSelection() {
        clipboard.duplicateSelection();
    }

    /** Undoes the last step, naming it on the message line (refused while a run holds the graph). */
    public void undo() {
        history.undo();
    }

    public void redo() {
        history.redo();
    }

    /** Selects every block and every note ({@link EditorSelection}). */
    public void selectAll() {
        selected.all();
    }

    /** The collapsed groups whose blocks are all selected: the boxes the selection shows. */
    public List<dev.deepwire.model.NodeGroup> selectedBoxes() {
        return selected.wholeCollapsedGroups();
    }

    /** The selected notes (Select All takes them; {@link #selection()} holds the blocks). */
    public ObservableSet<String> selectedNotes() {
        return selected.notes();
    }

    /** Nothing selected: no block, no note (a press on empty canvas). */
    public void clearSelection() {
        selected.clear();
    }

    public void select(String nodeId, boolean add) {
        selected.select(nodeId, add);
    }

    /** The single selected node, if exactly one is selected. */
    public Optional<Node> selectedNode() {
        var blocks = selected.blocks();
        return blocks.size() == 1 ? graph().node(blocks.iterator().next()) : Optional.empty();
    }

    public Set<String> selectedIds() {
        return selected.blockIds();
    }
}
