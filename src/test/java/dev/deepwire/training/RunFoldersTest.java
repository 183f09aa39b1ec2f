package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.io.WriteFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A run folder belongs to one run: safe names, unique folders, no silent reuse, a model never lost quietly. */
class RunFoldersTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "/etc/passwd", "a/../../b", "..", ".", "nul\u0000name", "esc\u001b[2Jname",
            "C:\\Windows\\x", "\u202egnp.exe", "   ", "", "////", "dots...and..more", "-rf", "--help", " -n x"})
    void aProjectNameBecomesOneSafeFolderName(String name) {
        String safe = RunFolders.safeName(name);
        assertThat(safe).isNotEmpty().doesNotContain("/", "\\", "..", "\u0000", "\u001b", "\u202e")
                .isNotIn(".", "..").as("read as options by shell tools").doesNotStartWith("-");
        Path inside = dir.resolve(safe).normalize();
        assertThat(inside.getParent()).isEqualTo(dir);
    }

    @Test
    void namesAreKeptWhereSafeShortenedAndDefaulted() {
        assertThat(RunFolders.safeName("marker")).isEqualTo("marker");
        assertThat(RunFolders.safeName("my model_2 v1.5")).isEqualTo("my model_2 v1.5");
        assertThat(RunFolders.safeName("../../x")).isEqualTo("_._x");
        assertThat(RunFolders.safeName("")).isEqualTo("project");
        assertThat(RunFolders.safeName("-rf")).isEqualTo("rf");
        assertThat(RunFolders.safeName("a-b")).isEqualTo("a-b");
        assertThat(RunFolders.safeName(null)).isEqualTo("project");
        assertThat(RunFolders.safeName("x".repeat(500))).hasSize(64);
        assertThat(RunFolders.safeName("日本語", StandardCharsets.UTF_8)).isEqualTo("日本語");
    }

    @Test
    void theRootOfTheFileSystemIsNeverARunFolder() {
        assertThatThrownBy(() -> RunFolders.claim(Path.of("/"), false)).isInstanceOf(WriteFailure.class)
                .hasMessageContaining("the root of the file system");
        assertThatThrownBy(() -> RunFolders.claim(Path.of("/tmp/.."), true)).isInstanceOf(WriteFailure.class);
    }

    @Test
    void namesFitTheFileSystemsCharacterSetAndLength() {
        // under a plain C locale file names are ASCII: "données" could not be a folder name (an internal error)
        assertThat(RunFolders.safeName("données", StandardCharsets.US_ASCII)).isEqualTo("donn_es");
        assertThat(RunFolders.safeName("données", StandardCharsets.UTF_8)).isEqualTo("données");
        // 64 letters of four bytes each and the time were over 255 bytes
        String wide = new String(Character.toChars(0x20000)).repeat(100);
        String safe = RunFolders.safeName(wide, StandardCharsets.UTF_8);
        assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(160);
        assertThat(safe).isNotEmpty().isEqualTo(new String(Character.toChars(0x20000)).repeat(40));
    }

    @Test
    void runsStartedInTheSameSecondGetTheirOwnFolders() throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 12, 4, 21, 0, 0);
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Path>> made = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                made.add(pool.submit(() -> {
                    go.await();
                    return RunFolders.createNew(dir.resolve("runs"), "../../x", now);
                }));
            }
            go.countDown();
            List<Path> folders = new ArrayList<>();
            for (Future<Path> f : made) {
                folders.add(f.get());
            }
            assertThat(folders).doesNotHaveDuplicates().allMatch(Files::isDirectory)
                    .allMatch(p -> p.getParent().equals(dir.resolve("runs")));
            assertThat(folders).contains(dir.resolve("runs/_._x-20261204-210000"), dir.resolve("runs/_._x-20261204-210000-2"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFolderHoldingARunIsRefusedUnlessOverwriteThenItsRunFilesGoWhole() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("metrics.csv"), "old");
        Files.writeString(out.resolve("model.zip"), "old model");
        Files.writeString(out.resolve("checkpoint-epoch-3.zip"), "old checkpoint");
        Files.writeString(out.resolve("notes.txt"), "the user's own");
        assertThatThrownBy(() -> RunFolders.claim(out, false)).isInstanceOf(RunFolders.Taken.class)
                .hasMessage(out + " already holds a run (checkpoint-epoch-3.zip, metrics.csv, model.zip)");
        assertThat(Files.readString(out.resolve("model.zip"))).isEqualTo("old model");
        try (RunFolderLock held = RunFolders.claim(out, true)) {
            assertThat(held.dir()).isEqualTo(out);
            try (var files = Files.list(out)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("notes.txt", ".run.lock");
            }
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the lock file goes with the run").containsExactly("notes.txt");
        }
        RunFolders.claim(dir.resolve("new/deeper"), false).close();
        assertThat(dir.resolve("new/deeper")).isDirectory();
    }

    /**
     * A folder inside another run's folder (finished or live) is refused naming that run: deleting it in Runs… would
     * delete the new run unnamed. {@code --out runs/first/again} had been taken without a word.
     */
    @Test
    void aFolderInsideAnotherRunsFolderIsRefusedAndNothingIsCreated() throws Exception {
        Path first = Files.createDirectories(dir.resolve("runs/first"));
        Files.writeString(first.resolve("run.json"), "{}");
        Path inside = first.resolve("again/deeper");
        assertThatThrownBy(() -> RunFolders.claimNamed(inside, false)).isInstanceOf(WriteFailure.class)
                .hasMessageContaining("it lies inside " + first + ", the folder of another run")
                .hasMessageContaining("choose a folder outside it, e.g. " + dir.resolve("runs/first-deeper"));
        assertThat(first.resolve("again")).doesNotExist();
        try (RunFolderLock live = RunFolders.claimNamed(dir.resolve("runs/live"), false)) {
            assertThatThrownBy(() -> RunFolders.claimNamed(live.dir().resolve("nested"), true)).isInstanceOf(WriteFailure.class)
                    .hasMessageContaining("the folder of another run");
        }
        RunFolders.claimNamed(dir.resolve("runs/first-again"), false).close();
        assertThat(dir.resolve("runs/first-again")).isDirectory();
    }

    @Test
    void aFolderALiveRunHoldsIsNeverTakenOverNotEvenToOverwrite() throws Exception {
        Path out = dir.resolve("out");
        try (RunFolderLock live = RunFolders.claim(out, false)) {
            Files.writeString(out.resolve("metrics.csv"), "live run's rows");
            for (boolean overwrite : new boolean[] {false, true}) {
                assertThatThrownBy(() -> RunFolders.claim(out, overwrite)).isInstanceOf(RunFolderLock.InUse.class)
                        .hasMessage(out + " is being written by a run that is still going (in this process); choose "
                                + "another folder for this run, or stop that run first");
            }
            assertThat(Files.readString(out.resolve("metrics.csv"))).isEqualTo("live run's rows");
            assertThat(out.resolve(RunFolderLock.LOCK_FILE)).exists();
        }
        assertThat(out.resolve(RunFolderLock.LOCK_FILE)).as("gone with the run").doesNotExist();
        // the run has ended: its folder is an earlier run, refused without --overwrite and replaced with it
        assertThatThrownBy(() -> RunFolders.claim(out, false)).isInstanceOf(RunFolders.Taken.class);
        try (RunFolderLock next = RunFolders.claim(out, true)) {
            assertThat(out.resolve("metrics.csv")).doesNotExist();
        }
        assertThat(RunFiles.isRunFile(RunFolderLock.LOCK_FILE)).isFalse();
    }

    /** The case the lock is for: a run in another process, which the OS lock guards until that process dies. */
    @Test
    void aRunInAnotherProcessHoldsItsFolderUntilThatProcessEndsHoweverItEnds() throws Exception {
        Path out = dir.resolve("cc");
        Process live = new ProcessBuilder(dev.deepwire.testing.ChildJvm.command(HoldRunFolder.class, out.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String said = new java.io.BufferedReader(new java.io.InputStreamReader(live.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertThat(said).as("the child holds the folder").isEqualTo("held");
            assertThatThrownBy(() -> RunFolders.claim(out, true)).isInstanceOf(RunFolderLock.InUse.class)
                    .hasMessageContaining(out + " is being written by a run that is still going (process " + live.pid() + ")");
            assertThat(out.resolve("metrics.csv")).exists();
        } finally {
            live.destroyForcibly(); // killed, not closed: its lock file stays, released by the OS
            live.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(out.resolve(RunFolderLock.LOCK_FILE)).as("left by the killed run").exists();
        try (RunFolderLock next = RunFolders.claim(out, true)) {
            assertThat(out.resolve("metrics.csv")).as("the dead run's files replaced").doesNotExist();
        }
    }

    @Test
    void aNewDefaultFolderIsHeldForItsRun() throws Exception {
        try (RunFolderLock held = RunFolders.createNewHeld(dir.resolve("runs"), "p")) {
            assertThat(held.dir()).isDirectory().hasParent(dir.resolve("runs"));
            assertThatThrownBy(() -> RunFolders.claim(held.dir(), true)).isInstanceOf(RunFolderLock.InUse.class);
        }
    }

    @Test
    void aNewRunIsNeverMadeThroughARunsFolderLinkedOutOfTheProject() throws Exception {
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Path project = Files.createDirectories(dir.resolve("project"));
        Path runs = Files.createSymbolicLink(project.resolve("runs"), victim);
        assertThatThrownBy(() -> RunFolders.createNewHeld(runs, "marker")).isInstanceOf(WriteFailure.class)
                .hasMessageContaining("symbolic link to " + victim.toRealPath());
        assertThatThrownBy(() -> RunFolders.createNew(runs, "marker")).isInstanceOf(WriteFailure.class);
        try (var left = Files.list(victim)) {
            assertThat(left).as("nothing made where the link points").isEmpty();
        }
        Files.delete(runs);
        Path inside = Files.createDirectories(project.resolve("data/runs"));
        Files.createSymbolicLink(project.resolve("runs"), Path.of("data/runs"));
        assertThat(RunFolders.createNew(project.resolve("runs"), "marker").getParent().toRealPath())
                .as("a link inside the project is followed").isEqualTo(inside.toRealPath());
    }

    @Test
    void aPathGoingUpOutOfAMissingFolderIsRefusedAndNothingIsCreated() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Path out = dir.resolve("out/r4/../../out/r5");
        assertThatThrownBy(() -> RunFolders.claim(out, false)).isInstanceOf(WriteFailure.class)
                .hasMessage("cannot write " + out + ": the folder " + dir.resolve("out/r4") + " on the way does not exist, "
                        + "and the path goes up out of it with '..'; create it first or name another folder");
        assertThat(dir.resolve("out/r4")).doesNotExist();
        assertThat(dir.resolve("out/r5")).doesNotExist();
        // once the folder is there the path leads somewhere: created as the system follows it
        Files.createDirectories(dir.resolve("out/r4"));
        RunFolders.claim(out, false).close();
        assertThat(dir.resolve("out/r5")).isDirectory();
    }

    /**
     * A file or a pipe on a run folder's way: {@code --out afile/../r1} said "the folder afile on the way does not
     * exist" of a file that is there, and {@code --out fifo/x} called the pipe "a file". Each says what is there.
     */
    @Test
    void aFileOrAPipeOnTheWayIsNamedForWhatItIs() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        Path pipe = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> RunFolders.claim(file.resolve("../r1"), false))
                .hasMessageContaining(file + " on the way is a file, not a folder, and the path goes up out of it")
                .hasMessageNotContaining("does not exist");
        assertThatThrownBy(() -> RunFolders.claim(pipe.resolve("x"), false))
                .hasMessageContaining(pipe + " is a special file (a pipe, a device or a socket), not a folder");
        assertThatThrownBy(() -> RunFolders.claim(pipe, false))
                .hasMessageContaining("it is a special file (a pipe, a device or a socket), not a folder");
        assertThatThrownBy(() -> RunFolders.claim(file.resolve("x"), false))
                .hasMessageContaining(file + " is a file, not a folder");
        assertThat(dir.resolve("r1")).doesNotExist();
    }

    @Test
    void aLinkedOrFolderRunFileIsNeverWrittenThroughNorDeleted() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("metrics.csv"), victim);
        assertThatThrownBy(() -> RunFolders.claim(out, true)).isInstanceOf(WriteFailure.class)
                .hasMessageContaining("metrics.csv: it is a symbolic link");
        assertThatThrownBy(() -> new MetricsCsv(out.resolve("metrics.csv"), 1)).isInstanceOf(WriteFailure.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(out.resolve("metrics.csv"))).isTrue();

        Path other = Files.createDirectories(dir.resolve("other/model.zip"));
        assertThatThrownBy(() -> RunFolders.claim(other.getParent(), true)).hasMessageContaining("model.zip: it is a folder");
        assertThat(other).isDirectory();
    }

    private static ComputationGraph tinyModel() {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
                .addInputs("in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "in")
                .setOutputs("out").build());
        g.init();
        return g;
    }

    @Test
    void aModelThatCannotBeWrittenAsModelZipIsSavedBesideAndSaysWhere() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(run.resolve("model.zip"));
        RunFiles.SavedModel saved = RunFiles.saveModel(tinyModel(), run);
        assertThat(saved.problem()).isEqualTo("it is a folder");
        assertThat(saved.file().getParent()).isEqualTo(run);
        assertThat(saved.file().getFileName().toString()).matches("model-\\d{8}-\\d{6}-\\d{3}\\.zip");
        assertThat(ModelSerializer.restoreComputationGraph(saved.file().toFile(), false).numParams()).isEqualTo(6);
    }

    @Test
    void aModelThatCanBeWrittenNowhereIsReportedLostWithTheReasons() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        String tmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", notAFolder.resolve("tmp").toString());
        try {
            assertThatThrownBy(() -> RunFiles.saveModel(tinyModel(), notAFolder.resolve("run")))
                    .isInstanceOf(WriteFailure.class).hasMessageContaining("the trained model was lost")
                    .hasMessageStartingWith("cannot write " + notAFolder.resolve("run/model.zip"));
        } finally {
            System.setProperty("java.io.tmpdir", tmp);
        }
    }
}
