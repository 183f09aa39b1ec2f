package dev.deepwire.io.files;

import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the default sample: beside the working folder when run from a checkout, else inside the jar. */
public final class DefaultSample {
    public static final String NAME = "marker.dwproj";

    private DefaultSample() {
    }

    /** The sample and the file it came from ({@code null} when read from inside the jar: Save asks where). */
    public record Loaded(Project project, Path file) {
    }

    public static Loaded load() throws ProjectFormatException, IOException {
        Path local = Path.of("sample-projects", NAME);
        if (Files.isRegularFile(local)) {
            // Opened as a template: Save asks where, so the shipped sample is never overwritten.
            return new Loaded(new ProjectReader().read(local), null);
        }
        try (InputStream in = DefaultSample.class.getResourceAsStream("/sample-projects/" + NAME)) {
            if (in == null) {
                throw new IOException("the default sample " + NAME + " is missing from this build");
            }
            return new Loaded(new ProjectReader().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), null);
        }
    }
}
