package dev.deepwire.ui.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.ModelFit;
import dev.deepwire.inspect.ModelLab;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.training.PreparedRun;
import dev.deepwire.training.RunFolders;
import dev.deepwire.training.RunControl;
import dev.deepwire.training.RunRecord;
import dev.deepwire.training.eval.EvaluationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The evaluation report of each run that ends with a model (finished or stopped): computed in the background on the
 * validation split (and the test split where there is one), added to the run's {@code run.json} under
 * {@code evaluation}, and shown by the evaluation window. A report that arrives after another run took over is dropped.
 */
public final class RunEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Executor background;
    private final Consumer<Runnable> uiThread;
    private final ObjectProperty<EvaluationReport> report = new SimpleObjectProperty<>();
    private final TestSplitReport testSplit;
    private Source source;
    private CompiledNetwork network;
    private DatasetSplits data;
    private Project project;

    /**
     * What a finished run offers for evaluation: its model, its data, its output's type and its folder; {@code inputs}:
     * the kind each of the data's inputs is taken as by the graph's input block (token ids, a vector, …), the one
     * thing that says whether an example's values are token ids to show as their text ({@link ModelLab#example}).
     */
    public record Source(TrainedModel model, DatasetSplits data, String outputType, Path runDir, String project,
                         TrainingSettings settings, List<PortKind> inputs) {
        /** The kinds of {@code network}'s input blocks, in the order its data is bound to them. */
        static List<PortKind> inputs(CompiledNetwork network) {
            return network.inputs().stream().map(i -> i.shape().kind()).toList();
        }

        /** The split evaluated: validation, else test, else training. */
        public Dataset evaluated() {
            return data.validation() != null ? data.validation() : data.test() != null ? data.test() : data.train();
        }

        public String evaluatedName() {
            return data.validation() != null ? "validation" : data.test() != null ? "test" : "training";
        }
    }

    RunEvaluation(Executor background, Consumer<Runnable> uiThread) {
        this.background = background;
        this.uiThread = uiThread;
        this.testSplit = new TestSplitReport(background, uiThread);
    }

    /** The finished run's figures on the test split (ranking figures and neighbours for knowledge graphs). */
    StringProperty testReportProperty() {
        return testSplit.textProperty();
    }

    /** The latest run's report on its validation split (null before one ended with a model). */
    public ObjectProperty<EvaluationReport> reportProperty() {
        return report;
    }

    /** The latest ended run, to evaluate or slim (empty while none has a model). */
    public Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    /** A run of {@code project}'s {@code network} on {@code data} begins (all null: no run is shown). */
    void begin(CompiledNetwork network, DatasetSplits data, Project project) {
        testSplit.begin(network, data);
        this.project = project;
        this.network = network;
        this.data = data;
        source = null;
        report.set(null);
    }

    /**
     * The run (recorded in {@code dir}) ended: evaluates its model in the background and adds the figures to its
     * run.json; a finished run is also scored on the test split. {@code stillCurrent} says whether to show them.
     */
    void ended(RunControl run, Path dir, boolean finished, BooleanSupplier stillCurrent) {
        if (finished) {
            testSplit.score(run, stillCurrent);
        }
        Optional<TrainedModel> model = run == null ? Optional.empty() : TrainedModel.of(run);
        if (model.isEmpty() || network == null || data == null || dir == null) {
            return;
        }
        Source s = new Source(model.get(), data, network.outputs().get(0).blockType(), dir, project.name(),
                project.training(), Source.inputs(network));
        source = s;
        background.execute(() -> {
            EvaluationReport r;
            Map<String, Object> json = new LinkedHashMap<>();
            try {
                r = ModelLab.evaluate(s.model(), s.evaluated(), data.knowledgeGraph(), s.outputType(), s.evaluatedName());
                json.put(s.evaluatedName(), r.toJson());
                if (data.test() != null && data.validation() != null) {
                    json.put("test", ModelLab.evaluate(s.model(), data.test(), data.knowledgeGraph(), s.outputType(), "test")
                            .toJson());
                }
            } catch (RuntimeException e) {
                r = null;
                json.put("problem", "cannot evaluate the model: " + e.getMessage());
            } catch (OutOfMemoryError e) { // a background report: the run and the window stay, the record says why
                r = null;
                json.put("problem", "cannot evaluate the model: not enough memory (" + e.getMessage() + ")");
            }
            record(s.runDir(), json);
            EvaluationReport shown = r;
            uiThread.accept(() -> {
                if (stillCurrent.getAsBoolean()) {
                    report.set(shown);
                }
            });
        });
    }

    /**
     * A kept run's evaluation: what it offers (model, data, folder) and its report; {@code keptGraph}: evaluated with the
     * graph kept in the run's folder, the window's having changed since the run.
     */
    public record Kept(Source source, EvaluationReport report, boolean keptGraph) {
    }

    /**
     * Evaluates a run kept on disk (its model.zip) for {@code project}, on the examples the run held out for validation
     * (its run.json's validation split and seed); slow, so call it off the UI thread. A model that is not the network
     * of the project as it is now (trained before an edit) is evaluated with the graph its run folder kept
     * ({@code project.dwproj}, written as the run began) and the project's data: a run trained, the graph edited, trained
     * again, had its first run refused ("undo the edits made since") though its folder held the graph it trained. Where
     * no graph was kept, or it does not fit the model either (another project's), it is refused with the reason.
     */
    public static Kept evaluateKept(RunHistory.Run run, Project project, Path dataFolder, BlockCatalog catalog)
            throws IOException {
        try {
            return evaluateKept(run, project, project.graph(), dataFolder, catalog, false);
        } catch (GraphChanged e) {
            Optional<dev.deepwire.model.Graph> trained = RunHistory.keptProject(run.dir()).map(Project::graph);
            if (trained.isEmpty()) {
                throw new IOException("the graph is not the one this run trained (" + e.getMessage() + "), and its "
                        + "folder kept no copy of the one it trained; undo the edits made since, or train again");
            }
            try {
                return evaluateKept(run, project, trained.get(), dataFolder, catalog, true);
            } catch (GraphChanged again) {
                throw new IOException("the model is neither the network of the graph now (" + e.getMessage()
                        + ") nor of the one kept in its folder (" + again.getMessage() + ")");
            }
        }
    }

    /** The model does not fit the graph it was loaded for; the message says where. */
    private static final class GraphChanged extends IOException {
        GraphChanged(String where) {
            super(where);
        }
    }

    private static Kept evaluateKept(RunHistory.Run run, Project project, dev.deepwire.model.Graph graph, Path dataFolder,
                                     BlockCatalog catalog, boolean keptGraph) throws IOException {
        TrainingSettings settings = RunHistory.settings(run.dir(), project.training());
        PreparedRun prepared = PreparedRun.of(catalog, graph, project.dataset(), settings, dataFolder);
        if (!prepared.ok()) {
            throw new IOException((keptGraph ? "the graph kept in its folder cannot be prepared with the project's data "
                    + "now: " : "the project cannot be prepared as the run was: ") + prepared.problem());
        }
        CompiledNetwork network = prepared.network();
        Path zip = run.dir().resolve("model.zip");
        TrainedModel model;
        try {
            model = new TrainedModel(ModelFit.load(zip, network, prepared.data().validation()));
        } catch (ModelFit.Mismatch e) {
            throw new GraphChanged(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new IOException("the run kept no model (" + zip.getFileName() + " is missing)");
        } catch (IOException e) {
            throw new IOException(zip + ": " + e.getMessage());
        }
        Source source = new Source(model, prepared.data(), network.outputs().get(0).blockType(), run.dir(), project.name(),
                settings, Source.inputs(network));
        return new Kept(source, ModelLab.evaluate(model, source.evaluated(), prepared.data().knowledgeGraph(),
                source.outputType(), source.evaluatedName()), keptGraph);
    }

    /**
     * Keeps a slimmed copy of {@code source}'s model as a new run beside it ({@code <project>-slim-<time>}): its
     * model.zip, and a run.json saying where it came from, what was done and what it scores, with the source run's
     * settings and steps ({@link RunRecord#writeKept}; it had recorded "0 steps"). The source run is not touched. Returns the new run's folder. A knowledge graph's {@code metric} is its filtered MRR on the evaluated
     * split ({@code ranked}): recorded as that split's MRR, where Runs… and Compare read it, not as an accuracy.
     */
    public static Path keep(Source source, TrainedModel slim, String step, double metric, boolean ranked) throws IOException {
        Path dir = RunFolders.createNew(source.runDir().getParent(), source.project() + "-slim");
        slim.save(dir.resolve("model.zip"));
        Map<String, Object> extra = new LinkedHashMap<>();
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("run", source.runDir().getFileName().toString());
        from.put("step", step);
        extra.put("slimmedFrom", from);
        if (ranked) {
            extra.put("evaluation", Map.of(source.evaluatedName(), Map.of("mrr", metric)));
        }
        // fine-tuned in the lab: it trained that many steps more than its source (the copies keep the counts)
        long tuned = Math.max(0, slim.trainedSteps() - source.model().trainedSteps());
        // the source run's project, file, settings and steps, as its run.json records them (RunRecord's one rule)
        RunRecord.writeKept(dir, source.runDir(), source.project(), null, source.settings(), "slimmed: " + step
                + (tuned > 0 ? String.format(java.util.Locale.ROOT, ", then fine-tuned for %,d steps", tuned) : ""),
                ranked ? Double.NaN : metric, Double.NaN, tuned, slim.trainedSteps(), extra);
        return dir;
    }

    /** Adds {@code evaluation} to the run's run.json (left alone when it cannot be read: the run keeps its record). */
    static void record(Path runDir, Map<String, Object> evaluation) {
        Path file = runDir.resolve("run.json");
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            ObjectNode run = (ObjectNode) RunHistory.record(runDir);
            run.set("evaluation", JSON.valueToTree(evaluation));
            RunHistory.rewrite(runDir, run);
        } catch (IOException | ClassCastException e) {
            // run.json is unreadable or gone: the run's own record is left as it is
        }
    }
}
