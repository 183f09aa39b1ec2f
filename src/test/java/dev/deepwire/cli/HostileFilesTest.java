package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against hostile and clumsy files: names that try to leave the project, names that try to become
 * code or drive the terminal, folders that hold another run, links, pipes and read-only files where output goes.
 */
class HostileFilesTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    /** A tiny marker project named {@code name}, saved as {@code fileName} in {@code folder}. */
    private Path project(Path folder, String fileName, String name) throws Exception {
        return project(folder, fileName, name, Map.of());
    }

    private Path project(Path folder, String fileName, String name, Map<String, Object> dataset) throws Exception {
        Map<String, Object> spec = new HashMap<>(Map.of("vocabulary", 32, "train", 64, "validation", 16, "seed", 1));
        spec.putAll(dataset);
        Project small = SmallMarker.project(spec);
        Project p = new Project(name, small.description(), small.graph(), small.dataset(), small.training());
        Path f = Files.createDirectories(folder).resolve(fileName);
        new ProjectWriter().write(p, f);
        return f;
    }

    private int train(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("train", file.toString(), "--max-steps", "2", "--epochs", "1"));
        args.addAll(List.of(more));
        return DeepWireCli.execute(args.toArray(String[]::new));
    }

    private static List<Path> tree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.toList();
        }
    }

    @Test
    void aProjectNameCannotPlaceTheRunOutsideTheProject() throws Exception {
        Path projectDir = dir.resolve("a/b/project");
        for (String name : List.of("../../x", "/tmp/deepwire-escape", "nul\u0000name")) {
            Path f = project(projectDir, "p.dwproj", name);
            assertThat(train(f)).as(console.err()).isZero();
        }
        assertThat(tree(dir)).filteredOn(p -> p.getFileName().toString().equals("metrics.csv"))
                .hasSize(3).allMatch(p -> p.getParent().getParent().equals(projectDir.resolve("runs")));
        assertThat(Files.exists(Path.of("/tmp/deepwire-escape"))).isFalse();
        assertThat(console.err()).isEmpty();
    }

    @Test
    void anOutFolderHoldingARunIsRefusedThenReplacedWholeWithOverwrite() throws Exception {
        Path f = project(dir, "p.dwproj", "p");
        Path runDir = dir.resolve("out");
        assertThat(train(f, "--out", runDir.toString())).isZero();
        Files.writeString(runDir.resolve("checkpoint-epoch-9.zip"), "from an older run");
        byte[] firstModel = Files.readAllBytes(runDir.resolve("model.zip"));

        assertThat(train(f, "--out", runDir.toString(), "--seed", "7")).isEqualTo(2);
        assertThat(console.err()).contains(runDir + " already holds a run").contains("--overwrite");
        assertThat(Files.readAllBytes(runDir.resolve("model.zip"))).isEqualTo(firstModel);

        assertThat(train(f, "--out", runDir.toString(), "--seed", "7", "--overwrite")).isZero();
        assertThat(Files.exists(runDir.resolve("checkpoint-epoch-9.zip"))).isFalse();
        assertThat(Files.readAllBytes(runDir.resolve("model.zip"))).isNotEqualTo(firstModel);
        assertThat(Files.readString(runDir.resolve("metrics.csv")).lines().filter(l -> l.startsWith("step,"))).hasSize(1);
    }

    /**
     * Two runs into one folder: the second, --overwrite or not, is refused while the first (here held in another
     * process, as {@code deepwire train} holds it) is still going, and takes it over once that run has ended.
     */
    @Test
    void anOutFolderThatALiveRunWritesIsNeverTakenOverEvenWithOverwrite() throws Exception {
        Path f = project(dir, "p.dwproj", "p");
        Path runDir = dir.resolve("cc");
        assertThat(train(f, "--out", runDir.toString())).isZero();
        assertThat(runDir.resolve(dev.deepwire.training.RunFolderLock.LOCK_FILE)).as("let go when the run ended").doesNotExist();
        byte[] firstModel = Files.readAllBytes(runDir.resolve("model.zip"));
        String firstMetrics = Files.readString(runDir.resolve("metrics.csv"));
        String firstRecord = Files.readString(runDir.resolve("run.json"));
        Process live = new ProcessBuilder(dev.deepwire.testing.ChildJvm.command(
                dev.deepwire.training.HoldLiveRunFolder.class, runDir.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(live.getInputStream())).readLine())
                    .isEqualTo("held");
            for (boolean overwrite : new boolean[] {true, false}) {
                assertThat(overwrite ? train(f, "--out", runDir.toString(), "--seed", "7", "--overwrite")
                        : train(f, "--out", runDir.toString(), "--seed", "7")).isEqualTo(2);
                assertThat(console.err()).contains("--out " + runDir + " is being written by a run that is still going "
                        + "(process " + live.pid() + "); choose another --out folder, or stop that run first");
            }
            assertThat(Files.readAllBytes(runDir.resolve("model.zip"))).isEqualTo(firstModel);
            assertThat(Files.readString(runDir.resolve("metrics.csv"))).isEqualTo(firstMetrics);
            assertThat(Files.readString(runDir.resolve("run.json"))).isEqualTo(firstRecord);
        } finally {
            live.destroyForcibly(); // a crash: the OS lets the folder go
            live.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(train(f, "--out", runDir.toString(), "--seed", "7", "--overwrite")).as(console.err()).isZero();
        assertThat(Files.readAllBytes(runDir.resolve("model.zip"))).isNotEqualTo(firstModel);
        try (Stream<Path> files = Files.list(runDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("metrics.csv", "model.zip",
                    "run.json", "project.dwproj"); // the new run's files, its kept project among them
        }
    }

    /** {@code --out r4/../../out/r5} with no r4: refused naming r4, and no folder made anywhere. */
    @Test
    void anOutPathUpOutOfAMissingFolderIsRefusedNamingItAndNothingIsMade() throws Exception {
        Path f = project(dir, "p.dwproj", "p");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path runDir = out.resolve("r4/../../out/r5");
        assertThat(train(f, "--out", runDir.toString())).isEqualTo(2);
        assertThat(console.err()).contains("cannot write " + runDir + ": the folder " + out.resolve("r4")
                + " on the way does not exist");
        assertThat(out.resolve("r4")).doesNotExist();
        assertThat(out.resolve("r5")).doesNotExist();
    }

    @Test
    void aLinkedMetricsFileIsNeverWrittenThrough() throws Exception {
        Path f = project(dir, "p.dwproj", "p");
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path runDir = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(runDir.resolve("metrics.csv"), victim);
        assertThat(train(f, "--out", runDir.toString())).isEqualTo(2);
        assertThat(train(f, "--out", runDir.toString(), "--overwrite")).isEqualTo(2);
        assertThat(console.err()).contains("metrics.csv: it is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.exists(runDir.resolve("model.zip"))).isFalse();
    }

    @Test
    void aModelZipThatIsAFolderIsRefusedBeforeTraining() throws Exception {
        Path f = project(dir, "p.dwproj", "p");
        Path runDir = Files.createDirectories(dir.resolve("out/model.zip")).getParent();
        assertThat(train(f, "--out", runDir.toString(), "--overwrite")).isEqualTo(2);
        assertThat(console.err()).contains("model.zip: it is a folder").doesNotContain("internal error");
        assertThat(Files.exists(runDir.resolve("metrics.csv"))).isFalse();
    }

    @Test
    void exportedJavaOfAHostileFileNameIsSafeAndAKeywordClassIsRefused() throws Exception {
        Path f = project(dir, "x\");Runtime.getRuntime().exec(\"touch pwned\");String s=(\"x.dwproj", "p");
        Path java = dir.resolve("Net.java");
        assertThat(DeepWireCli.execute("export", f.toString(), "--java", java.toString())).as(console.err()).isZero();
        assertThat(Files.readString(java)).contains("Path.of(args.length > 0 ? args[0] : \"" + dir
                + "/x\\\");Runtime.getRuntime().exec(\\\"touch pwned\\\");String s=(\\\"x.dwproj\")");

        assertThat(DeepWireCli.execute("export", f.toString(), "--java", dir.resolve("Other.java").toString(),
                "--class", "class")).isEqualTo(2);
        assertThat(console.err()).contains("'class' is a Java keyword").contains("--class NAME");
        assertThat(Files.exists(dir.resolve("Other.java"))).isFalse();
    }

    @Test
    void aDashMeansStandardOutput() throws Exception {
        Path f = project(dir, "p.dwproj", "p");
        assertThat(DeepWireCli.execute("export", f.toString(), "--dl4j-json", "-")).isZero();
        assertThat(console.out()).startsWith("{").contains("\"vertices\"");
        assertThat(console.err()).contains("wrote the configuration to standard output");
        assertThat(Files.exists(Path.of("-"))).isFalse();
        console.resetOut();
        assertThat(DeepWireCli.execute("export", f.toString(), "--java", "-")).isZero();
        assertThat(console.out()).contains("public final class DeepWireNetwork");
    }

    @Test
    void inspectWritesItsCsvToStandardOutputAndItsReportToStandardError() throws Exception {
        Path f = project(dir, "p.dwproj", "p");
        Path runDir = dir.resolve("out");
        assertThat(train(f, "--out", runDir.toString())).isZero();
        console.resetOut();
        assertThat(DeepWireCli.execute("inspect", f.toString(), "--model", runDir.resolve("model.zip").toString(),
                "--node", "attn", "--csv", "-")).as(console.err()).isZero();
        assertThat(console.out().lines().count()).isEqualTo(9); // a header and one row per query (sequence length 8)
        assertThat(console.err()).contains("verified");
        assertThat(DeepWireCli.execute("inspect", f.toString(), "--model", runDir.resolve("model.zip").toString(),
                "--node", "attn", "--csv", "-", "--png", "/dev/stdout")).isEqualTo(2);
    }

    @Test
    void outputsWriteThroughLinksAndRefuseSpecialAndReadOnlyFiles() throws Exception {
        Path f = project(dir, "p.dwproj", "p");
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        assertThat(DeepWireCli.execute("export", f.toString(), "--dl4j-json", link.toString())).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("{");

        Path readOnly = Files.writeString(dir.resolve("ro.json"), "keep");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        assertThat(DeepWireCli.execute("export", f.toString(), "--dl4j-json", readOnly.toString())).isEqualTo(2);
        assertThat(Files.readString(readOnly)).isEqualTo("keep");

        Path fifo = dir.resolve("fifo.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).isTrue();
        assertThat(DeepWireCli.execute("export", f.toString(), "--dl4j-json", fifo.toString())).isEqualTo(2);
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();

        assertThat(DeepWireCli.execute("export", f.toString(), "--dl4j-json", "/")).isEqualTo(2);
        assertThat(console.err()).contains("cannot write " + readOnly + ": the file is read-only")
                .contains("cannot write " + fifo + ": it is not a regular file")
                .contains("--dl4j-json / is a folder")
                .doesNotContain(".tmp").doesNotContain("internal error");
    }

    @Test
    void controlCharactersFromFilesAreShownEscaped() throws Exception {
        Path f = project(dir, "p.dwproj", "evil\u001b[2J\u001b]0;title\u0007\r\u009b\u202ename");
        assertThat(DeepWireCli.execute("validate", f.toString())).isZero();
        assertThat(console.out()).contains("evil\\u001b[2J\\u001b]0;title\\u0007\\u000d\\u009b\\u202ename")
                .doesNotContain("\u001b", "\u0007", "\r", "\u009b", "\u202e");
        Path missing = dir.resolve("gone\u001b[31m.dwproj");
        assertThat(DeepWireCli.execute("validate", missing.toString())).isEqualTo(2);
        assertThat(console.err()).contains("gone\\u001b[31m.dwproj").doesNotContain("\u001b");
    }

    @Test
    void dataOutsideTheProjectFolderNeedsTheFlag() throws Exception {
        Path projectDir = dir.resolve("project");
        Path outside = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createDirectories(projectDir.resolve("data"));
        Files.createSymbolicLink(projectDir.resolve("data/link.csv"), outside);
        for (String file : List.of("../secret.txt", outside.toString(), "data/link.csv", "data/../../secret.txt")) {
            Path f = project(projectDir, "p.dwproj", "p", Map.of("file", file));
            console.resetErr();
            assertThat(train(f)).as(file).isEqualTo(2);
            assertThat(console.err()).as(file).contains("dataset.file '" + file + "'").contains("--allow-outside-data")
                    .doesNotContain("secret\n");
            assertThat(DeepWireCli.execute("validate", f.toString())).as(file).isEqualTo(2);
        }
        assertThat(Files.exists(projectDir.resolve("runs"))).as("nothing trained").isFalse();
        Path f = project(projectDir, "p.dwproj", "p", Map.of("file", "../secret.txt"));
        assertThat(train(f, "--allow-outside-data")).as(console.err()).isZero();
        Path inside = project(projectDir, "q.dwproj", "q", Map.of("file", "data/./inside.csv"));
        assertThat(DeepWireCli.execute("validate", inside.toString())).isZero();
        Path nul = project(projectDir, "n.dwproj", "n", Map.of("file", "a\u0000b"));
        assertThat(DeepWireCli.execute("validate", nul.toString())).isEqualTo(2);
        assertThat(console.err()).contains("dataset.file is not a usable path").doesNotContain("internal error");
    }
}
