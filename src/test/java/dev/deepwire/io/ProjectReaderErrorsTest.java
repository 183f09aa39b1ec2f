package dev.deepwire.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken files are refused with a message that names the place; never a stack trace or a hang. */
class ProjectReaderErrorsTest {
    private static final String HEAD = "{\"format\": \"deepwire-project\", \"formatVersion\": 1, \"name\": \"x\", ";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated | {\"format\": \"deepwire-project\", \"formatVer | line 1, column",
            "not json | hello world | not valid JSON",
            "empty | '' | empty",
            "array | [1, 2] | a project file holds one JSON object",
            "other format | {\"format\": \"something-else\", \"formatVersion\": 1} | format: expected \"deepwire-project\"",
            "newer version | {\"format\": \"deepwire-project\", \"formatVersion\": 99} | update DeepWire",
            "version as text | {\"format\": \"deepwire-project\", \"formatVersion\": \"one\"} | formatVersion: must be a whole number",
            "duplicate keys | {\"format\": \"deepwire-project\", \"format\": \"x\"} | Duplicate field 'format'",
            "NaN | {\"format\": \"deepwire-project\", \"formatVersion\": NaN} | 'NaN' is not a JSON number",
            "a comment | {\"format\": \"deepwire-project\" /* mine */} | JSON has no comments",
            "single quotes | {'format': 1} | not single ones",
    })
    void malformedFilesAreRefusedWithThePlace(String name, String json, String expected) {
        assertThatThrownBy(() -> new ProjectReader().parse(json))
                .isInstanceOf(ProjectFormatException.class).hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nodes missing | \"edges\": [] | nodes: the field is missing",
            "nodes not a list | \"nodes\": 3 | nodes: must be a list",
            "node without type | \"nodes\": [{\"id\": \"a\"}] | nodes[0].type: the field is missing",
            "bad id | \"nodes\": [{\"id\": \"1a b\", \"type\": \"dense\"}] | nodes[0].id: '1a b' is not a valid id",
            "duplicate ids | \"nodes\": [{\"id\": \"a\", \"type\": \"dense\"}, {\"id\": \"a\", \"type\": \"dense\"}] | nodes[1].id: id 'a' is used twice",
            "param as list | \"nodes\": [{\"id\": \"a\", \"type\": \"dense\", \"params\": {\"units\": [1]}}] | nodes[0].params.units: must be a number, text or true/false",
            "edge to missing node | \"nodes\": [{\"id\": \"a\", \"type\": \"dense\"}], \"edges\": [{\"from\": \"a.out\", \"to\": \"ghost.in\"}] | edges[0].to: refers to node 'ghost'",
            "edge without port | \"nodes\": [{\"id\": \"a\", \"type\": \"dense\"}], \"edges\": [{\"from\": \"a\", \"to\": \"a.in\"}] | edges[0].from: 'a' must name node.port",
            "epochs as text | \"nodes\": [], \"training\": {\"epochs\": \"ten\"} | training.epochs: must be a whole number",
            "negative batch | \"nodes\": [], \"training\": {\"batchSize\": -4} | training.batchSize: must be between",
            "seed with a fraction | \"nodes\": [], \"training\": {\"seed\": 1.9} | training.seed: must be a whole number",
            "seed beyond 64 bits | \"nodes\": [], \"training\": {\"seed\": 1e308} | training.seed: must be a whole number",
            "seed as text | \"nodes\": [], \"training\": {\"seed\": \"7\"} | training.seed: must be a whole number",
            "seed beyond a double (infinity: had been exit 3) | \"nodes\": [], \"training\": {\"seed\": 1e309} | training.seed: must be a whole number from",
            "epochs beyond a double | \"nodes\": [], \"training\": {\"epochs\": -1e999} | training.epochs: must be a whole number from -2147483648 to 2147483647; got a number beyond ±1.8e308",
            "epochs one past an int: its size, not its kind | \"nodes\": [], \"training\": {\"epochs\": 2147483648} | training.epochs: must be a whole number from -2147483648 to 2147483647; got 2147483648",
            "patience as 3e10 | \"nodes\": [], \"training\": {\"earlyStoppingPatience\": 3e10} | training.earlyStoppingPatience: must be a whole number from",
            "checkpoint a fraction | \"nodes\": [], \"training\": {\"checkpointEvery\": 2.5} | training.checkpointEvery: must be a whole number; got 2.5",
            "learning rate beyond a double | \"nodes\": [], \"training\": {\"learningRate\": 1e999} | training.learningRate: must be a number; got a number beyond ±1.8e308",
            "bad position | \"nodes\": [], \"ui\": {\"positions\": {\"a\": [1]}} | ui.positions.a: must be [x, y]",
            "position at 1e308 (left the canvas blank) | \"nodes\": [], \"ui\": {\"positions\": {\"a\": [1e308, 0]}} | ui.positions.a: its place (1.000e+308, 0.000) is off the canvas",
            "note far away | \"nodes\": [], \"ui\": {\"notes\": [{\"id\": \"n\", \"text\": \"t\", \"x\": 0, \"y\": -2e9}]} | ui.notes[0]: its place (0.000, -2.000e+09) is off the canvas",
    })
    void structuralProblemsNameTheJsonPath(String name, String body, String expected) {
        assertThatThrownBy(() -> new ProjectReader().parse(HEAD + body + "}"))
                .isInstanceOf(ProjectFormatException.class).hasMessageContaining(expected);
    }

    @Test
    void bidiOverridesAndControlsInShownTextAreReadAsVisibleEscapes() throws Exception {
        String head = "{\"format\": \"deepwire-project\", \"formatVersion\": 1, ";
        var p = new ProjectReader().parse(head + "\"name\": \"evil\\u202egnp.exe\", \"description\": \"\\u202eDESREVER\\u0007\","
                + " \"nodes\": [{\"id\": \"a\", \"type\": \"dense\", \"label\": \"x\\u2066y\"}]}");
        assertThat(p.name()).as("shown as evil…exe.png in the window").isEqualTo("evil\\u202egnp.exe");
        assertThat(p.description()).isEqualTo("\\u202eDESREVER\\u0007");
        assertThat(p.graph().require("a").label()).isEqualTo("x\\u2066y");
        assertThat(new ProjectReader().parse(head + "\"name\": \"Leçon ¿qué? שלום\", \"nodes\": []}").name())
                .as("text in any script stays as written").isEqualTo("Leçon ¿qué? שלום");
    }

    @Test
    void blocksWithoutSavedPlacesAreNotStackedOnOneSpot() throws Exception {
        var g = new ProjectReader().parse(HEAD + "\"nodes\": [{\"id\": \"a\", \"type\": \"dense\"}, "
                + "{\"id\": \"b\", \"type\": \"dense\"}, {\"id\": \"c\", \"type\": \"dense\"}],"
                + " \"ui\": {\"positions\": {\"c\": [500, 600]}}}").graph();
        assertThat(g.nodes()).extracting(n -> n.x() + "," + n.y()).doesNotHaveDuplicates();
        assertThat(g.require("c").x()).as("a saved place is kept").isEqualTo(500);
    }

    @Test
    void aSeedIsReadExactly() throws Exception {
        // beyond 2^53: read through a double it came back as 9007199254740992
        assertThat(new ProjectReader().parse(HEAD + "\"nodes\": [], \"training\": {\"seed\": 9007199254740993}}")
                .training().seed()).isEqualTo(9_007_199_254_740_993L);
        var written = new ProjectReader().parse(HEAD + "\"nodes\": [], \"training\": {\"epochs\": 20.0, \"batchSize\": 64.0, "
                + "\"seed\": 42.0}}").training();
        assertThat(written.epochs()).as("a whole number written with .0, as block settings accept it").isEqualTo(20);
        assertThat(written.batchSize()).isEqualTo(64);
        assertThat(written.seed()).isEqualTo(42);
        assertThatThrownBy(() -> new ProjectReader().parse(HEAD + "\"nodes\": [], \"training\": {\"epochs\": 20.5}}"))
                .hasMessageContaining("training.epochs: must be a whole number");
    }

    @Test
    void missingFileSaysSo() {
        assertThatThrownBy(() -> new ProjectReader().read(dir.resolve("nope.dwproj")))
                .hasMessageContaining("nope.dwproj").hasMessageContaining("no such file");
    }

    @Test
    void deeplyNestedInputIsRefusedNotOverflowed() {
        String deep = HEAD + "\"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> new ProjectReader().parse(deep)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("nested more than 64 levels");
    }

    @Test
    void binaryGarbageIsRefused() throws Exception {
        Path f = dir.resolve("junk.dwproj");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        assertThatThrownBy(() -> new ProjectReader().read(f)).isInstanceOf(ProjectFormatException.class);
    }

    @Test
    void unknownBlockTypeLoadsSoTheCheckerCanMarkIt() throws Exception {
        var p = new ProjectReader().parse(HEAD + "\"nodes\": [{\"id\": \"q\", \"type\": \"quantum\"}]}");
        assertThat(p.graph().require("q").type()).isEqualTo("quantum");
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingIt() throws Exception {
        Path f = dir.resolve("huge.dwproj");
        try (var ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'{'}), ProjectFormat.MAX_BYTES + 10); // sparse: no real 32 MB
        }
        assertThatThrownBy(() -> new ProjectReader().read(f)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("the limit for a project file is 32 MB");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path f = dir.resolve("bom.dwproj");
        Files.write(f, ("\uFEFF" + HEAD + "\"nodes\": []}").getBytes(StandardCharsets.UTF_8));
        assertThat(new ProjectReader().read(f).name()).isEqualTo("x");
    }

    @Test
    void textAfterTheObjectIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> new ProjectReader().parse(HEAD + "\"nodes\": []}\n{\"more\": 1}"))
                .isInstanceOf(ProjectFormatException.class).hasMessageContaining("line 2")
                .hasMessageContaining("more text after the project's closing");
    }

    @Test
    void jacksonJargonDoesNotReachTheUser() {
        String[] inputs = {HEAD + "\"nodes\": [", HEAD + "\"x\": " + "9".repeat(2000) + "}",
                HEAD + "\"x\": \"" + "a".repeat(1_100_000) + "\"}"};
        for (String json : inputs) {
            assertThatThrownBy(() -> new ProjectReader().parse(json)).isInstanceOf(ProjectFormatException.class)
                    .hasMessageNotContaining("Source").hasMessageNotContaining("REDACTED")
                    .hasMessageNotContaining("StreamReadConstraints").hasMessageNotContaining("`");
        }
        assertThatThrownBy(() -> new ProjectReader().parse(inputs[1])).hasMessageContaining("a number longer than 1000 digits");
        assertThatThrownBy(() -> new ProjectReader().parse(inputs[2])).hasMessageContaining("longer than 1000000 characters");
    }

    @Test
    void aDeviceOrFolderIsRefusedNotRead() {
        assertThatThrownBy(() -> new ProjectReader().read(Path.of("/dev/zero"))).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> new ProjectReader().read(dir)).isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws Exception {
        Path f = Files.writeString(dir.resolve("locked.dwproj"), "{}");
        Files.setPosixFilePermissions(f, Set.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f), "running as root: permissions are not enforced");
        assertThatThrownBy(() -> new ProjectReader().read(f)).hasMessageContaining("permission denied");
    }
}
