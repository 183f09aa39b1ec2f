package dev.deepwire.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import dev.deepwire.training.RunFolders;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFolderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aLongProjectNameStillGivesEveryRunAPlainFolderName() throws Exception {
        Project project = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        project.setName("A lesson on attention for the Tuesday class group number seven, with notes");
        Path runs = dir.resolve("runs");

        Path created = SweepFolder.createNew(dir.resolve("sweeps"), runs, project.name());
        String name = SweepFolder.newName(runs, project.name());
        List<SweepTask> tasks = SweepPlan.tasks(project, dir.resolve("p.dwproj"),
                SweepSpec.parse(List.of("training.learningRate=1e-3,2e-3"), 1, 0), created.getFileName().toString());

        for (String n : List.of(created.getFileName() + "-10000-10000", name + "-10000-10000",
                tasks.get(1).runName())) {
            assertThat(RunFolders.safeName(n)).isEqualTo(n);
        }
        assertThat(name).startsWith("A lesson on attention for the").contains("-sweep-");
    }

    private Path tampered(Consumer<ObjectNode> edit) throws Exception {
        SweepSpec spec = SweepSpec.parse(List.of("training.learningRate=1e-3"), 1, 0);
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        SweepFolder.create(sweep, dir.resolve("p.dwproj"), "p-sweep", spec,
                List.of(new SweepTask("p-sweep-1", "/nowhere/p.dwproj", "{}", java.util.Map.of("seed", "42"))));
        ObjectNode root = (ObjectNode) JSON.readTree(sweep.resolve(SweepFolder.FILE).toFile());
        edit.accept(root);
        Files.write(sweep.resolve(SweepFolder.FILE), JSON.writeValueAsBytes(root));
        return sweep;
    }

    private void refused(Consumer<ObjectNode> edit, String... words) throws Exception {
        Path sweep = tampered(edit);
        assertThatThrownBy(() -> SweepFolder.open(sweep)).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining(sweep.resolve(SweepFolder.FILE).toString())
                .hasMessageContaining("start a new sweep")
                .satisfies(e -> assertThat(e.getMessage()).contains(words));
    }

    @Test
    void aTamperedSweepJsonIsRefusedOnOpenNamingTheJsonPath() throws Exception {
        refused(r -> r.put("name", "../../escaped"), "name", "'../../escaped' is not a plain folder name");
        refused(r -> r.put("name", "/tmp/abs"), "name", "not a plain folder name");
        refused(r -> ((ObjectNode) r.path("runs").get(0)).put("name", "a/b-1"), "runs[0].name", "a/b-1");
        refused(r -> ((ObjectNode) r.path("runs").get(0)).put("status", 7), "runs[0].status");
        refused(r -> ((ObjectNode) r.path("runs").get(0)).putArray("settings"), "runs[0].settings");
        refused(r -> ((ObjectNode) r.path("spec")).put("seeds", "many"), "spec.seeds", "whole number");
        refused(r -> ((ObjectNode) r.path("spec")).putNull("params"), "spec.params");
        refused(r -> ((ObjectNode) r.path("spec").path("params")).putArray("training.learningRate").addNull(),
                "spec.params.training.learningRate");
        refused(r -> r.put("runs", "all of them"), "runs is missing or not a list");
        refused(r -> r.remove("projectFile"), "projectFile");
    }

    @Test
    void anOversizedSweepJsonIsRefusedWithoutReadingIt() throws Exception {
        Path sweep = tampered(r -> { });
        try (RandomAccessFile f = new RandomAccessFile(sweep.resolve(SweepFolder.FILE).toFile(), "rw")) {
            f.setLength(SweepFileCheck.MAX_BYTES + 1); // sparse: no disk used
        }
        assertThatThrownBy(() -> SweepFolder.open(sweep)).isInstanceOf(SweepSpecException.class)
                .hasMessageContaining("bytes, more than a sweep.json DeepWire writes");
    }

    @Test
    void aRelativeProjectFileIsTakenFromTheSweepFolderNotFromWhereTheCommandRuns() throws Exception {
        Path sweep = tampered(r -> r.put("projectFile", "../p.dwproj"));
        assertThat(SweepFolder.open(sweep).projectFile()).isEqualTo(dir.resolve("p.dwproj"));
    }

    @Test
    void aSweepFolderIsHeldByOneSweepAtATime() throws Exception {
        Path sweep = dir.resolve("sweep");
        try (SweepFolder.Lock first = SweepFolder.Lock.on(sweep)) {
            assertThatThrownBy(() -> SweepFolder.Lock.on(sweep)).isInstanceOf(SweepSpecException.class)
                    .hasMessageContaining(sweep.toString()).hasMessageContaining("another deepwire sweep is running");
        }
        try (SweepFolder.Lock again = SweepFolder.Lock.on(sweep)) {
            assertThat(sweep.resolve(".sweep.lock")).exists(); // released by the first: held again
        }
        try (SweepFolder.Lock none = SweepFolder.Lock.on(null)) {
            assertThat(none).isNotNull();
        }
    }

    /**
     * A sweep folder someone sent, with its lock file planted: a link there had been followed — the file it names made
     * empty wherever it pointed — and a pipe had kept {@code sweep --resume} waiting for ever without a word. Both are
     * refused at once, naming the file, and nothing is made through the link.
     */
    @Test
    void aLockFileThatIsALinkOrAPipeIsRefusedNeitherFollowedNorWaitedOn() throws Exception {
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Path victim = dir.resolve("elsewhere").resolve("made-through-the-link");
        Files.createDirectories(victim.getParent());
        Files.createSymbolicLink(linked.resolve(".sweep.lock"), victim);
        assertThatThrownBy(() -> SweepFolder.Lock.on(linked)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(linked.resolve(".sweep.lock").toString())
                .hasMessageContaining("it is a symbolic link");
        assertThat(victim).doesNotExist();

        Path piped = Files.createDirectories(dir.resolve("piped"));
        int rc = new ProcessBuilder("mkfifo", piped.resolve(".sweep.lock").toString()).start().waitFor();
        org.junit.jupiter.api.Assumptions.assumeTrue(rc == 0, "mkfifo is not available");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> SweepFolder.Lock.on(piped)).isInstanceOf(java.io.IOException.class)
                        .hasMessageContaining("it is not a regular file (a pipe, socket or device)"));
    }
}
