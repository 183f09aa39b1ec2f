package dev.deepwire.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.cli.DeepWireCli;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The marker sample made small for tests: in memory with a small network ({@link #project}), or as a project file
 * with the sample's own network and little data ({@link #file}), so a few steps run in a second.
 */
public final class SmallMarker {
    private SmallMarker() {
    }

    /**
     * The sample with a marker dataset of sequence length 8 and these other dataset settings (e.g. {@code train},
     * {@code validation}, {@code vocabulary}, {@code seed}).
     */
    public static Project project(Map<String, Object> dataset) throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        p.graph().setParam("tokens", "length", 8);
        p.graph().setParam("embed", "dim", 16);
        p.graph().setParam("ffn", "hidden", 16);
        Map<String, Object> spec = new HashMap<>(dataset);
        spec.put("length", 8);
        p.setDataset(new DatasetSpec("marker", spec));
        return p;
    }

    /** A small marker project named {@code "other lesson"}, written as {@code dir/other lesson.dwproj}: another project to open. */
    public static Path otherLesson(Path dir) throws Exception {
        Path other = dir.resolve("other lesson.dwproj");
        Project project = project(Map.of("train", 64, "validation", 16));
        project.setName("other lesson");
        new dev.deepwire.io.ProjectWriter().write(project, other);
        return other;
    }

    /** The sample's file with 640 training and 100 validation examples, written as {@code dir/name}. */
    public static Path file(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, Files.readString(Path.of("sample-projects/marker.dwproj"))
                .replace("\"train\": 20000", "\"train\": 640").replace("\"validation\": 2000", "\"validation\": 100"));
        return f;
    }

    /** Trains {@code project} for five steps with {@code deepwire train} into {@code dir/run}; returns its model. */
    public static Path trainedModel(Path project, Path dir) {
        Path run = dir.resolve("run");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "5", "--out", run.toString())).isZero();
        return run.resolve("model.zip");
    }
}
