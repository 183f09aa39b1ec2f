package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockType;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Node;
import dev.deepwire.model.ParamSpec;
import dev.deepwire.model.Port;
import dev.deepwire.model.PortSpec;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The inspector: the selected block's name, type, formula and help, its shapes and parameter count,
 * its issues, and typed editors for its parameters. A value outside the block's range is refused
 * with the allowed range, and the field goes back to the current value. While a run holds the graph the name,
 * the parameters and the fixes are disabled, as the training settings are: text typed there could not be kept.
 */
public final class Inspector extends ScrollPane {
    private final EditorViewModel vm;
    private final VBox content = new VBox(8);
    /** Blocks whose attention weights the inspector can show. */
    /** The blocks whose attention the attention inspector shows. */
    public static final Set<String> ATTENTION = Set.of("self_attention", "cross_attention", "transformer_block",
            "attention_pool");
    private Consumer<String> onInspectAttention = id -> { };
    /** Blocks that hold an embedding table the projector can draw. */
    private static final Set<String> TABLES = Set.of("token_embedding", "positional_embedding", "entity_embedding",
            "relation_embedding", "distmult_1n", "complex_1n", "kg_mlp_1n");
    private Consumer<String> onProjectEmbeddings = id -> { };

    /** What "Project embeddings…" does for the selected block. */
    public void setOnProjectEmbeddings(Consumer<String> action) {
        onProjectEmbeddings = action;
    }

    /** What "Inspect attention…" does for the selected block. */
    public void setOnInspectAttention(Consumer<String> action) {
        onInspectAttention = action;
    }

    /**
     * Commits the name or setting being typed in the inspector (a field that commits when left or on Enter), so Save
     * and closing keep it: typed and saved with Ctrl+S before leaving the field, it had been left out of the file.
     */
    public void commitOpenEdits() {
        javafx.scene.Node focused = getScene() == null ? null : getScene().getFocusOwner();
        for (javafx.scene.Node n = focused; n != null; n = n.getParent()) {
            if (n == this) {
                if (focused instanceof TextField field && field.getOnAction() != null) {
                    field.getOnAction().handle(new javafx.event.ActionEvent(field, field));
                }
                return;
            }
        }
    }

    public Inspector(EditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("inspector");
        content.setPadding(new Insets(10));
        content.setPrefWidth(250);
        setContent(content);
        setFitToWidth(true);
        vm.selection().addListener((SetChangeListener<String>) c -> {
            refresh();
            setVvalue(0); // another block starts at its top (an edit, below, keeps the place)
        });
        vm.selectedNotes().addListener((SetChangeListener<String>) c -> refresh()); // Select All: "… and 2 notes"
        vm.revisionProperty().addListener((o, a, b) -> refresh());
        vm.analysisProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /**
     * Draws the inspector again (after each edit, selection and analysis), the keyboard left in the control it was in:
     * a value entered with Enter had taken its field away with the old drawing, the focus falling to the window's
     * first button (the toolbar's Save, where Space then saved instead of adding a block).
     */
    private void refresh() {
        String focusedId = focusedControlId();
        int caret = getScene() != null && getScene().getFocusOwner() instanceof TextField f ? f.getCaretPosition() : -1;
        build();
        javafx.scene.Node again = focusedId == null ? null : content.lookup("#" + focusedId);
        if (again != null && !again.isDisabled()) {
            again.requestFocus();
            if (again instanceof TextField f && caret >= 0) {
                f.positionCaret(Math.min(caret, f.getLength())); // where it was, not back at the start
            }
        }
    }

    /** The id of the inspector's control that has the keyboard, if one has. */
    private String focusedControlId() {
        javafx.scene.Node focused = getScene() == null ? null : getScene().getFocusOwner();
        for (javafx.scene.Node n = focused; n != null; n = n.getParent()) {
            if (n == content) {
                return focused.getId();
            }
        }
        return null;
    }

    private void build() {
        content.getChildren().clear();
        Optional<Node> selected = vm.selectedNode();
        if (selected.isEmpty()) {
            Label hint = new Label(vm.selection().isEmpty()
                    ? "Select a block to see and edit its parameters.\n\nAdd blocks by dragging them from the palette, "
                    + "or press Space on the canvas and type a block's name. Wire them by dragging from an output port "
                    + "(right) to an input port (left), or select two blocks (Shift+arrow keys) and press W."
                    : Words.selection(vm.selection().size(), vm.selectedNotes().size(), vm.selectedBoxes()) + " selected");
            hint.setWrapText(true);
            hint.getStyleClass().add("hint");
            String about = vm.project().description();
            if (vm.selection().isEmpty()) {
                // The project's own description (what a teacher reads aloud), above the editing hint; any project can
                // be given one (a new project had no way to write it)
                boolean none = about == null || about.isBlank();
                Label text = wrapped(none ? "No description yet." : about);
                text.setId("project-description");
                if (none) {
                    text.getStyleClass().add("muted");
                }
                javafx.scene.control.Button edit = new javafx.scene.control.Button(none ? "Describe this project…" : "Edit the description…");
                edit.setId("project-describe");
                whileUnlocked(edit);
                edit.setOnAction(e -> DescriptionDialog.ask(getScene() == null ? null : getScene().getWindow(),
                        vm.project().name(), about).ifPresent(vm::setDescription));
                String name = vm.project().name();
                Label aboutHeading = heading("About " + dev.deepwire.limits.ShownName.line(name));
                aboutHeading.setId("project-about");
                // on lines of its own where the panel is narrow: at 1024 x 700 it read "About wordnet-links-sam..."
                aboutHeading.setWrapText(true);
                aboutHeading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                if (dev.deepwire.limits.ShownName.lineIsCut(name)) { // cut: whole on hover (one only escaped is whole)
                    LazyTooltip.install(aboutHeading, () -> dev.deepwire.limits.ShownName.lineHover(name));
                }
                content.getChildren().addAll(aboutHeading, text, edit);
            }
            content.getChildren().add(hint);
            return;
        }
        Node node = selected.get();
        BlockType type = vm.catalog().find(node.type()).orElse(null);
        TextField name = new TextField(node.label());
        name.setId("inspector-name");
        whileUnlocked(name);
        // a blank name is refused: the field shows the name kept, marked, and the status bar says why
        Runnable commitName = () -> {
            if (!vm.graph().contains(node.id())) {
                return;
            }
            if (vm.rename(node.id(), name.getText())) {
                name.getStyleClass().remove("invalid");
            } else {
                name.setText(vm.graph().require(node.id()).label());
                if (!name.getStyleClass().contains("invalid")) {
                    name.getStyleClass().add("invalid");
                }
            }
        };
        name.setOnAction(e -> commitName.run());
        name.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitName.run();
            }
        });
        Label id = new Label("id " + node.id() + (type == null ? "" : " · " + type.label()));
        id.getStyleClass().add("muted");
        content.getChildren().addAll(heading("Block"), name, id);
        hiddenIn(node.id());
        // Problems first, each with its fix where one value fixes it.
        for (Issue issue : vm.analysisProperty().get().issuesOf(node.id())) {
            Label l = wrapped((issue.isError() ? "Error: " : "Warning: ") + Words.named(issue.message(), vm.graph()));
            l.getStyleClass().add(issue.isError() ? "issue-error" : "issue-warn");
            content.getChildren().add(l);
        }
        for (EditorViewModel.QuickFix fix : vm.fixesOf(node.id())) {
            Button apply = new Button(fix.text());
            apply.getStyleClass().add("quick-fix");
            apply.setId("quick-fix-" + fix.param());
            apply.setOnAction(e -> vm.applyFix(fix));
            whileUnlocked(apply);
            content.getChildren().add(apply);
        }
        if (type == null) {
            content.getChildren().add(wrapped("Unknown block type '" + node.type() + "': replace it with a block from the palette."));
            return;
        }
        Label formula = wrapped(Words.formula(type.formula()));
        formula.getStyleClass().add("formula");
        content.getChildren().addAll(formula, wrapped(type.help()));
        if (ATTENTION.contains(type.id())) {
            Button inspect = new Button("Inspect attention…");
            inspect.setId("inspect-attention");
            inspect.setOnAction(e -> onInspectAttention.accept(node.id()));
            content.getChildren().add(inspect);
        }
        if (TABLES.contains(type.id())) {
            Button project = new Button("Project embeddings…");
            project.setId("project-embeddings");
            project.setOnAction(e -> onProjectEmbeddings.accept(node.id()));
            content.getChildren().add(project);
        }
        content.getChildren().add(heading("Shapes"));
        var analysis = vm.analysisProperty().get();
        for (PortSpec in : type.inputs()) {
            // A wire whose source has no shape yet (an entity table's tail_out with its tail id unwired) is still a
            // wire: it had read "not connected" beside the wire drawn into the port.
            String shape = vm.graph().edgeInto(new Port(node.id(), in.name()))
                    .map(e -> analysis.shapes().shapeOf(e).map(Object::toString).orElseGet(() -> "? (from "
                            + vm.graph().node(e.from().nodeId()).map(n -> "\u201c" + dev.deepwire.limits.ShownName.of(n.label()) + "\u201d").orElse(e.from().nodeId())
                            + " " + e.from().name() + ", not known yet)"))
                    .orElse("not connected");
            // a block's one input is named "in": "in: 64 × 24", not "in in: 64 × 24"
            Label line = new Label((in.name().equals("in") ? "in" : "in " + in.name()) + ": " + shape);
            line.setWrapText(true);
            content.getChildren().add(line);
        }
        analysis.shapes().outputOf(node.id()).ifPresent(s -> content.getChildren().add(new Label("out: " + s)));
        content.getChildren().add(new Label(String.format("%,d trainable parameters",
                analysis.shapes().paramCounts().getOrDefault(node.id(), 0L))));
        if (!type.params().isEmpty()) {
            content.getChildren().add(heading("Parameters"));
            GridPane grid = new GridPane();
            grid.setHgap(8);
            grid.setVgap(6);
            int row = 0;
            for (ParamSpec spec : type.params()) {
                Label label = new Label(spec.label());
                label.setTooltip(new Tooltip(spec.help() + " (" + spec.describeAllowed() + ")"));
                grid.add(label, 0, row);
                grid.add(editor(node, spec), 1, row);
                row++;
            }
            content.getChildren().add(grid);
        }
    }

    private Control editor(Node node, ParamSpec spec) {
        Object value = vm.catalog().paramValue(node, spec.name());
        Control control = switch (spec.type()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.TRUE.equals(value));
                box.setOnAction(e -> vm.setParam(node.id(), spec.name(), box.isSelected()));
                yield box;
            }
            case CHOICE -> {
                ComboBox<String> combo = new ComboBox<>();
                combo.getItems().setAll(spec.choices());
                combo.setValue(String.valueOf(value));
                combo.setOnAction(e -> vm.setParam(node.id(), spec.name(), combo.getValue()));
                yield combo;
            }
            case INT, DOUBLE -> numberField(node, spec, value);
        };
        control.setId("param-" + spec.name());
        whileUnlocked(control);
        control.setTooltip(new Tooltip(spec.help() + " (" + spec.describeAllowed() + ")"));
        return control;
    }

    private TextField numberField(Node node, ParamSpec spec, Object value) {
        TextField field = new TextField(String.valueOf(value));
        field.setPrefColumnCount(8);
        Runnable commit = () -> {
            if (!vm.graph().contains(node.id())) {
                return;
            }
            Object parsed = spec.readNumber(field.getText()).orElse(null);
            Optional<String> problem = parsed == null
                    ? Optional.of(spec.notANumber(field.getText()))
                    : vm.setParam(node.id(), spec.name(), parsed);
            if (problem.isPresent()) {
                if (parsed == null) {
                    vm.refuse(dev.deepwire.limits.ShownName.of(node.label()) + ": " + problem.get()); // (setParam says its own refusals)
                }
                field.setText(String.valueOf(vm.catalog().paramValue(node, spec.name())));
                if (!field.getStyleClass().contains("invalid")) {
                    field.getStyleClass().add("invalid");
                }
            } else {
                field.getStyleClass().remove("invalid");
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
        return field;
    }

    /** An editing control takes input only while no run holds the graph (an edit then would be refused and lost). */
    private void whileUnlocked(Control control) {
        control.disableProperty().bind(vm.lockedProperty());
    }

    /**
     * Where a block hidden in a collapsed group is (step mode walks through it; Train names it at fault): said, with
     * a button that expands the group. Collapsed or not is saved with the project, so expanding is an edit (one Undo
     * step) made when asked, never by a step of a walk — a walk's step would have ended step mode and filled Undo.
     */
    private void hiddenIn(String nodeId) {
        vm.graph().groupOf(nodeId).filter(dev.deepwire.model.NodeGroup::collapsed).ifPresent(g -> {
            String group = dev.deepwire.limits.ShownName.of(g.label());
            Label where = wrapped("Hidden inside the collapsed group \u2018" + group + "\u2019 (its box is outlined on the canvas)");
            where.setId("inspector-hidden-in");
            where.getStyleClass().add("issue-warn");
            Button expand = new Button("Expand the group");
            expand.setId("inspector-expand-group");
            whileUnlocked(expand);
            expand.setOnAction(e -> vm.toggleCollapsed(g.id()));
            content.getChildren().addAll(where, expand);
        });
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-heading");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
