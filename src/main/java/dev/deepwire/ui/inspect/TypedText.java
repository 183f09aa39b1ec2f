package dev.deepwire.ui.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.ProbeImages;
import dev.deepwire.inspect.TypedProbe;
import dev.deepwire.training.RunState;
import java.util.function.Consumer;

/**
 * The attention inspector's typed text: what is typed in its box, shown as a probe of its own ({@link TypedProbe})
 * computed on the model at rest; whether the inspector followed the run before (Resume, or clearing the text, follows
 * again); and text typed while the run went on, which waits until the run pauses or ends (the status line says so).
 */
final class TypedText {
    static final String WAITS = "Typed text is shown when training is paused or has ended \u2014 press Pause";
    private final InspectorControls ui;
    private final InspectorModel model;
    private final AttentionSession session;
    private final RestingCaptures captures;
    private final Runnable refresh;
    private final Consumer<Runnable> quietly;
    private TypedProbe probe;
    /** Whether the inspector followed the run before text was typed (Resume or clearing the text follows again). */
    private boolean followBefore;
    /** Text was typed while the run went on: it is shown when the run pauses or ends, and the status line says so. */
    private boolean waiting;

    /**
     * @param refresh  redraws the inspector (picks the map to show)
     * @param quietly  moves a control as the inspector itself does, not taken as the user's move
     */
    TypedText(InspectorControls ui, InspectorModel model, AttentionSession session, RestingCaptures captures,
              Runnable refresh, Consumer<Runnable> quietly) {
        this.ui = ui;
        this.model = model;
        this.session = session;
        this.captures = captures;
        this.refresh = refresh;
        this.quietly = quietly;
    }

    /** The typed text's probe while it is on show or was last shown (null: none). */
    TypedProbe probe() {
        return probe;
    }

    /** Whether typed text waits for the run to rest. */
    boolean waiting() {
        return waiting;
    }

    /** Listens to the box: Enter shows the text, clearing it leaves it. */
    void listen() {
        ui.typed.setOnAction(e -> show(ui.typed.getText()));
        ui.typed.textProperty().addListener((o, a, b) -> {
            if (b.isBlank()) {
                waiting = false;
            }
            if (b.isBlank() && model.typed() != null) {
                stop();
            }
        });
    }

    /** The run's phase is {@code now}: Resume leaves typed text and follows again; a run at rest shows waiting text. */
    void phaseChanged(RunState now) {
        if (now == RunState.RUNNING && model.typed() != null && followBefore) {
            ui.typed.clear(); // Resume after looking at typed text: follow the run again, box and map agree
            stop();
        }
        if (now != RunState.RUNNING && now != RunState.STARTING && waiting) {
            show(ui.typed.getText()); // typed while the run went on: shown now that it rests
        }
    }

    /** Leaves typed text: its map goes, and following resumes if it was on before. */
    void stop() {
        model.setTyped(null);
        probe = null;
        if (followBefore && !ui.live.isSelected()) {
            ui.live.setSelected(true); // refreshes
        } else {
            refresh.run();
        }
    }

    void show(String text) {
        waiting = false;
        Dataset examples = session.probeProperty().get();
        if (text == null || text.isBlank() || ui.node.getValue() == null || examples == null) {
            return;
        }
        if (captures.model().isEmpty()) {
            waiting = true;
            ui.status.setText(WAITS);
            return;
        }
        int qi = session.layout().inputsOf(ui.node.getValue())[0];
        if (!ProbeImages.isTokens(examples, qi)) {
            ui.status.setText("This block's queries are not tokens; typed text does not apply.");
            return;
        }
        TypedProbe t;
        try {
            t = TypedProbe.of(examples, ui.example.getValue(), qi, text);
        } catch (IllegalArgumentException e) {
            ui.status.setText("Typed text: " + e.getMessage()); // the map shown stays what it was
            return;
        }
        captures.capture(ui.node.getValue(), -1, t.example(), s -> {
            if (model.typed() == null) {
                followBefore = ui.live.isSelected();
            }
            probe = t;
            model.setTyped(s);
            if (ui.live.isSelected()) {
                quietly.accept(() -> ui.live.setSelected(false)); // typed text is not the run: stop following until Resume or Follow
            }
            refresh.run();
        });
    }
}
