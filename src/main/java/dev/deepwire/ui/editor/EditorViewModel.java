package dev.deepwire.ui.editor;

import dev.deepwire.compiler.ShapeInference;
import dev.deepwire.compiler.ShapeReport;
import dev.deepwire.model.AddNodeCommand;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Command;
import dev.deepwire.model.CommandStack;
import dev.deepwire.model.CompoundCommand;
import dev.deepwire.model.ConnectPortsCommand;
import dev.deepwire.model.ConnectionCheck;
import dev.deepwire.model.DisconnectCommand;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.GraphChecker;
import dev.deepwire.model.Issue;
import dev.deepwire.model.MoveNodeCommand;
import dev.deepwire.model.Node;
import dev.deepwire.model.ParamSpec;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.RemoveNodeCommand;
import dev.deepwire.model.RenameNodeCommand;
import dev.deepwire.model.SetParamCommand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * State and logic of the graph editor, without any view: the project, its undo history, the
 * selection, and the shapes and issues found after each edit (computed on a background executor, so
 * the UI thread never waits). Unit-tested without a display.
 */
public final class EditorViewModel {
    private final BlockCatalog catalog;
    private final GraphChecker checker;
    private final ShapeInference inference;
    private final Executor background;
    private final Consumer<Runnable> uiThread;
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private CommandStack stack;
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final LongProperty revision = new SimpleLongProperty();
    private final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(Analysis.EMPTY);
    private final ObjectProperty<String> message = new SimpleObjectProperty<>("");
    private final javafx.beans.property.BooleanProperty locked = new javafx.beans.property.SimpleBooleanProperty();

    /** One value that fixes an issue on a block: applying it sets the parameter (an undoable edit). */
    public record QuickFix(String nodeId, String param, Object value, String text) {
    }

    private final javafx.collections.ObservableList<QuickFix> fixes = FXCollections.observableArrayList();

    /** The quick fixes of the latest analysis (from checks beyond the graph's own, such as the data's). */
    public javafx.collections.ObservableList<QuickFix> fixes() {
        return fixes;
    }

    /** The quick fixes for one block. */
    public List<QuickFix> fixesOf(String nodeId) {
        return fixes.stream().filter(f -> f.nodeId().equals(nodeId)).toList();
    }

    /** Applies a quick fix as one undoable edit. */
    public void applyFix(QuickFix fix) {
        if (graph().contains(fix.nodeId()) && setParam(fix.nodeId(), fix.param(), fix.value()).isEmpty()) {
            message.set(fix.text() + " on " + graph().require(fix.nodeId()).label());
        }
    }

    /**
     * Adds the issues (and quick fixes) of a further check of revision {@code rev} — the data against the graph — to
     * that revision's analysis; a check of an older revision is dropped.
     */
    public void addIssues(long rev, List<Issue> more, List<QuickFix> quickFixes) {
        Analysis a = analysis.get();
        if (a.revision() != rev || rev != revision.get()) {
            return;
        }
        List<Issue> all = new ArrayList<>(a.issues());
        all.addAll(more);
        fixes.setAll(quickFixes);
        analysis.set(new Analysis(rev, a.shapes(), List.copyOf(all), true));
    }

    /** Shapes and issues of one revision of the graph. */
    public record Analysis(long revision, ShapeReport shapes, List<Issue> issues, boolean complete) {
        static final Analysis EMPTY = new Analysis(-1, new ShapeReport(Map.of(), Map.of(), Map.of(), List.of()), List.of());

        /** The graph's own analysis; {@code complete} once further checks (the data) have added theirs. */
        public Analysis(long revision, ShapeReport shapes, List<Issue> issues) {
            this(revision, shapes, issues, false);
        }

        public List<Issue> issuesOf(String nodeId) {
            return issues.stream().filter(i -> nodeId.equals(i.nodeId())).toList();
        }
    }

    /**
     * @param background where shape inference runs ({@code Runnable::run} in tests)
     * @param uiThread   how results get back to the UI thread ({@code Platform::runLater} in the app)
     */
    public EditorViewModel(BlockCatalog catalog, Project initial, Executor background, Consumer<Runnable> uiThread) {
        this.catalog = catalog;
        this.checker = new GraphChecker(catalog);
        this.inference = new ShapeInference(catalog);
        this.background = background;
        this.uiThread = uiThread;
        setProject(initial);
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
        selection.clear();
        project.set(p);
        changed();
    }

    /** Increases after every change of the graph (edits, undo, redo, a new project). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis;
    }

    /** The last thing the editor has to tell the user (a refused wire, a bad value). */
    public ObjectProperty<String> messageProperty() {
        return message;
    }

    public ObservableSet<String> selection() {
        return selection;
    }

    private void changed() {
        if (refusal != null && refusal.equals(message.get())) {
            message.set(""); // an edit went through since: the old refusal no longer holds
        }
        refusal = null;
        selection.removeIf(id -> !graph().contains(id));
        revision.set(revision.get() + 1);
        long rev = revision.get();
        Graph snapshot = graph().copy();
        background.execute(() -> {
            List<Issue> issues = new ArrayList<>(checker.check(snapshot));
            ShapeReport shapes = inference.infer(snapshot);
            issues.addAll(shapes.issues());
            Analysis result = new Analysis(rev, shapes, List.copyOf(issues));
            uiThread.accept(() -> {
                if (rev >= analysis.get().revision()) {
                    fixes.clear();
                    analysis.set(result);
                }
            });
        });
    }

    /** While a run is going the graph is read-only: edits are refused with a message. */
    public javafx.beans.property.BooleanProperty lockedProperty() {
        return locked;
    }

    public void setLocked(boolean value) {
        locked.set(value);
        if (!value && READ_ONLY.equals(message.get())) {
            message.set(""); // the run ended: the graph can be edited again
        }
    }

    private static final String READ_ONLY = "The graph is read-only while training; stop the run to edit it";
    /** The last refusal shown (a bad value, a refused wire): a later successful edit clears it. */
    private String refusal;

    /** Says why something was refused; the next edit that goes through clears it. */
    public void refuse(String why) {
        refusal = why;
        message.set(why);
    }

    private boolean refuseWhileLocked() {
        if (locked.get()) {
            refuse(READ_ONLY);
            return true;
        }
        return false;
    }

    // --- edits -------------------------------------------------------------------------------

    /** Places a block of the given type at a canvas position; returns the new node's id. */
    public String addBlock(String typeId, double x, double y) {
        if (refuseWhileLocked()) {
            return null;
        }
        BlockType type = catalog.require(typeId);
        String id = graph().freshId(typeId);
        Node node = catalog.newNode(typeId, id, x, y);
        stack.execute(new AddNodeCommand(node));
        selection.clear();
        selection.add(id);
        message.set("Added " + type.label());
        return id;
    }

    /** Block types with an input that takes what {@code from} gives (for quick-add after a dropped wire). */
    public List<BlockType> blocksAccepting(Port from) {
        Optional<dev.deepwire.model.PortSpec> out = graph().node(from.nodeId()).flatMap(n -> catalog.find(n.type()))
                .flatMap(t -> t.output(from.name()));
        if (out.isEmpty()) {
            return List.of();
        }
        return catalog.all().stream().filter(t -> firstInputAccepting(t, out.get()).isPresent()).toList();
    }

    private static Optional<dev.deepwire.model.PortSpec> firstInputAccepting(BlockType t, dev.deepwire.model.PortSpec out) {
        return t.inputs().stream().filter(in -> out.kinds().stream().anyMatch(in::accepts)).findFirst();
    }

    /** Places a block and wires {@code from} into its first input that takes it, as one undoable step. */
    public String addBlockConnected(String typeId, double x, double y, Port from) {
        if (refuseWhileLocked()) {
            return null;
        }
        BlockType type = catalog.require(typeId);
        dev.deepwire.model.PortSpec out = graph().node(from.nodeId()).flatMap(n -> catalog.find(n.type()))
                .flatMap(t -> t.output(from.name())).orElseThrow();
        dev.deepwire.model.PortSpec in = firstInputAccepting(type, out)
                .orElseThrow(() -> new IllegalArgumentException(type.label() + " takes nothing from " + from));
        String id = graph().freshId(typeId);
        Command add = new AddNodeCommand(catalog.newNode(typeId, id, x, y));
        Command wire = new ConnectPortsCommand(from, new Port(id, in.name()));
        stack.execute(new CompoundCommand("Add " + type.label() + " after " + from.nodeId(), List.of(add, wire)));
        selection.clear();
        selection.add(id);
        return id;
    }

    /** What dropping a wire from {@code from} onto {@code to} would do. */
    public ConnectionCheck checkConnection(Port from, Port to) {
        return checker.canConnect(graph(), from, to);
    }

    /** Wires two ports if the checker allows it (replacing a wire already in the input); says why not otherwise. */
    public ConnectionCheck connect(Port from, Port to) {
        if (refuseWhileLocked()) {
            return ConnectionCheck.refused("the graph is read-only while training");
        }
        ConnectionCheck check = checkConnection(from, to);
        if (!check.allowed()) {
            refuse("Cannot connect: " + check.message());
            return check;
        }
        Optional<Edge> existing = graph().edgeInto(to);
        Command connect = new ConnectPortsCommand(from, to);
        stack.execute(existing.isPresent()
                ? new CompoundCommand(connect.description(), List.of(new DisconnectCommand(existing.get()), connect))
                : connect);
        message.set(check.message());
        return check;
    }

    public void disconnect(Edge edge) {
        if (refuseWhileLocked()) {
            return;
        }
        stack.execute(new DisconnectCommand(edge));
    }

    /** Deletes the selected blocks and their wires as one undoable step. */
    public void deleteSelection() {
        if (refuseWhileLocked()) {
            return;
        }
        if (selection.isEmpty()) {
            return;
        }
        List<Command> parts = selection.stream().map(id -> (Command) new RemoveNodeCommand(id)).toList();
        String what = parts.size() == 1 ? graph().require(selection.iterator().next()).label() : parts.size() + " blocks";
        stack.execute(new CompoundCommand("Delete " + what, parts));
    }

    /** Changes the project's training settings as one undoable step (nothing when they are the same). */
    public void setTraining(dev.deepwire.model.TrainingSettings settings) {
        if (!settings.equals(project().training())) {
            stack.execute(dev.deepwire.model.ProjectSettingCommand.training(project(), settings));
        }
    }

    /** Binds the project to a dataset (or to none) as one undoable step. */
    public void setDataset(dev.deepwire.model.DatasetSpec spec) {
        if (!java.util.Objects.equals(spec, project().dataset())) {
            stack.execute(dev.deepwire.model.ProjectSettingCommand.dataset(project(), spec));
        }
    }

    /** Puts a text note on the canvas (undoable); returns its id. Notes never affect training. */
    public String addNote(String text, double x, double y) {
        String id = graph().freshId("note");
        stack.execute(dev.deepwire.model.NoteCommand.add(new dev.deepwire.model.Note(id, text, x, y)));
        return id;
    }

    public void editNote(String id, String text) {
        graph().note(id).filter(n -> !n.text().equals(text))
                .ifPresent(n -> stack.execute(dev.deepwire.model.NoteCommand.change(n, n.withText(text))));
    }

    public void moveNote(String id, double x, double y) {
        graph().note(id).filter(n -> n.x() != x || n.y() != y)
                .ifPresent(n -> stack.execute(dev.deepwire.model.NoteCommand.change(n, n.at(x, y))));
    }

    public void removeNote(String id) {
        graph().note(id).ifPresent(n -> stack.execute(dev.deepwire.model.NoteCommand.remove(n)));
    }

    /** Makes a group from the selected blocks (those not in a group yet); returns its id. */
    public Optional<String> groupSelection(String label) {
        if (refuseWhileLocked()) {
            return Optional.empty();
        }
        List<String> free = selection.stream().filter(id -> graph().groupOf(id).isEmpty()).toList();
        if (free.size() < 2) {
            message.set("Select two or more blocks that are not in a group yet, then group them");
            return Optional.empty();
        }
        String id = graph().freshId("group");
        stack.execute(new dev.deepwire.model.GroupNodesCommand(
                new dev.deepwire.model.NodeGroup(id, label == null || label.isBlank() ? "Group" : label, Set.copyOf(free), false)));
        return Optional.of(id);
    }

    public void ungroup(String groupId) {
        if (refuseWhileLocked()) {
            return;
        }
        stack.execute(new dev.deepwire.model.UngroupCommand(groupId));
    }

    /** Collapses an expanded group into one box, or expands a collapsed one. */
    public void toggleCollapsed(String groupId) {
        if (refuseWhileLocked()) {
            return;
        }
        graph().group(groupId).ifPresent(g -> stack.execute(new dev.deepwire.model.SetGroupCollapsedCommand(groupId, !g.collapsed())));
    }

    /** The groups touched by the selection (a selected block's group). */
    public List<String> selectedGroups() {
        return graph().groups().stream().filter(g -> g.members().stream().anyMatch(selection::contains))
                .map(dev.deepwire.model.NodeGroup::id).toList();
    }

    /** Loads the layout engine ahead of the first Auto-arrange (about a second); call off the UI thread. */
    public static void warmUpAutoArrange(BlockCatalog catalog) {
        AutoArrange.warmUp(catalog);
    }

    /** Lays the whole graph out left to right in layers (one undoable step). */
    public void autoArrange() {
        if (refuseWhileLocked()) {
            return;
        }
        if (graph().nodes().isEmpty()) {
            return;
        }
        Map<String, double[]> positions = AutoArrange.layout(graph(), catalog);
        List<Command> parts = new ArrayList<>();
        positions.forEach((id, xy) -> parts.add(new MoveNodeCommand(id, xy[0], xy[1])));
        stack.execute(new CompoundCommand("Auto-arrange", parts));
        message.set("Arranged " + parts.size() + " blocks left to right");
    }

    /** Ends a drag: moves every dragged node in one undoable step. */
    public void moveNodes(Map<String, double[]> positions) {
        if (refuseWhileLocked()) {
            return;
        }
        List<Command> parts = new ArrayList<>();
        positions.forEach((id, xy) -> {
            Node n = graph().require(id);
            if (n.x() != xy[0] || n.y() != xy[1]) {
                parts.add(new MoveNodeCommand(id, xy[0], xy[1]));
            }
        });
        if (!parts.isEmpty()) {
            stack.execute(parts.size() == 1 ? parts.get(0) : new CompoundCommand("Move " + parts.size() + " blocks", parts));
        }
    }

    /**
     * Sets a parameter after checking it against the block's range.
     *
     * @return the reason it was refused, or empty when it was set
     */
    public Optional<String> setParam(String nodeId, String name, Object value) {
        if (refuseWhileLocked()) {
            return Optional.of("the graph is read-only while training");
        }
        Node node = graph().require(nodeId);
        ParamSpec spec = catalog.require(node.type()).param(name)
                .orElseThrow(() -> new IllegalArgumentException(node.type() + " has no parameter " + name));
        Optional<String> problem = spec.validate(value);
        if (problem.isPresent()) {
            refuse(graph().require(nodeId).label() + ": " + problem.get());
            return problem;
        }
        if (!value.equals(node.param(name))) {
            stack.execute(new SetParamCommand(nodeId, name, value));
        }
        return Optional.empty();
    }

    public void rename(String nodeId, String label) {
        if (refuseWhileLocked()) {
            return;
        }
        String trimmed = label.trim();
        if (!trimmed.isEmpty() && !trimmed.equals(graph().require(nodeId).label())) {
            stack.execute(new RenameNodeCommand(nodeId, trimmed));
        }
    }

    /** The selected blocks (and the wires between them) as text for the clipboard; empty if nothing is selected. */
    public Optional<String> copySelection() {
        return selection.isEmpty() ? Optional.empty() : Optional.of(GraphFragment.copy(graph(), selectedIds()));
    }

    /**
     * Pastes copied blocks shifted by (dx, dy), selecting them; with {@code keepIncoming}, the wires that fed
     * them are re-made. Returns false (and says so) when the text is not a DeepWire fragment.
     */
    public boolean paste(String text, double dx, double dy, boolean keepIncoming) {
        if (refuseWhileLocked()) {
            return false;
        }
        Optional<GraphFragment.Paste> paste = text == null ? Optional.empty()
                : GraphFragment.paste(graph(), text, dx, dy, keepIncoming);
        if (paste.isEmpty()) {
            message.set("Nothing to paste: copy blocks first (Ctrl+C)");
            return false;
        }
        stack.execute(paste.get().command());
        selection.clear();
        selection.addAll(paste.get().newIds());
        message.set(paste.get().command().description());
        return true;
    }

    /**
     * Pastes where it can be seen: beside the copied blocks when that is inside the visible area (canvas
     * coordinates), otherwise in its middle — so a paste into another window, or after scrolling away, lands in view.
     */
    public boolean pasteInView(String text, double minX, double minY, double maxX, double maxY, boolean keepIncoming) {
        Optional<double[]> b = text == null ? Optional.empty() : GraphFragment.bounds(text);
        if (b.isEmpty()) {
            return paste(text, 40, 40, keepIncoming);
        }
        double[] f = b.get();
        boolean inView = f[0] + 40 >= minX && f[1] + 40 >= minY && f[2] + 40 <= maxX && f[3] + 40 <= maxY;
        double dx = inView ? 40 : Math.round((minX + maxX) / 2 - (f[0] + f[2]) / 2);
        double dy = inView ? 40 : Math.round((minY + maxY) / 2 - (f[1] + f[3]) / 2);
        return paste(text, dx, dy, keepIncoming);
    }

    /** Copies and pastes the selection next to itself (without its incoming wires). */
    public void duplicateSelection() {
        copySelection().ifPresent(text -> paste(text, 40, 40, false));
    }

    public void undo() {
        if (refuseWhileLocked()) {
            return;
        }
        if (stack.canUndo()) {
            String what = stack.undoDescription().orElse("");
            stack.undo();
            message.set(what);
        }
    }

    public void redo() {
        if (refuseWhileLocked()) {
            return;
        }
        if (stack.canRedo()) {
            String what = stack.redoDescription().orElse("");
            stack.redo();
            message.set(what);
        }
    }

    public void selectAll() {
        selection.clear();
        graph().nodes().forEach(n -> selection.add(n.id()));
    }

    public void select(String nodeId, boolean add) {
        if (!add) {
            selection.clear();
        }
        selection.add(nodeId);
    }

    /** The single selected node, if exactly one is selected. */
    public Optional<Node> selectedNode() {
        return selection.size() == 1 ? graph().node(selection.iterator().next()) : Optional.empty();
    }

    public Set<String> selectedIds() {
        return Set.copyOf(selection);
    }
}
