package dev.deepwire.ui;

import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the default sample: beside the working folder when run from a checkout, else inside the jar. */
final class DefaultSample {
    static final String NAME = "marker.dwproj";

    private DefaultSample() {
    }

    static Project load() throws ProjectFormatException, IOException {
        Path local = Path.of("sample-projects", NAME);
        if (Files.isRegularFile(local)) {
            return new ProjectReader().read(local);
        }
        try (InputStream in = DefaultSample.class.getResourceAsStream("/sample-projects/" + NAME)) {
            if (in == null) {
                throw new IOException("the default sample " + NAME + " is missing from this build");
            }
            return new ProjectReader().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
