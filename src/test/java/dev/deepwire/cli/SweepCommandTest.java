package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.sweep.SweepExecutors;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    private List<Path> runFolders() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFourRunSweepBringsBackFourRunsWithTheirSettingsAndMetricsAndARerunSkipsThem() throws Exception {
        Path project = SmallMarker.file(dir, "marker.dwproj");
        Path out = dir.resolve("sweeps/lr");

        int code = DeepWireCli.execute("sweep", project.toString(), "--param", "training.learningRate=0.001,0.01",
                "--seeds", "2", "--max-steps", "4", "--parallel", "2", "--out", out.toString());

        assertThat(code).as(console.out() + console.err()).isZero();
        List<Path> runs = runFolders();
        assertThat(runs).hasSize(4);
        assertThat(console.out()).contains("the sweep's 4 run folders are in");
        Set<String> seen = new HashSet<>();
        for (Path run : runs) {
            JsonNode j = JSON.readTree(run.resolve("run.json").toFile());
            assertThat(j.path("status").asText()).isEqualTo("FINISHED");
            String lr = j.path("swept").path("training.learningRate").asText();
            String seed = j.path("swept").path("seed").asText();
            seen.add(lr + "/" + seed);
            assertThat(j.path("settings").path("learningRate").asDouble()).isEqualTo(Double.parseDouble(lr));
            assertThat(j.path("settings").path("seed").asText()).isEqualTo(seed);
            assertThat(j.path("steps").asLong()).isEqualTo(4);
            assertThat(j.path("metrics").path("selection").asText()).isEqualTo("validation loss");
            assertThat(j.path("metrics").path("selectionValue").asDouble()).isPositive();
            assertThat(j.path("validationAccuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(Files.readAllLines(run.resolve("metrics.csv")).get(0)).isEqualTo("step,epoch,train_loss,val_loss,val_accuracy,val_mrr");
            assertThat(run.resolve("model.zip")).isNotEmptyFile();
        }
        assertThat(seen).containsExactlyInAnyOrder("0.001/42", "0.001/43", "0.01/42", "0.01/43");
        assertThat(console.out()).contains("runs, best first by validation loss:")
                .contains("training.learningRate=0.01, seed=43  FINISHED  validation loss");
        List<Double> table = new ArrayList<>();
        for (String line : console.out().split("\n")) {
            if (line.matches("\\s+[1-4]\\s+.*FINISHED.*")) {
                table.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        assertThat(table).hasSize(4).isSorted();
        JsonNode sweep = JSON.readTree(out.resolve("sweep.json").toFile());
        assertThat(sweep.path("runs")).hasSize(4).allMatch(r -> r.path("status").asText().equals("FINISHED"));

        console.reset();
        assertThat(DeepWireCli.execute("sweep", project.toString(), "--param", "training.learningRate=0.001,0.01",
                "--seeds", "2", "--max-steps", "4", "--out", out.toString())).isZero();
        assertThat(console.out()).contains("4 runs (0 to run)");
        assertThat(console.out().lines().filter(l -> l.startsWith("skipping finished run"))).hasSize(4);
        assertThat(runFolders()).isEqualTo(runs);
    }

    @Test
    void aValueThatBreaksTheGraphIsAFailedRunWithItsReasonAndTheSweepGoesOn() throws Exception {
        Path project = SmallMarker.file(dir, "marker.dwproj");

        int code = DeepWireCli.execute("sweep", project.toString(), "--param", "attn.heads=2,3", "--max-steps", "2",
                "--parallel", "1");

        assertThat(code).as(console.out() + console.err()).isEqualTo(ExitCodes.INVALID);
        assertThat(console.out()).containsPattern("attn.heads=3, seed=42  FAILED: .*heads")
                .contains("attn.heads=2, seed=42  FINISHED").contains("1 of 2 runs FAILED")
                .contains("deepwire sweep --resume");
        Path failed = runFolders().stream().filter(r -> r.toString().endsWith("-2")).findFirst().orElseThrow();
        JsonNode j = JSON.readTree(failed.resolve("run.json").toFile());
        assertThat(j.path("status").asText()).isEqualTo("FAILED");
        assertThat(j.path("reason").asText()).contains("heads");
        assertThat(j.path("swept").path("attn.heads").asText()).isEqualTo("3");

        // resumed: the finished run is skipped, the failed one runs again (and fails again, for the same reason)
        Path sweepDir;
        try (Stream<Path> s = Files.list(dir.resolve("sweeps"))) {
            sweepDir = s.findFirst().orElseThrow();
        }
        Path finishedModel = runFolders().get(0).resolve("model.zip");
        long before = Files.getLastModifiedTime(finishedModel).toMillis();
        console.reset();
        assertThat(DeepWireCli.execute("sweep", "--resume", sweepDir.toString(), "--parallel", "1"))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(console.out()).containsPattern("skipping finished run marker-sweep-[0-9-]+-1\\n")
                .containsPattern("rerunning failed run marker-sweep-[0-9-]+-2 \\(.*heads")
                .contains("2 runs (1 to run)");
        assertThat(Files.getLastModifiedTime(finishedModel).toMillis()).isEqualTo(before);
    }

    @Test
    void badArgumentsStopTheSweepBeforeAnythingRunsWithExitCode2() throws Exception {
        Path project = SmallMarker.file(dir, "marker.dwproj");
        assertThat(DeepWireCli.execute("sweep", project.toString(), "--param", "attn.hedas=2")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("attn.hedas").contains("heads");
        console.reset();
        assertThat(DeepWireCli.execute("sweep", project.toString(), "--param", "training.batchSize=16,lots"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("training.batchSize=lots");
        console.reset();
        if (!SweepExecutors.sparkPresent()) { // the Spark build (-Pspark) runs such a sweep: SparkSweepExecutorTest
            assertThat(DeepWireCli.execute("sweep", project.toString(), "--param", "training.learningRate=0.001",
                    "--master", "local[2]")).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(console.err()).contains("this build has no Spark").contains("mvn -Pspark package");
            console.reset();
        }
        assertThat(DeepWireCli.execute("sweep", "--resume", dir.resolve("nothing").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("sweep.json");
        assertThat(dir.resolve("runs")).doesNotExist();
        assertThat(dir.resolve("sweeps")).doesNotExist();
    }

    @Test
    void anOutThatIsAFileALinkToNothingOrAFolderOfOtherFilesIsRefusedBeforeAnythingRuns() throws Exception {
        Path project = SmallMarker.file(dir, "marker.dwproj");
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        Path unrelated = Files.createDirectories(dir.resolve("unrelated/run1"));
        Files.writeString(unrelated.resolve("metrics.csv"), "theirs");
        String[][] cases = {
            {file.toString(), "is a file, not a folder"},
            {dangling.toString(), "is a link to nothing"},
            {unrelated.getParent().toString(), "already holds files (run1"},
            {dir.resolve("runs/mine").toString(), "inside the project's runs folder"},
            {Files.createSymbolicLink(dir.resolve("to-runs"), Files.createDirectories(dir.resolve("runs/x")))
                    .resolve("mine").toString(), "inside the project's runs folder"},
        };
        for (String[] c : cases) {
            console.reset();
            assertThat(DeepWireCli.execute("sweep", project.toString(), "--param", "training.learningRate=0.001",
                    "--out", c[0])).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(console.err()).contains("--out " + c[0]).contains(c[1]).contains("give a new or empty folder");
        }
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(unrelated.getParent().resolve("sweep.json")).doesNotExist();
        try (Stream<Path> inRuns = Files.walk(dir.resolve("runs"))) {
            assertThat(inRuns.map(p -> dir.resolve("runs").relativize(p).toString())).containsOnly("", "x");
        }
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void aResumeOfATamperedSweepJsonStopsWithExit2BeforeAnyRunTrains() throws Exception {
        Path project = SmallMarker.file(dir, "marker.dwproj");
        Path sweep = Files.createDirectories(dir.resolve("tampered"));
        Files.writeString(sweep.resolve("sweep.json"), "{\"projectFile\": \"../marker.dwproj\", \"name\": \"../../x\","
                + " \"spec\": {\"params\": {}, \"seeds\": 1, \"maxSteps\": 2},"
                + " \"runs\": [{\"name\": \"../../x-1\", \"settings\": {\"seed\": \"42\"}, \"status\": \"PENDING\"}]}");
        assertThat(DeepWireCli.execute("sweep", "--resume", sweep.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains(sweep.resolve("sweep.json").toString()).contains("name '../../x'")
                .contains("start a new sweep");
        assertThat(dir.resolve("runs")).doesNotExist();
        assertThat(project).exists();
    }

    private static Path sweepJson(Path sweep, String projectFile) throws Exception {
        Files.createDirectories(sweep);
        String name = sweep.getFileName().toString();
        Files.writeString(sweep.resolve("sweep.json"), "{\"projectFile\": " + JSON.writeValueAsString(projectFile)
                + ", \"name\": \"" + name + "\", \"spec\": {\"params\": {}, \"seeds\": 1, \"maxSteps\": 2},"
                + " \"runs\": [{\"name\": \"" + name + "-1\", \"settings\": {\"seed\": \"42\"}, \"status\": \"PENDING\"}]}");
        return sweep;
    }

    @Test
    void aResumeTrustsSweepJsonsProjectOnlyInThatProjectsOwnSweepsFolderElseTheUserNamesIt() throws Exception {
        // sweep.json's projectFile had been followed wherever it led: a sweep folder someone sent, naming a project
        // of the user's elsewhere, trained that project and filled its runs/ folder on the file's word alone.
        Path mine = SmallMarker.file(Files.createDirectories(dir.resolve("mine")), "mine.dwproj");
        Path sent = sweepJson(dir.resolve("downloads/sweeps/mine-sweep-20260101-000000"), mine.toString());
        assertThat(DeepWireCli.execute("sweep", "--resume", sent.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains(sent.resolve("sweep.json").toString()).contains(mine.toString())
                .contains("deepwire sweep PROJECT.dwproj --resume " + sent);
        assertThat(dir.resolve("mine/runs")).as("nothing of the named project trained").doesNotExist();

        // the project beside the sweeps folder, but a pipe (or a link): not what DeepWire puts there either
        Path pipe = dir.resolve("downloads/evil.dwproj");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Path beside = sweepJson(dir.resolve("downloads/sweeps/evil-sweep-20260101-000000"), "../../evil.dwproj");
        console.reset();
        assertThat(DeepWireCli.execute("sweep", "--resume", beside.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains(beside.resolve("sweep.json").toString()).contains("PROJECT.dwproj");

        // the user names a project that is not the one recorded: refused, naming both
        Path other = SmallMarker.file(dir, "other.dwproj");
        console.reset();
        assertThat(DeepWireCli.execute("sweep", other.toString(), "--resume", sent.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("is a sweep of the project " + mine).contains("not of " + other);
        assertThat(dir.resolve("runs")).doesNotExist();

        // the user names the recorded project: resumed, its run trained into that project's runs/
        console.reset();
        assertThat(DeepWireCli.execute("sweep", mine.toString(), "--resume", sent.toString(), "--parallel", "1"))
                .as(console.out() + console.err()).isZero();
        assertThat(dir.resolve("mine/runs/mine-sweep-20260101-000000-1/run.json")).isRegularFile();
    }

    @Test
    void aSweepInItsProjectsSweepsFolderResumesWithoutNamingTheProject() throws Exception {
        Path mine = SmallMarker.file(Files.createDirectories(dir.resolve("mine")), "mine.dwproj");
        Path own = sweepJson(dir.resolve("mine/sweeps/mine-sweep-20260101-000000"), "../../mine.dwproj");
        assertThat(DeepWireCli.execute("sweep", "--resume", own.toString(), "--parallel", "1"))
                .as(console.out() + console.err()).isZero();
        assertThat(dir.resolve("mine/runs/mine-sweep-20260101-000000-1/run.json")).isRegularFile();
        // the sweep's run keeps the project it trained, as the window's runs do (it kept none)
        assertThat(dev.deepwire.ui.training.RunHistory.keptProject(dir.resolve("mine/runs/mine-sweep-20260101-000000-1")))
                .isPresent();
    }
}
