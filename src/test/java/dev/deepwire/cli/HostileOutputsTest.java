package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectWriter;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs that would destroy what a command reads or writes (the project, its data, the model, the command's other
 * output), folder names that are not folders, exported class names that make source that does not compile, and names
 * that try to print lines of their own: each refused with exit 2, or shown on one line, and nothing is lost.
 */
class HostileOutputsTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    private Path project(String name) throws Exception {
        Project small = SmallMarker.project(Map.of("vocabulary", 32, "train", 64, "validation", 16, "seed", 1));
        Path f = dir.resolve("p.dwproj");
        new ProjectWriter().write(new Project(name, small.description(), small.graph(), small.dataset(), small.training()), f);
        return f;
    }

    private static int train(Path file, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", file.toString(), "--max-steps", "2", "--epochs", "1"));
        args.addAll(List.of(more));
        return DeepWireCli.execute(args.toArray(String[]::new));
    }

    @Test
    void aRunFolderNamedWithANewlineAndABidiOverrideIsPrintedOnOneLineEscaped() throws Exception {
        Path out = dir.resolve("na\u202eme\nwrote x");
        assertThat(train(project("p"), "--out", out.toString())).as(console.err()).isZero();
        String wrote = console.out().lines().filter(l -> l.startsWith("wrote ")).findFirst().orElseThrow();
        assertThat(wrote).contains("na\\u202eme\\u000awrote x").endsWith("model.zip");
        assertThat(console.out().lines().filter(l -> l.startsWith("wrote ")).count()).as("no line of its own").isEqualTo(1);
        assertThat(out.resolve("model.zip")).exists();
    }

    /**
     * --out among the system's folders: as root, {@code --out /dev} wrote a run among the devices, and
     * {@code --out /proc/sys/kernel} said "a folder on the way does not exist" of a folder that is there. Both are
     * refused saying where they are and what a run folder must be; nothing is made there.
     */
    @Test
    void aRunFolderAmongTheSystemsFoldersIsRefusedSayingWhy() throws Exception {
        Path f = project("p");
        Path devices = Path.of("/dev/deepwire-run-" + ProcessHandle.current().pid());
        try {
            for (Path out : new Path[] {devices, Path.of("/proc/sys/kernel"), Path.of("/sys/kernel/x")}) {
                assertThat(train(f, "--out", out.toString())).as(out.toString()).isEqualTo(2);
                assertThat(console.err()).contains("cannot write " + out)
                        .contains(", not a folder for files; a run folder must be a plain folder on a normal file system")
                        .doesNotContain("on the way does not exist");
            }
            assertThat(console.err()).contains("it is in /dev, the system's folder of devices")
                    .contains("it is in /proc, the kernel's view of processes and settings");
            assertThat(devices).doesNotExist();
        } finally {
            if (Files.isDirectory(devices, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                dev.deepwire.io.files.FolderTrees.delete(devices); // (the run written there before the fix)
            }
        }
    }

    @Test
    void anExportNeverReplacesTheProjectItReadsByAnyName() throws Exception {
        Path f = project("p");
        byte[] before = Files.readAllBytes(f);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), f.getFileName());
        assertThat(DeepWireCli.execute("export", f.toString(), "--dl4j-json", f.toString())).isEqualTo(2);
        assertThat(DeepWireCli.execute("export", f.toString(), "--dl4j-json", link.toString())).isEqualTo(2);
        assertThat(DeepWireCli.execute("export", f.toString(), "--java", dir.resolve("./p.dwproj").toString(),
                "--class", "p")).isEqualTo(2);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(console.err()).contains("is the project file, which this command reads").doesNotContain("internal error");
    }

    @Test
    void twoOutputsOfOneCommandCannotNameOneFile() throws Exception {
        Path f = project("p");
        Path same = dir.resolve("Same.java");
        Files.createDirectories(dir.resolve("sub"));
        assertThat(DeepWireCli.execute("export", f.toString(), "--java", same.toString(), "--dl4j-json",
                dir.resolve("sub/../Same.java").toString())).isEqualTo(2);
        assertThat(console.err()).contains("--java and --dl4j-json both name");
        assertThat(Files.exists(same)).isFalse();
    }

    @Test
    void textToATerminalHasItsControlCharactersEscapedButPipedTextAndImagesAreExact() {
        byte[] csv = "entity,x\n\u001b[31mred\u001b[0m,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new String(Outputs.forTerminal(csv, true), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("entity,x\n\\u001b[31mred\\u001b[0m,1\n");
        assertThat(Outputs.forTerminal(csv, false)).as("piped: the data as it is").isEqualTo(csv);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, (byte) 0xff};
        assertThat(Outputs.forTerminal(png, true)).as("not text: byte for byte").isEqualTo(png);
    }

    @Test
    void aFileInAMissingFolderOrASystemFileIsRefusedNotCreated() throws Exception {
        Path f = project("p");
        Path typo = dir.resolve("exprots/Net.java");
        assertThat(DeepWireCli.execute("export", f.toString(), "--java", typo.toString())).isEqualTo(2);
        assertThat(console.err()).contains("--java " + typo + ": the folder " + typo.getParent() + " does not exist; "
                + "create it first or write elsewhere");
        assertThat(typo.getParent()).doesNotExist();
        console.resetErr();
        assertThat(DeepWireCli.execute("export", f.toString(), "--java", "/proc/version")).isEqualTo(2);
        assertThat(console.err()).contains("one of the running system's own files (/proc, /sys)")
                .doesNotContain("make it writable");
    }

    @Test
    void inspectNeverWritesOverItsModelOrProjectAndItsTwoOutputsDiffer() throws Exception {
        Path f = project("p");
        Path runDir = dir.resolve("out");
        assertThat(train(f, "--out", runDir.toString())).as(console.err()).isZero();
        Path model = runDir.resolve("model.zip");
        byte[] trained = Files.readAllBytes(model);
        String[] base = {"inspect", f.toString(), "--model", model.toString(), "--node", "attn"};
        assertThat(DeepWireCli.execute(concat(base, "--png", model.toString()))).isEqualTo(2);
        assertThat(DeepWireCli.execute(concat(base, "--csv", f.toString()))).isEqualTo(2);
        assertThat(DeepWireCli.execute(concat(base, "--csv", dir.resolve("x").toString(), "--png", dir.resolve("x").toString())))
                .isEqualTo(2);
        assertThat(Files.readAllBytes(model)).isEqualTo(trained);
        assertThat(console.err()).contains("--png " + model + " is the model, which this command reads")
                .contains("--csv and --png both name");
        assertThat(DeepWireCli.execute(concat(base, "--csv", dir.resolve("w.csv").toString()))).as(console.err()).isZero();
    }

    @Test
    void overwritingARunNeverDeletesTheProjectsDataFile() throws Exception {
        Path f = Files.writeString(dir.resolve("csv.dwproj"), """
                {"format": "deepwire-project", "formatVersion": 1, "name": "csv",
                 "nodes": [{"id": "x", "type": "vector_input", "params": {"features": 1}},
                           {"id": "o", "type": "softmax_output", "params": {"classes": 2}}],
                 "edges": [{"from": "x.out", "to": "o.in"}],
                 "dataset": {"kind": "csv", "file": "metrics.csv", "classes": 2},
                 "training": {"epochs": 1, "batchSize": 4, "optimizer": "adam", "learningRate": 0.01, "seed": 1}}
                """);
        StringBuilder rows = new StringBuilder("a,label\n");
        for (int i = 0; i < 30; i++) {
            rows.append(i).append(',').append(i % 2).append('\n');
        }
        Path data = Files.writeString(dir.resolve("metrics.csv"), rows);
        assertThat(DeepWireCli.execute("validate", f.toString())).as(console.out()).isZero();
        assertThat(train(f, "--out", dir.toString(), "--overwrite")).isEqualTo(2);
        assertThat(console.err()).contains("holds the project's data file metrics.csv, which a run writes over");
        assertThat(Files.readString(data)).isEqualTo(rows.toString());
        assertThat(Files.exists(dir.resolve("model.zip"))).isFalse();
    }

    @Test
    void anEmptyOrDashRunFolderIsRefused() throws Exception {
        Path f = project("p");
        assertThat(train(f, "--out", "")).isEqualTo(2);
        assertThat(train(f, "--out", "-")).isEqualTo(2);
        assertThat(console.err()).contains("--out needs a folder name").contains("not a stream");
        assertThat(Files.exists(Path.of("-"))).isFalse();
        assertThat(Files.exists(Path.of("metrics.csv"))).isFalse();
    }

    @Test
    void aClassNameMustMatchItsFileAndNotBeATypeTheSourceUses() throws Exception {
        Path f = project("p");
        assertThat(DeepWireCli.execute("export", f.toString(), "--java", dir.resolve("Bar.java").toString(), "--class", "Foo"))
                .isEqualTo(2);
        assertThat(DeepWireCli.execute("export", f.toString(), "--java", dir.resolve("Path.java").toString())).isEqualTo(2);
        assertThat(DeepWireCli.execute("export", f.toString(), "--java", dir.resolve("Adam.java").toString(),
                "--dl4j-json", dir.resolve("net.json").toString())).isEqualTo(2);
        assertThat(console.err()).contains("--class Foo does not match Bar.java")
                .contains("'Path' is a class the exported source already uses")
                .contains("'Adam' is a class the exported source already uses");
        assertThat(Files.exists(dir.resolve("net.json"))).as("nothing written when the Java half is refused").isFalse();
        assertThat(DeepWireCli.execute("export", f.toString(), "--java", "/dev/null")).as("a device has no class name: the default")
                .isZero();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("p.dwproj");
    }

    @Test
    void aNameWithANewlineCannotPrintALineOfItsOwn() throws Exception {
        Path f = project("x\nfinal validation accuracy: 1.0000");
        assertThat(DeepWireCli.execute("validate", f.toString())).as(console.err()).isZero();
        assertThat(train(f, "--out", dir.resolve("out").toString())).isZero();
        String printed = console.out();
        assertThat(printed.lines().filter(l -> l.startsWith("final validation accuracy: 1.0000"))).isEmpty();
        assertThat(printed).contains("valid: x\\u000afinal validation accuracy: 1.0000 (");
    }

    /**
     * --overwrite replaces a run whole or not at all: when one of its files cannot be removed (here an immutable
     * file, which even root cannot delete), the files already taken go back. Needs chattr (Linux, root or
     * CAP_LINUX_IMMUTABLE) to make a file that cannot be removed; skipped where that is not possible.
     */
    @Test
    void anEarlierRunThatCannotBeRemovedWholeIsLeftWhole() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        for (String name : List.of("checkpoint-epoch-1.zip", "model.zip", "metrics.csv", "best.zip")) {
            Files.writeString(run.resolve(name), "earlier " + name);
        }
        Path stuck = run.resolve("metrics.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(chattr("+i", stuck), "chattr +i is not possible here");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.deepwire.training.RunFolders.claim(run, true))
                    .hasMessageContaining("cannot delete the earlier run's file").hasMessageContaining("left as it was");
        } finally {
            chattr("-i", stuck);
        }
        try (var files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("checkpoint-epoch-1.zip", "model.zip", "metrics.csv", "best.zip");
        }
        assertThat(Files.readString(run.resolve("model.zip"))).isEqualTo("earlier model.zip");
        dev.deepwire.training.RunFolders.claim(run, true).close();
        try (var files = Files.list(run)) {
            assertThat(files).as("removed whole once it can be").isEmpty();
        }
    }

    private static boolean chattr(String flag, Path file) throws Exception {
        try {
            Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** metrics.csv deleted while the run writes it: the run says its metrics are lost (exit 2), never "wrote" it. */
    @Test
    void aMetricsFileDeletedDuringTheRunIsReportedLost() throws Exception {
        Path f = project("p");
        Path runDir = dir.resolve("out");
        Path metrics = runDir.resolve("metrics.csv");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> rc = pool.submit(() -> DeepWireCli.execute("train", f.toString(), "--out",
                    runDir.toString(), "--epochs", "100000", "--max-steps", "300", "--log-every", "1"));
            while (!Files.exists(metrics) && !rc.isDone()) {
                Thread.onSpinWait();
            }
            Files.deleteIfExists(metrics);
            assertThat(rc.get(5, java.util.concurrent.TimeUnit.MINUTES)).as(console.err()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(console.err()).contains(metrics + " was deleted or moved while the run wrote it")
                .contains("the model is in " + runDir.resolve("model.zip"));
        assertThat(console.out()).doesNotContain("wrote " + metrics);
        assertThat(Files.exists(runDir.resolve("model.zip"))).isTrue();
    }

    /**
     * run.json that cannot be written as the run ends (a folder put in its way while it trained): the run is not a clean
     * success, as for metrics.csv — exit 2 naming the file and that Runs… will not list the run, the model kept. It
     * had said so on standard error and exited 0.
     */
    @Test
    void aRunRecordThatCannotBeWrittenIsNotACleanSuccess() throws Exception {
        Path f = project("p");
        Path runDir = dir.resolve("out");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> rc = pool.submit(() -> DeepWireCli.execute("train", f.toString(), "--out",
                    runDir.toString(), "--epochs", "100000", "--max-steps", "300", "--log-every", "1"));
            while (!Files.exists(runDir.resolve("metrics.csv")) && !rc.isDone()) {
                Thread.onSpinWait();
            }
            Files.createDirectories(runDir.resolve("run.json").resolve("in the way"));
            assertThat(rc.get(5, java.util.concurrent.TimeUnit.MINUTES)).as(console.err()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(console.err()).contains("cannot write " + runDir.resolve("run.json"))
                .contains("not listed in the workbench's Runs…").contains("the model is in " + runDir.resolve("model.zip"))
                .doesNotContain("internal error");
        assertThat(runDir.resolve("model.zip")).isRegularFile();
        assertThat(runDir.resolve("run.json/in the way")).as("left as it was").isDirectory();
    }

    /** A project file whose name starts with @ is opened as a file, never read as a list of arguments. */
    @Test
    void anAtFileNameIsAFileNotArguments() throws Exception {
        Path f = project("p");
        Path at = Files.copy(f, dir.resolve("@p.dwproj"));
        assertThat(DeepWireCli.execute("validate", at.toString())).as(console.err()).isZero();
        Path secret = Files.writeString(dir.resolve("secret.txt"), "hunter2 --verbose");
        assertThat(DeepWireCli.execute("validate", "@" + secret)).isEqualTo(2);
        assertThat(console.err()).doesNotContain("hunter2").contains("@" + secret + ": cannot be read");
    }

    /** --out that is a link to a missing folder is refused naming the link, not "a file in the way". */
    @Test
    void aDanglingLinkAsRunFolderIsNamedAsSuch() throws Exception {
        Path f = project("p");
        Path link = Files.createSymbolicLink(dir.resolve("out"), dir.resolve("gone"));
        assertThat(train(f, "--out", link.toString())).isEqualTo(2);
        assertThat(console.err()).contains("cannot write " + link + ": it is a link to " + dir.resolve("gone") + ", which does not exist");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
