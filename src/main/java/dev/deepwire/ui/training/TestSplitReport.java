package dev.deepwire.ui.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.training.RunControl;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The finished run's figures on the test split (ranking figures and neighbours for knowledge graphs), scored in the
 * background because ranking can take seconds; a score that arrives after another run or project took over is dropped.
 */
final class TestSplitReport {
    private final Executor background;
    private final Consumer<Runnable> uiThread;
    private final StringProperty text = new SimpleStringProperty("");
    private CompiledNetwork network;
    private DatasetSplits data;

    TestSplitReport(Executor background, Consumer<Runnable> uiThread) {
        this.background = background;
        this.uiThread = uiThread;
    }

    StringProperty textProperty() {
        return text;
    }

    /** A run of {@code network} on {@code data} begins (both null: no run is shown); the last report goes. */
    void begin(CompiledNetwork network, DatasetSplits data) {
        text.set("");
        this.network = network;
        this.data = data;
    }

    /** Scores the run's model, if it has one and the data a test split; {@code stillCurrent} says whether to show it. */
    void score(RunControl run, BooleanSupplier stillCurrent) {
        var model = run == null ? null : run.model();
        if (model == null || network == null || data == null || (data.test() == null && data.knowledgeGraph() == null)) {
            return;
        }
        text.set("Scoring the test split…");
        RunRecorder.scoreTest(run, network, data, background, report -> uiThread.accept(() -> {
            if (stillCurrent.getAsBoolean()) { // still this project's run
                text.set(report);
            }
        }));
    }
}
