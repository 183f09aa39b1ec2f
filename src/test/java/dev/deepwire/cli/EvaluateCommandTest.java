package dev.deepwire.cli;

import dev.deepwire.testing.SmallMarker;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** deepwire evaluate: the report, its CSV, the pruning table, and one-line refusals. */
class EvaluateCommandTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void evaluatePrintsTheReportWritesItsCsvAndPrunesWithoutTouchingTheModel() throws Exception {
        Path project = SmallMarker.file(dir, "small.dwproj");
        Path model = SmallMarker.trainedModel(project, dir);
        byte[] before = Files.readAllBytes(model);
        console.resetOut();
        Path csv = dir.resolve("report.csv");
        int code = DeepWireCli.execute("evaluate", project.toString(), "--model", model.toString(), "--csv", csv.toString(),
                "--prune", "--sparsities", "0,0.5");
        assertThat(code).isZero();
        String out = console.out();
        assertThat(out).contains("validation split, 100 examples: accuracy").contains("confusion matrix")
                .contains("Lowest recall: ").contains("pruning (validation accuracy").contains("1 head removed")
                .contains("0 % of weights pruned").contains("50 % of weights pruned")
                .containsPattern("Magnitude pruning works on the [0-9,]+ weights of dense, feed-forward and attention "
                        + "matrices, [0-9]+ % of the model's [0-9,]+ parameters");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("class,precision,recall,f1,support");
        assertThat(rows).anyMatch(r -> r.startsWith("macro,")).anyMatch(r -> r.startsWith("true \\ predicted,"));
        assertThat(Files.readAllBytes(model)).as("the model file is never changed").isEqualTo(before);

        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", model.toString(), "--split", "test"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("has no test split; use --split validation");
        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", model.toString(), "--split", "train"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", model.toString(), "--sparsities", "1.5"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", dir.resolve("none.zip").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aModelWithNothingToPruneSaysSoInsteadOfClaimingASharePruned() throws Exception {
        // A 1-N knowledge-graph scorer has no dense, feed-forward or attention matrix: no row may say "90 % pruned"
        // while every weight is still there.
        Path project = Path.of("sample-projects/wordnet-links-distmult.dwproj");
        Path run = dir.resolve("run");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "2", "--out", run.toString())).isZero();
        console.resetOut();
        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", run.resolve("model.zip").toString(),
                "--prune", "--sparsities", "0.5,0.9")).as(console.err()).isZero();
        assertThat(console.out()).contains("Magnitude pruning has nothing to prune here").contains("original")
                .doesNotContain("% of weights pruned");
    }

    @Test
    void aKnowledgeGraphModelIsRankedOnTheSplitAskedForAsTrainRanksItsTestSplit() throws Exception {
        // Evaluating a trained wordnet-links model printed one line, "MRR and hits@k are reported by the
        // link-prediction report", and no figure.
        Path project = Path.of("sample-projects/wordnet-links-distmult.dwproj");
        Path run = dir.resolve("run");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "3", "--out", run.toString())).isZero();
        String trained = console.out();
        String testLine = trained.lines().filter(l -> l.startsWith("test link prediction: filtered MRR")).findFirst()
                .orElseThrow();
        console.resetOut();
        String model = run.resolve("model.zip").toString();
        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", model, "--split", "test"))
                .as(console.err()).isZero();
        assertThat(console.out()).as("the figures train reported for the model it saved").contains(testLine)
                .contains("baselines on the same queries: most frequent tail").contains("per relation (test):")
                .containsPattern("hypernym +[0-9]+ queries  model MRR");
        console.resetOut();
        Path csv = dir.resolve("ranking.csv");
        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", model, "--csv", csv.toString())).isZero();
        assertThat(console.out()).containsPattern("validation link prediction: filtered MRR [0-9.]+, Hits@1 [0-9.]+, "
                + "Hits@3 [0-9.]+, Hits@10 [0-9.]+ over [0-9]+ head and tail queries").contains("per relation (validation):");
        // the CSV holds the ranking (it was a class table with no class in it: header, two empty averages, no figure)
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("ranking,relation,queries,mrr,hits1,hits3,hits10");
        assertThat(rows).anyMatch(r -> r.startsWith("model,all,")).anyMatch(r -> r.startsWith("most frequent,all,"))
                .anyMatch(r -> r.startsWith("model,hypernym,"));
    }

    @Test
    void pruningOptionsWithoutPruneOrWithAShareTwiceAreRefusedBeforeAnyWork() throws Exception {
        Path project = SmallMarker.file(dir, "small.dwproj");
        Path none = dir.resolve("none.zip");
        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", none.toString(), "--fine-tune", "2"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", none.toString(), "--sparsities", "0.5"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", none.toString(), "--prune",
                "--sparsities", "0.5,0.5")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("--fine-tune sets up the pruning table: add --prune")
                .contains("--sparsities sets up the pruning table: add --prune")
                .contains("--sparsities names a share twice: [0.5, 0.5]").doesNotContain("none.zip");
    }

    @Test
    void aModelWhoseParametersAreNotNumbersIsRefusedByNameNotAnInternalError() throws Exception {
        Path project = SmallMarker.file(dir, "small.dwproj");
        Path model = SmallMarker.trainedModel(project, dir);
        ComputationGraph net = ModelSerializer.restoreComputationGraph(model.toFile(), true);
        net.params().assign(Double.NaN); // what a diverged run leaves
        Path diverged = dir.resolve("diverged.zip");
        ModelSerializer.writeModel(net, diverged.toFile(), true);
        for (String command : List.of("evaluate", "walkthrough")) {
            console.resetErr();
            List<String> args = new ArrayList<>(List.of(command, project.toString(), "--model", diverged.toString()));
            if (command.equals("walkthrough")) {
                args.addAll(List.of("--out", dir.resolve("walk").toString()));
            }
            assertThat(DeepWireCli.execute(args.toArray(String[]::new))).as(command).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(console.err()).as(command).contains("diverged.zip holds parameters that are not numbers")
                    .doesNotContain("internal error");
        }
    }

    @Test
    void aModelOfTheProjectBeforeItsSequenceLengthChangedIsRefusedNotAnInternalError() throws Exception {
        // sinusoidal positions have no parameters: the counts match, the shapes do not
        String json = java.nio.file.Files.readString(SmallMarker.file(dir, "base.dwproj"))
                .replace("\"mode\": \"learned\"", "\"mode\": \"sinusoidal\"");
        Path before = java.nio.file.Files.writeString(dir.resolve("before.dwproj"), json);
        Path model = SmallMarker.trainedModel(before, dir);
        Path after = java.nio.file.Files.writeString(dir.resolve("after.dwproj"),
                json.replace("\"length\": 24", "\"length\": 30"));
        for (String command : List.of("evaluate", "ablate")) {
            console.resetErr();
            assertThat(DeepWireCli.execute(command, after.toString(), "--model", model.toString())).as(command)
                    .isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(console.err()).as(command).contains("was not trained from " + after + " as it is now")
                    .contains("length: 30 in the project, 24 in the model").doesNotContain("internal error");
        }
    }

    @Test
    void aModelWithAnotherNumberOfHeadsIsRefusedThoughItsParameterCountsMatch() throws Exception {
        Path project = SmallMarker.file(dir, "four.dwproj");
        Path model = SmallMarker.trainedModel(project, dir);
        Path two = java.nio.file.Files.writeString(dir.resolve("two.dwproj"),
                java.nio.file.Files.readString(project).replace("\"heads\": 4", "\"heads\": 2"));
        assertThat(DeepWireCli.execute("evaluate", two.toString(), "--model", model.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("its block 'attn' is set differently").contains("2 in the project, 4 in the model");
        console.resetErr();
        // the training settings are not the network: another learning rate or seed still evaluates
        Path rate = java.nio.file.Files.writeString(dir.resolve("rate.dwproj"), java.nio.file.Files.readString(project)
                .replace("\"learningRate\": 0.001", "\"learningRate\": 0.01").replace("\"seed\": 42", "\"seed\": 5"));
        assertThat(DeepWireCli.execute("evaluate", rate.toString(), "--model", model.toString())).as(console.err()).isZero();
    }

    @Test
    void aModelOfAProjectWithTransformerBlocksLoadsForEvaluateAndInspect() throws Exception {
        // A transformer block expands into several vertices: its parameters are counted over all of them.
        Path project = Path.of("sample-projects/word-language.dwproj");
        Path run = dir.resolve("run");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "2", "--out", run.toString())).isZero();
        Path model = run.resolve("model.zip");
        console.resetOut();
        assertThat(DeepWireCli.execute("evaluate", project.toString(), "--model", model.toString(), "--split", "test")).isZero();
        assertThat(console.out()).contains("test split, 2,000 examples").contains("spanish");
        assertThat(DeepWireCli.execute("inspect", project.toString(), "--model", model.toString(), "--node", "block1",
                "--csv", dir.resolve("w.csv").toString())).isZero();
    }
}
