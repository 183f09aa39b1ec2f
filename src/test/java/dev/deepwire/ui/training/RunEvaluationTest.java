package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunState;
import dev.deepwire.training.eval.EvaluationReport;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every workbench run that ends with a model has its evaluation report in run.json and for the window. */
class RunEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void aFinishedRunsReportIsInRunJsonAndMatchesTheValidationAccuracy() throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(),
                SmallMarker.project(Map.of("train", 256, "validation", 64)), Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        assertThat(vm.start(new TrainingSettings(2, 32, "adam", 1e-3, 42, 0, 0))).isTrue();
        vm.drain();
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FINISHED);

        EvaluationReport report = vm.evaluation().reportProperty().get();
        assertThat(report).as("evaluated in the background (inline here)").isNotNull();
        assertThat(report.examples()).isEqualTo(64);
        assertThat(report.perClass().stream().mapToLong(EvaluationReport.ClassFigures::support).sum()).isEqualTo(64);
        JsonNode run = new ObjectMapper().readTree(vm.runDir().orElseThrow().resolve("run.json").toFile());
        JsonNode evaluation = run.path("evaluation").path("validation");
        assertThat(evaluation.path("accuracy").asDouble())
                .as("the report's accuracy is the run's final validation accuracy")
                .isCloseTo(run.path("validationAccuracy").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(evaluation.path("perClass").size()).isEqualTo(report.classes().size());
        assertThat(evaluation.path("confusionMatrix").size()).isEqualTo(report.classes().size());
        assertThat(run.path("outcome").asText()).as("run.json keeps its own record").startsWith("finished");
        assertThat(vm.evaluation().source()).isPresent();
    }

    @Test
    void aKnowledgeGraphsSlimmedModelIsKeptWithItsMrrWhereRunsReadIt() throws Exception {
        TrainingViewModel vm = LossNoteTest.trained(LossNoteTest.ring(dir, "mrr"), dir);
        RunEvaluation.Source source = vm.evaluation().source().orElseThrow();
        Path kept = RunEvaluation.keep(source, source.model(), "2 heads removed", 0.4321, true);
        RunHistory.Run run = RunHistory.read(kept);
        assertThat(run.validationMrr()).as("Runs… and Compare read it as the validation MRR").isEqualTo(0.4321);
        assertThat(run.validationAccuracy()).as("not as an accuracy").isNaN();
        Path accuracy = RunEvaluation.keep(source, source.model(), "2 heads removed", 0.75, false);
        assertThat(RunHistory.read(accuracy).validationAccuracy()).isEqualTo(0.75);
    }

    /**
     * A slimmed copy was listed with "0 steps", and one fine-tuned in the lab said nothing of it: it records the steps
     * its source run trained, plus those it was fine-tuned for, and says it was fine-tuned.
     */
    @Test
    void aSlimmedCopyRecordsItsSourcesStepsAndItsFineTuning() throws Exception {
        TrainingViewModel vm = LossNoteTest.trained(LossNoteTest.ring(dir, "mrr"), dir);
        RunEvaluation.Source source = vm.evaluation().source().orElseThrow();
        long trained = RunHistory.read(source.runDir()).steps();
        assertThat(trained).isPositive();
        Path kept = RunEvaluation.keep(source, source.model(), "2 heads removed", 0.4321, true);
        assertThat(RunHistory.read(kept).steps()).isEqualTo(trained);
        assertThat(RunHistory.read(kept).outcome()).isEqualTo("slimmed: 2 heads removed");

        var tuned = dev.deepwire.training.ModelCopy.of(source.model().network());
        tuned.getConfiguration().setIterationCount(tuned.getConfiguration().getIterationCount() + 30); // as fine-tuning counts
        Path fineTuned = RunEvaluation.keep(source, new dev.deepwire.inspect.TrainedModel(tuned), "50 % of weights pruned",
                0.4, true);
        assertThat(RunHistory.read(fineTuned).steps()).isEqualTo(trained + 30);
        assertThat(RunHistory.read(fineTuned).outcome()).isEqualTo("slimmed: 50 % of weights pruned, then fine-tuned for 30 steps");
    }

    @Test
    void withAValidationSplitTheReportUsesTheExamplesTheRunHeldOut() throws Exception {
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(),
                SmallMarker.project(Map.of("train", 200, "validation", 64)), Runnable::run, Runnable::run);
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run, () -> dir);
        assertThat(vm.start(new TrainingSettings(2, 32, "adam", 1e-3, 42, 0, 0).withValidationSplit(0.3))).isTrue();
        vm.drain();
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FINISHED);

        EvaluationReport report = vm.evaluation().reportProperty().get();
        assertThat(report.split()).isEqualTo("validation");
        assertThat(report.examples()).as("30 % of the 200 training examples, not the dataset's own 64").isEqualTo(60);
        JsonNode run = new ObjectMapper().readTree(vm.runDir().orElseThrow().resolve("run.json").toFile());
        assertThat(run.path("evaluation").path("validation").path("accuracy").asDouble())
                .as("the window's figure is the dock's figure")
                .isCloseTo(run.path("validationAccuracy").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(run.path("settings").path("validationSplit").asDouble()).isEqualTo(0.3);
    }

    @Test
    void anUnreadableRunJsonIsLeftAsItWas() throws Exception {
        Files.writeString(dir.resolve("run.json"), "{ not json");
        RunEvaluation.record(dir, Map.of("validation", Map.of("accuracy", 0.5)));
        assertThat(Files.readString(dir.resolve("run.json"))).isEqualTo("{ not json");
    }
}
