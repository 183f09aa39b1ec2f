package dev.deepwire.ui.step;

import dev.deepwire.inspect.walk.Numbers;
import dev.deepwire.inspect.walk.Step;
import dev.deepwire.inspect.walk.Walkthrough;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The current block's panel in step mode: its name, formula, the formula filled in with this example's numbers, and
 * the controls — previous and next, which example (or typed input), which position and head the formula shows, the
 * way back and export.
 */
final class StepPanel extends VBox {
    final Label title = new Label();
    final Label formula = new Label();
    final Label lines = new Label();
    final Button previous = new Button("← Previous");
    final Button next = new Button("Next →");
    final Spinner<Integer> example = new Spinner<>(0, 0, 0);
    final Spinner<Integer> position = new Spinner<>(0, 4095, 0);
    final Spinner<Integer> head = new Spinner<>(0, 63, 0);
    final TextField typed = new TextField();
    final Label exampleLabel = new Label("Example");
    private final Label positionLabel = new Label("Position");
    private final Label headLabel = new Label("Head");
    final Button gradients = new Button("Show gradients");
    final Button export = new Button("Export…");
    final Button close = new Button("Leave step mode");
    /**
     * Why the text typed was not walked, under the box and wrapped within the panel: said only in the status bar, it
     * was cut at 1024 px before "such as …" (the words the model knows), and the box's tooltip needed a hover.
     */
    final Label refused = new Label();
    /** The attention step's softmax row as cells over the keys (shown for attention blocks only). */
    final HBox row = new HBox(1);
    /** The attention step whose row is on show (drawn again when the panel's width changes), or null. */
    private dev.deepwire.inspect.walk.AttentionStep rowShown;
    /** The step's text, which scrolls inside the panel. */
    private final javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane();

    StepPanel() {
        setId("step-panel");
        title.setId("step-title");
        formula.setId("step-formula");
        lines.setId("step-lines");
        previous.setId("step-previous");
        next.setId("step-next");
        example.setId("step-example");
        position.setId("step-position");
        head.setId("step-head");
        typed.setId("step-text");
        close.setId("step-close");
        gradients.setId("step-gradients");
        export.setId("step-export");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.077em; -fx-text-fill: #fde725;");
        formula.setStyle("-fx-text-fill: #d7dae0;");
        formula.setWrapText(true);
        lines.setStyle("-fx-font-family: monospace; -fx-text-fill: #d7dae0;");
        lines.setWrapText(true);
        for (Spinner<Integer> s : java.util.List.of(example, position, head)) {
            s.setPrefWidth(72);
            // whole numbers typed (a sentence typed had thrown on the JavaFX thread and stayed in the box)
            dev.deepwire.ui.controls.Spinners.wholeNumbers(s, 6);
        }
        typed.setPromptText("type input, Enter");
        typed.setPrefColumnCount(14);
        FlowPane nav = new FlowPane(6, 6, previous, next, gradients, export, close); // rows wrap on a narrow canvas
        // ← → on these buttons step, as on the canvas: they never carry the keyboard from Next onto Leave step mode
        dev.deepwire.ui.controls.FocusHome.arrowsGoHome(nav);
        exampleLabel.setId("step-example-label");
        FlowPane choice = new FlowPane(6, 6, exampleLabel, example, positionLabel, position, headLabel, head, typed);
        nav.setAlignment(Pos.CENTER_LEFT);
        choice.setAlignment(Pos.CENTER_LEFT);
        // one line (cut with "…", whole in its tooltip): wrapped onto a second line it pushed Next down, so repeated
        // clicks on Next missed it from the step whose title was long
        title.setWrapText(false);
        title.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(title.textProperty());
        title.setTooltip(whole);
        title.setMinWidth(0);
        choice.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> n.setStyle("-fx-text-fill: #d7dae0;"));
        row.setId("step-softmax-row");
        // the row never holds the text wider than the panel: its 24 cells of 30 px held every line of a 1024 x 700
        // window's panel 730 px wide, cut at its right edge; the cells take the panel's width instead
        row.setMinWidth(0);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (Math.abs(a.getWidth() - b.getWidth()) > 0.5) {
                showRow(rowShown);
            }
        });
        // Navigation right under the title: on a small screen the panel can be taller than the canvas, and
        // Next / Previous must stay reachable.
        // The step's text scrolls inside the panel, whose height the canvas sets (StepOverlay): the buttons stay put.
        VBox body = new VBox(6, formula, lines, row);
        scroll.setContent(body);
        scroll.setId("step-body");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        scroll.setMinHeight(40);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        refused.setId("step-refused");
        refused.setWrapText(true);
        refused.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every line of it, the step's text gives way
        refused.setStyle("-fx-text-fill: #ff9e80;");
        refuse(null);
        getChildren().addAll(title, nav, scroll, choice, refused);
        setSpacing(6);
        setPadding(new Insets(10));
        setMaxWidth(760);
        setPrefWidth(760);
        // opaque: a note and the minimap under it had shown through behind the step's text
        setStyle("-fx-background-color: rgb(27,29,34); -fx-background-radius: 6; -fx-border-color: #3a3f4b;"
                + " -fx-border-radius: 6;");
        setVisible(false);
        // a click on the panel (its greyed Next at the last step, its text) stays on it: passed on to the canvas
        // below, it chose nothing there and the block explained was deselected
        for (var type : java.util.List.of(javafx.scene.input.MouseEvent.MOUSE_PRESSED,
                javafx.scene.input.MouseEvent.MOUSE_RELEASED, javafx.scene.input.MouseEvent.MOUSE_CLICKED)) {
            addEventHandler(type, javafx.event.Event::consume);
        }
        addEventHandler(javafx.scene.input.ScrollEvent.SCROLL, javafx.event.Event::consume);
    }

    /** Says why the text typed was not walked, and marks its box; null: it was walked (or nothing was refused). */
    void refuse(String reason) {
        refused.setText(reason == null ? "" : "Not walked: " + reason);
        refused.setVisible(reason != null);
        refused.setManaged(reason != null);
        typed.getStyleClass().removeAll("invalid");
        if (reason != null) {
            typed.getStyleClass().add("invalid");
        }
    }

    /** One cell per key, coloured by its weight (viridis, 0 to 1), with the key and weight below. */
    private void showRow(dev.deepwire.inspect.walk.AttentionStep a) {
        rowShown = a;
        row.getChildren().clear();
        row.setVisible(a != null);
        row.setManaged(a != null);
        if (a == null) {
            return;
        }
        // the width the text has (730 before the panel is laid out)
        double room = scroll.getViewportBounds().getWidth() > 0 ? scroll.getViewportBounds().getWidth() - 2 : 730;
        // whole pixels, a cell and its 1 px gap each: n cells take n·w − 1
        double w = Math.max(14, Math.min(46, Math.floor((room + 1) / a.softmax().length)));
        for (int j = 0; j < a.softmax().length; j++) {
            javafx.scene.shape.Rectangle cell = new javafx.scene.shape.Rectangle(w - 1, 18,
                    javafx.scene.paint.Color.web(String.format("#%06x", dev.deepwire.inspect.Viridis.rgb(a.softmax()[j]))));
            Label key = new Label(a.keys().get(j));
            key.setStyle("-fx-text-fill: " + (j == a.position() && a.keys().get(j).equals(a.queryLabel()) ? "#fde725" : "#9aa0aa") + "; -fx-font-size: 9px;");
            key.setMaxWidth(w - 1);
            VBox box = new VBox(1, cell, key);
            javafx.scene.control.Tooltip.install(box, new javafx.scene.control.Tooltip(a.keys().get(j) + ": a = "
                    + Numbers.of(a.softmax()[j]) + ", score = " + Numbers.of(a.scores()[j])));
            row.getChildren().add(box);
        }
    }

    /**
     * Which example, as step {@code index} says it: a typed one's notes (how it was padded to the input's length) in full
     * at the first step only, the later ones keeping what was typed and that it has no true label — repeated at every
     * step its three lines at 1024 x 700 pushed the self-attention step's softmax row out of the panel.
     */
    static String exampleLine(String example, int index) {
        int notes = example.indexOf("; ", Math.max(0, example.lastIndexOf("\" in place of "))); // after what was typed
        int last = example.lastIndexOf("; ");
        return index == 0 || notes < 0 || notes == last ? example
                : example.substring(0, notes) + example.substring(last) + " (padding: see step 1)";
    }

    private static String upper(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Shows a step going forward, or on the way back ({@code back}). */
    void show(Walkthrough walk, int index, boolean back) {
        Step s = walk.steps().get(index);
        String where = back ? "Back at " + (index + 1) + " of " + walk.steps().size() : "Step " + (index + 1) + " of " + walk.steps().size();
        title.setText(where + " · " + s.label() + " (" + s.blockType() + ")");
        formula.setText(s.formula());
        lines.setText(linesOf(walk, index, back));
        showRow(back ? null : s.attention());
        previous.setDisable(back ? index == walk.steps().size() - 1 : index == 0);
        next.setDisable(back ? index == 0 : index == walk.steps().size() - 1);
        if (walk != walkShown || back != backShown) {
            walkShown = walk;
            backShown = back;
            measured = 0;
            requestLayout(); // the panel's height follows this walk's tallest step (computePrefHeight)
        }
    }

    /** The step's lines under its formula: its numbers (or gradient norms on the way back), then which example. */
    private static String linesOf(Walkthrough walk, int index, boolean back) {
        Step s = walk.steps().get(index);
        StringBuilder text = new StringBuilder();
        if (back) {
            text.append("loss for this example = ").append(Numbers.of(walk.backward().loss())).append('\n');
            walk.backward().wires().stream().filter(w -> w.toNode().equals(s.nodeId())).forEach(w -> text.append("‖∂L/∂x‖ on ")
                    .append(w.shown()).append(" = ").append(Double.isNaN(w.norm()) ? "— (ids)" : Numbers.of(w.norm())).append('\n'));
            Double own = walk.backward().blocks().get(s.nodeId());
            if (own != null) {
                text.append("‖∂L/∂θ‖ of its parameters = ").append(Numbers.of(own)).append('\n');
            }
        } else {
            s.lines().forEach(l -> text.append(l).append('\n'));
        }
        // which example, after the step's own lines (the title is one line): typed input says what was read of it and
        // that it has no true label. First, its three wrapped lines had filled a 1024 x 700 panel above the prediction
        text.append(upper(exampleLine(walk.example(), index)));
        return text.toString().strip();
    }

    /** The walk on show and its direction, whose tallest step sizes the panel. */
    private Walkthrough walkShown;
    private boolean backShown;

    /**
     * As tall as the tallest step of the walk on show needs at {@code width} (every step's text whole, measured as it
     * wraps), so that the panel neither clips a long step nor leaves empty room under a short walk, and keeps one height
     * (Next where it was) from step to step; the canvas caps it at what it can give ({@code StepOverlay}), the text
     * scrolling inside beyond that. It had taken a fixed share of the canvas whatever the walk held.
     */
    @Override
    protected double computePrefHeight(double width) {
        if (walkShown == null || width <= 0) {
            return super.computePrefHeight(width);
        }
        if (width == measuredWidth && measured > 0) {
            return measured; // measured once for the walk: the title above the text differs from step to step, and
            // measured again with each step's title, the panel had moved by a pixel between steps
        }
        double inner = width - snappedLeftInset() - snappedRightInset();
        double chrome = snappedTopInset() + snappedBottomInset();
        int shown = 0;
        for (javafx.scene.Node n : getChildren()) {
            if (n.isManaged() && n != scroll) {
                chrome += n.prefHeight(inner);
                shown++;
            }
        }
        chrome += getSpacing() * shown + scroll.snappedTopInset() + scroll.snappedBottomInset();
        double textWidth = inner - scroll.snappedLeftInset() - scroll.snappedRightInset() - 14; // a scroll bar's room
        double tallest = 0;
        for (int i = 0; i < walkShown.steps().size(); i++) {
            Step s = walkShown.steps().get(i);
            double h = wrapped(s.formula(), formula.getFont(), textWidth) + 6
                    + wrapped(linesOf(walkShown, i, backShown), lines.getFont(), textWidth);
            if (!backShown && s.attention() != null) {
                h += 6 + 34; // the softmax row: its cells and their keys
            }
            tallest = Math.max(tallest, h);
        }
        measuredWidth = width;
        measured = Math.ceil(chrome + tallest * 1.05 + 4); // a little over: a label breaks lines a little earlier than Text
        return measured;
    }

    /** The height measured for the walk on show, at {@link #measuredWidth} (0: not measured yet). */
    private double measured;
    private double measuredWidth;

    /** The height of {@code text} in {@code font} wrapped at {@code width}. */
    private static double wrapped(String text, javafx.scene.text.Font font, double width) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        t.setWrappingWidth(Math.max(1, width));
        return t.getLayoutBounds().getHeight();
    }

    /**
     * The box for typed input only where the network has a token input to put it in: in an image network, text typed
     * there had ended step mode with "typed input needs a token input".
     */
    void choicesFor(boolean tokens) {
        shown(tokens, typed);
    }

    /**
     * Position and Head only where they choose something (a sequence, an attention block): stepping a CNN on digits
     * offered both, and changing them changed nothing.
     */
    void axesFor(Walkthrough walk) {
        shown(walk.hasPositions(), positionLabel, position);
        shown(walk.hasHeads(), headLabel, head);
    }

    /**
     * Names the example chosen in Evaluate and Prune in place of the Example box: the walk repeats that example, and
     * the box had said 0 (offering 0 to 7, all the same example) above "Validation example 19".
     */
    void chosenExample(java.util.OptionalInt chosen) {
        exampleLabel.setText(chosen.isPresent() ? "Validation example " + chosen.getAsInt() + " (chosen in Evaluate)"
                : "Example");
        shown(chosen.isEmpty(), example);
    }

    private static void shown(boolean on, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.setVisible(on);
            n.setManaged(on);
        }
    }

    /**
     * Show gradients works from any step on the way forward: it goes to the output and back from there (it had been
     * greyed, without a word why, on every step but the last). Typed input has no true label to go back from, and the
     * button says so rather than only greying.
     */
    void gradientsFor(boolean labelled, boolean back) {
        gradients.setText(labelled ? "Show gradients" : "No gradients: typed input has no true label");
        gradients.setDisable(back || !labelled);
    }
}
