package dev.deepwire.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void sampleSurvivesWriteAndReadUnchanged() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        Path out = dir.resolve("copy.dwproj");
        new ProjectWriter().write(p, out);
        Project back = new ProjectReader().read(out);
        assertThat(back.graph()).isEqualTo(p.graph());
        assertThat(back.training()).isEqualTo(p.training());
        assertThat(back.dataset()).isEqualTo(p.dataset());
        assertThat(back.description()).isEqualTo(p.description());
        assertThat(new ProjectWriter().toJson(back)).isEqualTo(new ProjectWriter().toJson(p));
    }

    @Test
    void unknownFieldsAreKeptOnEveryLevel() throws Exception {
        String json = """
                {"format": "deepwire-project", "formatVersion": 1, "name": "x",
                 "nodes": [{"id": "t", "type": "token_input", "params": {"length": 4}, "note": {"by": "ann"}},
                           {"id": "e", "type": "token_embedding", "params": {}}],
                 "edges": [{"from": "t.out", "to": "e.in", "style": "dashed"}],
                 "training": {"epochs": 3, "warmupSteps": 100},
                 "ui": {"positions": {"t": [10, 20]}, "zoom": 1.5,
                        "groups": [{"id": "g", "label": "G", "members": ["t"], "collapsed": false, "colour": "#f00"}],
                        "notes": [{"id": "n", "text": "hi", "x": 1, "y": 2, "pinned": true}]},
                 "plugin": [1, 2, 3]}
                """;
        Project p = new ProjectReader().parse(json);
        String written = new ProjectWriter().toJson(p);
        Project back = new ProjectReader().parse(written);
        assertThat(back.extras()).containsEntry("plugin", java.util.List.of(1, 2, 3));
        assertThat(back.graph().require("t").extras()).containsEntry("note", java.util.Map.of("by", "ann"));
        assertThat(back.sectionExtras("training")).containsEntry("warmupSteps", 100);
        assertThat(back.sectionExtras("ui")).containsEntry("zoom", 1.5);
        assertThat(back.elementExtras("edges", "t.out->e.in")).containsExactly(java.util.Map.entry("style", "dashed"));
        assertThat(back.elementExtras("ui.groups", "g")).containsExactly(java.util.Map.entry("colour", "#f00"));
        assertThat(back.elementExtras("ui.notes", "n")).containsExactly(java.util.Map.entry("pinned", true));
        assertThat(written).contains("\"style\" : \"dashed\"", "\"colour\" : \"#f00\"", "\"pinned\" : true");
        assertThat(back.graph().require("t").x()).isEqualTo(10.0);
        assertThat(back.training().epochs()).isEqualTo(3);
    }

    @Test
    void groupsSurviveARoundTripAndUnknownMembersAreDropped() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        p.graph().insertGroup(0, new dev.deepwire.model.NodeGroup("encoder", "Encoder", new java.util.LinkedHashSet<>(java.util.List.of("attn", "res1", "norm1")), true));
        String json = new ProjectWriter().toJson(p);
        Project back = new ProjectReader().parse(json);
        assertThat(back.graph().groups()).containsExactlyElementsOf(p.graph().groups());
        String ghostly = json.replace("\"members\" : [ \"attn\"", "\"members\" : [ \"attn\", \"ghost\"");
        assertThat(ghostly).contains("ghost");
        Project withGhost = new ProjectReader().parse(ghostly);
        assertThat(withGhost.graph().group("encoder").orElseThrow().members()).containsExactlyInAnyOrder("attn", "res1", "norm1");
    }

    @Test
    void formatAndVersionComeFirst() {
        Project p = new ProjectReaderTestSupport().minimal();
        String json = new ProjectWriter().toJson(p);
        assertThat(json.indexOf("\"format\"")).isLessThan(json.indexOf("\"formatVersion\""));
        assertThat(json.indexOf("\"formatVersion\"")).isLessThan(json.indexOf("\"name\""));
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("p.dwproj");
        Files.writeString(file, "old");
        new ProjectWriter().write(new ProjectReaderTestSupport().minimal(), file);
        assertThat(Files.readString(file)).startsWith("{");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("p.dwproj");
        }
    }

    @Test
    void saveKeepsTheFilePermissions() throws Exception {
        Path file = dir.resolve("shared.dwproj");
        Files.writeString(file, "old");
        var perms = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(file, perms);
        new ProjectWriter().write(new ProjectReaderTestSupport().minimal(), file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(perms);
    }

    /** Builds small projects for the tests above. */
    static final class ProjectReaderTestSupport {
        Project minimal() {
            try {
                return new ProjectReader().parse("{\"format\": \"deepwire-project\", \"formatVersion\": 1, "
                        + "\"name\": \"m\", \"nodes\": []}");
            } catch (ProjectFormatException e) {
                throw new AssertionError(e);
            }
        }
    }
}
