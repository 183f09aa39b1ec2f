package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The marker sample made small (640 training, 100 validation examples) so that a few steps run quickly. */
final class SmallMarker {
    private SmallMarker() {
    }

    /** Writes the small project as {@code dir/name}. */
    static Path project(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, Files.readString(Path.of("sample-projects/marker.dwproj"))
                .replace("\"train\": 20000", "\"train\": 640").replace("\"validation\": 2000", "\"validation\": 100"));
        return f;
    }

    /** Trains {@code project} for five steps with {@code deepwire train} into {@code dir/run}; returns its model. */
    static Path trainedModel(Path project, Path dir) {
        Path run = dir.resolve("run");
        assertThat(DeepWireCli.execute("train", project.toString(), "--max-steps", "5", "--out", run.toString())).isZero();
        return run.resolve("model.zip");
    }
}
