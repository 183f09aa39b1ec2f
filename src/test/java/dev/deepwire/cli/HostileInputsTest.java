package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.limits.MessageText;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and clumsy inputs through the command line: each is the user's (or the machine's) problem, so each ends with
 * one line naming the cause and exit 1 or 2 — never 3 ("a bug") and never a stack trace.
 */
class HostileInputsTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    private Path marker(String name, String from, String to) throws Exception {
        String json = Files.readString(Path.of("sample-projects/marker.dwproj"))
                .replace("\"train\": 20000", "\"train\": 320").replace("\"validation\": 2000", "\"validation\": 40")
                .replace(from, to);
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void runningOutOfMemoryOrStackIsOneLineAndExitOne() {
        assertThat(DeepWireCli.guarded(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, false)).isEqualTo(ExitCodes.INVALID);
        assertThat(DeepWireCli.guarded(() -> {
            throw new StackOverflowError();
        }, false)).isEqualTo(ExitCodes.INVALID);
        assertThat(console.err().lines().toList()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("deepwire: ran out of memory (Java heap space)").contains("batch size"))
                .anySatisfy(l -> assertThat(l).startsWith("deepwire: ran out of stack space"));
        assertThat(console.err()).doesNotContain("\tat ").doesNotContain("Error");
    }

    @Test
    void devicesAndFoldersAsProjectFilesAreRefusedWithExitTwo() {
        assertThat(DeepWireCli.execute("validate", "/dev/zero")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(DeepWireCli.execute("validate", dir.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("not a regular file").contains("is a folder");
    }

    @Test
    void aFolderAsOutputIsRefusedBeforeAnyWork() throws Exception {
        Path project = marker("m.dwproj", "", "");
        assertThat(DeepWireCli.execute("inspect", project.toString(), "--model", "x.zip", "--node", "attn", "--png", "/"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(DeepWireCli.execute("export", project.toString(), "--java", dir.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("--png / is a folder").contains("--java " + dir + " is a folder");
    }

    @Test
    void aModelOfAnotherProjectIsRefusedByNameNotByNd4j() throws Exception {
        Path trained = marker("trained.dwproj", "", "");
        Path run = dir.resolve("run");
        assertThat(DeepWireCli.execute("train", trained.toString(), "--max-steps", "2", "--out", run.toString())).isZero();
        Path other = marker("other.dwproj", "\"hidden\": 128", "\"hidden\": 96");
        console.resetErr();
        int code = DeepWireCli.execute("inspect", other.toString(), "--model", run.resolve("model.zip").toString(),
                "--node", "attn");
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("was not trained from").contains("parameters").contains("deepwire train");
    }

    @Test
    void aModelZipWhoseArraysClaimGigabytesIsRefusedBeforeLoading() throws Exception {
        Path project = marker("m.dwproj", "", "");
        Path zip = dir.resolve("model.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("configuration.json"));
            z.write("{}".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("coefficients.bin"));
            DataOutputStream d = new DataOutputStream(z);
            d.writeUTF("MIXED_DATA_TYPES");
            d.writeLong(2);
            d.writeUTF("LONG");
            d.writeLong(1);
            d.writeLong(1);
            d.writeUTF("MIXED_DATA_TYPES");
            d.writeLong(500_000_000L); // 1.86 GiB of floats claimed
            d.writeUTF("FLOAT");
            d.writeFloat(1f);
            d.flush();
        }
        int code = DeepWireCli.execute("inspect", project.toString(), "--model", zip.toString(), "--node", "attn");
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("coefficients.bin").contains("500000000 values").contains("damaged");
    }

    @Test
    void anUnusedBranchIsWarnedAndTrainingStillRuns() throws Exception {
        Path project = marker("branch.dwproj", "\"nodes\": [", "\"nodes\": [{\"id\": \"spare\", \"type\": \"layer_norm\"},");
        String json = Files.readString(project).replace("\"edges\": [", "\"edges\": [{\"from\": \"ffn.out\", \"to\": \"spare.in\"},");
        Files.writeString(project, json);
        assertThat(DeepWireCli.execute("validate", project.toString())).isZero();
        assertThat(console.out()).contains("WARN spare: output unused — this branch is not trained");
        console.resetOut();
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "2", "--out", dir.resolve("r").toString()))
                .isZero();
        String trained = console.out();
        assertThat(trained).contains("WARN spare: output unused — this branch is not trained");
        assertThat(trained.indexOf("WARN spare")).isLessThan(trained.indexOf("training "));
    }

    @Test
    void aMisspeltDatasetSettingIsWarnedAboutWithTheNameItMeant() throws Exception {
        Path project = marker("misspelt.dwproj", "\"kind\": \"marker\",", "\"kind\": \"marker\", \"Vocabluary\": 40, \"colour\": 1,");
        assertThat(DeepWireCli.execute("validate", project.toString())).isZero();
        assertThat(console.out())
                .contains("WARN dataset.Vocabluary: not a setting of a marker dataset, ignored (kept in the file); "
                        + "did you mean \"vocabulary\"?")
                .contains("WARN dataset.colour: not a setting of a marker dataset, ignored (kept in the file); its "
                        + "settings are length, seed, train, validation, vocabulary");
        console.resetOut();
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "1", "--out", dir.resolve("r").toString()))
                .isZero();
        assertThat(console.out()).contains("WARN dataset.Vocabluary");
    }

    @Test
    void aMisspeltSectionOrBlockFieldIsWarnedAboutWithTheNameItMeant() throws Exception {
        Path project = marker("sections.dwproj", "\"training\": {", "\"trainig\": {\"epochs\": 1}, \"training\": {");
        Files.writeString(project, Files.readString(project).replaceFirst("\"params\": \\{", "\"parms\": {\"x\": 1}, \"params\": {"));
        assertThat(DeepWireCli.execute("validate", project.toString())).isZero();
        assertThat(console.out())
                .contains("WARN trainig: not a section of a project, ignored (kept in the file); did you mean \"training\"?")
                .containsPattern("WARN nodes\\[[a-z_0-9]+\\]\\.parms: not a field of a block, ignored \\(kept in the file\\); "
                        + "did you mean \"params\"\\?");
    }

    @Test
    void unknownTrainingSettingsAreWarnedAboutAndKept() throws Exception {
        Path project = marker("keys.dwproj", "\"training\": {", "\"training\": {\"weightInit\": \"xavier\", \"dataType\": 16,");
        assertThat(DeepWireCli.execute("validate", project.toString())).isZero();
        assertThat(console.out())
                .contains("WARN training.weightInit: not a training setting, ignored (kept in the file)")
                .contains("WARN training.dataType: not a training setting, ignored (kept in the file)");
        console.resetOut();
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "1", "--out", dir.resolve("r").toString()))
                .isZero();
        assertThat(console.out()).contains("WARN training.weightInit: not a training setting");
        var read = new ProjectReader().read(project);
        Path saved = dir.resolve("saved.dwproj");
        new ProjectWriter().write(read, saved);
        var again = new ProjectReader().read(saved);
        assertThat(again.sectionExtras("training")).containsEntry("weightInit", "xavier").containsEntry("dataType", 16);
        assertThat(again.training()).isEqualTo(read.training());
    }

    @Test
    void aModelTooLargeForMemoryIsReportedByValidateAsByTrain() throws Exception {
        Path project = marker("long.dwproj", "\"heads\": 4", "\"heads\": 64");
        Files.writeString(project, Files.readString(project).replace("\"length\": 24", "\"length\": 4096"));
        assertThat(DeepWireCli.execute("validate", project.toString())).isEqualTo(ExitCodes.INVALID);
        assertThat(console.out()).contains("ERROR memory: this network needs about")
                .contains("attention scores");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "1", "--out", dir.resolve("r").toString()))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "1")).isEqualTo(ExitCodes.INVALID);
        assertThat(console.err()).contains("ERROR memory: this network needs about").contains("attention scores")
                .doesNotContain("training failed").doesNotContain("metrics so far");
        assertThat(dir.resolve("r")).doesNotExist(); // refused before a run folder is made: nothing written
        assertThat(dir.resolve("runs")).doesNotExist();
        try (var files = Files.list(Path.of("."))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err") || n.endsWith(".dump"));
        }
    }

    @Test
    void negativesDrawnEachEpochOverTheLimitAreRefusedByValidateAsByTrain() throws Exception {
        // 620,000 training triples with 100 negatives each: 62.6 million examples a epoch, over DeepWire's limit;
        // the first epoch's draw was the first to find it, in training
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < 620_000; i++) {
            tsv.append('e').append(i % 4000).append("\tr").append(i % 12).append("\te").append(i / 4000).append("\ttrain\n");
        }
        tsv.append("e1\tr1\te2\tvalidation\n");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/big.tsv"), tsv);
        Path project = dir.resolve("many-negatives.dwproj");
        Files.writeString(project, Files.readString(Path.of("sample-projects/wordnet-links-sampled.dwproj"))
                .replace("data/wordnet-links.tsv", "data/big.tsv").replace("\"negatives\": 1", "\"negatives\": 100"));
        assertThat(DeepWireCli.execute("validate", project.toString())).isEqualTo(ExitCodes.INVALID);
        assertThat(console.out()).contains("ERROR link: 620,000 triples with 100 negatives each are 62,620,000 examples, "
                + "over DeepWire's limit");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "1", "--out", dir.resolve("r").toString()))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(console.err()).contains("620,000 triples with 100 negatives each").doesNotContain("training failed");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void garbageAfterTheProjectIsNamedAsTextAfterTheObjectWithItsPlace() throws Exception {
        Path project = marker("tail.dwproj", "", "");
        String json = Files.readString(project).stripTrailing();
        long lines = json.lines().count();
        Files.writeString(project, json + "\n garbage}\n");
        assertThat(DeepWireCli.execute("validate", project.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("line " + (lines + 1) + ", column 2: there is more text after the project's closing '}'")
                .doesNotContain("Unrecognized token").doesNotContain("hand-edited");
        console.resetErr();
        Files.writeString(project, json + "  \n\t\n");
        assertThat(DeepWireCli.execute("validate", project.toString(), "--no-data")).isZero();
    }

    @Test
    void aDeviceFolderOrMissingFileAsTheModelIsNamedForWhatItIs() throws Exception {
        Path project = marker("m.dwproj", "", "");
        assertThat(DeepWireCli.execute("inspect", project.toString(), "--model", "/dev/zero", "--node", "attn", "--csv", "-"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("/dev/zero is not a regular file (a device").doesNotContain("no such model file");
        console.resetErr();
        assertThat(DeepWireCli.execute("inspect", project.toString(), "--model", dir.toString(), "--node", "attn"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains(dir + " is a folder, not a model file");
        console.resetErr();
        assertThat(DeepWireCli.execute("inspect", project.toString(), "--model", dir.resolve("nope.zip").toString(),
                "--node", "attn")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("nope.zip: no such model file; train first");
    }

    @Test
    void aHugeValueFromTheFileIsQuotedByItsStartNotWhole() throws Exception {
        String id = "a".repeat(300_000);
        Path project = marker("huge.dwproj", "\"id\": \"attn\"", "\"id\": \"" + id + "\"");
        // a project whose content is wrong: invalid (1), listed as validate lists problems
        assertThat(DeepWireCli.execute("validate", project.toString())).isEqualTo(ExitCodes.INVALID);
        assertThat(console.out().lines().toList()).hasSize(1).allSatisfy(l -> assertThat(l.length()).isLessThan(600));
        assertThat(console.out()).startsWith("ERROR nodes[").contains("'" + "a".repeat(60) + "… (300,000 characters)'")
                .contains("is not a valid id");
        assertThat(DeepWireCli.execute("train", project.toString())).isEqualTo(ExitCodes.INVALID);
        assertThat(console.err().lines().toList()).hasSize(1).allSatisfy(l -> assertThat(l.length()).isLessThan(600));
        console.resetOut();
        Path mode = marker("mode.dwproj", "\"mode\": \"learned\"", "\"mode\": \"" + "b ".repeat(100_000) + "\", \""
                + "k".repeat(50_000) + "\": 1");
        assertThat(DeepWireCli.execute("validate", mode.toString(), "--no-data")).isEqualTo(ExitCodes.INVALID);
        assertThat(console.out().lines().toList()).isNotEmpty()
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(MessageText.MAX_MESSAGE))
                .anySatisfy(l -> assertThat(l).startsWith("ERROR pos:").contains("characters left out"))
                .anySatisfy(l -> assertThat(l).contains("k".repeat(60) + "… (50,000 characters)"));
    }

    @Test
    void aTrainingSettingOutOfRangeMakesTheProjectInvalidAsABlockSettingDoesNotUnusable() throws Exception {
        // README: 1 the project is invalid, 2 a file that cannot be used. A bad training value was 2 and a bad block
        // value 1; both are a project of this format with wrong content.
        Path epochs = marker("epochs.dwproj", "\"epochs\": 20", "\"epochs\": -3");
        assertThat(DeepWireCli.execute("validate", epochs.toString(), "--no-data")).isEqualTo(ExitCodes.INVALID);
        assertThat(console.out()).startsWith("ERROR training.epochs: must be between 1 and");
        for (String command : new String[] {"train", "bench"}) {
            assertThat(DeepWireCli.execute(command, epochs.toString())).as(command).isEqualTo(ExitCodes.INVALID);
        }
        assertThat(DeepWireCli.execute("export", epochs.toString(), "--dl4j-json", dir.resolve("n.json").toString()))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(console.err()).contains("training.epochs: must be between 1 and");
        Path block = marker("block.dwproj", "\"epochs\": 20", "\"epochs\": 2")
                .resolveSibling("block.dwproj");
        Files.writeString(block, Files.readString(block).replace("\"dim\": 64", "\"dim\": -5"));
        assertThat(DeepWireCli.execute("validate", block.toString(), "--no-data")).isEqualTo(ExitCodes.INVALID);
        Path notJson = Files.writeString(dir.resolve("text.dwproj"), "a shopping list, not a project");
        assertThat(DeepWireCli.execute("validate", notJson.toString())).as("no project at all").isEqualTo(ExitCodes.BAD_INPUT);
        Path newer = marker("newer.dwproj", "\"formatVersion\": 1", "\"formatVersion\": 99");
        assertThat(DeepWireCli.execute("train", newer.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void anUnknownCommandPointsAtTheMainHelpWithOneSpace() {
        assertThat(DeepWireCli.execute("frobnicate")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("(see 'deepwire --help')");
    }

    @Test
    void aProjectFileWhoseNameStartsWithADashIsExplained() {
        assertThat(DeepWireCli.execute("validate", "-x.dwproj")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("a file whose name starts with '-' reads as an option: write it as ./-x.dwproj");
    }

    @Test
    void threadCountsAndLogIntervalsOutsideTheirRangeAreRefusedBeforeAnyWork() throws Exception {
        Path project = marker("m.dwproj", "", "");
        int max = 4 * Runtime.getRuntime().availableProcessors();
        for (String[] args : new String[][] {{"--threads", "100000"}, {"--threads", "0"}, {"--log-every", "0"},
                {"--log-every", "-5"}}) {
            console.resetErr();
            String[] command = {"train", project.toString(), "--max-steps", "1", "--out", dir.resolve("r").toString(),
                    args[0], args[1]};
            assertThat(DeepWireCli.execute(command)).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(console.err()).startsWith("deepwire: " + args[0] + " must be")
                    .contains(args[0].equals("--threads") ? "from 1 to " + max : "1 or more").contains("got " + args[1]);
            assertThat(dir.resolve("r")).doesNotExist();
        }
        console.resetErr();
        assertThat(DeepWireCli.execute("bench", project.toString(), "--threads", String.valueOf(max + 1)))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(console.err()).contains("--threads must be from 1 to " + max);
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "1", "--out", dir.resolve("r").toString(),
                "--threads", "1", "--log-every", "1")).isZero(); // one thread: what the other tests in this JVM use
    }
}
