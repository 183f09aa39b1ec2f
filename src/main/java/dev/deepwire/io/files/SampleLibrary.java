package dev.deepwire.io.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped samples and their data: the {@code sample-projects} folder of a checkout, or, in an installed
 * build, a copy unpacked from the jar into {@code ~/.deepwire/samples} (so samples with data files train
 * the same way). Lists them from {@code gallery.json}.
 */
public final class SampleLibrary {
    /** One sample: its file (relative to the library), title, expected training time and what it reaches. */
    public record Entry(String file, String title, String time, String reaches) {
    }

    private final Path folder;
    private final List<Entry> entries;

    private SampleLibrary(Path folder, List<Entry> entries) {
        this.folder = folder;
        this.entries = List.copyOf(entries);
    }

    public Path folder() {
        return folder;
    }

    public List<Entry> entries() {
        return entries;
    }

    public Project read(Entry e) throws ProjectFormatException {
        return new ProjectReader().read(folder.resolve(e.file()));
    }

    /** The checkout's samples when run from one, else the unpacked copy (unpacked on first use). */
    public static SampleLibrary find() throws IOException {
        Path local = Path.of("sample-projects");
        if (Files.isRegularFile(local.resolve("gallery.json"))) {
            return at(local);
        }
        String version = String.valueOf(SampleLibrary.class.getPackage().getImplementationVersion());
        Path target = Path.of(System.getProperty("user.home"), ".deepwire", "samples", version);
        JsonNode index = index(SampleLibrary.class.getResourceAsStream("/sample-projects/gallery.json"));
        List<String> files = new ArrayList<>(List.of("gallery.json"));
        index.get("samples").forEach(s -> files.add(s.get("file").asText()));
        index.get("data").forEach(d -> files.add(d.asText()));
        for (String f : files) {
            Path out = target.resolve(f);
            if (!Files.exists(out)) {
                try (InputStream in = SampleLibrary.class.getResourceAsStream("/sample-projects/" + f)) {
                    if (in == null) {
                        throw new IOException("sample file " + f + " is missing from this build");
                    }
                    Files.createDirectories(out.getParent());
                    Path tmp = Files.createTempFile(out.getParent(), ".unpack", ".tmp");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        return at(target);
    }

    /**
     * The gallery of {@code folder}: its gallery.json read as any file from outside is (an ordinary file of at most
     * {@link #MAX_INDEX_BYTES}), each entry's texts present and its file a name inside the folder. The folder may be the
     * one DeepWire was started in ({@link #find}): a gallery.json there whose entries named "../../elsewhere" or lacked
     * a title was read unbounded and opened it, or stopped New from Sample with a NullPointerException.
     */
    public static SampleLibrary at(Path folder) throws IOException {
        try (InputStream in = dev.deepwire.limits.BoundedFiles.open(folder.resolve("gallery.json"), MAX_INDEX_BYTES,
                "sample index")) {
            JsonNode index = index(in);
            List<Entry> entries = new ArrayList<>();
            int i = 0;
            for (JsonNode s : index.get("samples")) {
                String at = "gallery.json samples[" + i++ + "]";
                String file = text(s, "file", at);
                Path resolved = folder.resolve(file).normalize();
                if (Path.of(file).isAbsolute() || !resolved.startsWith(folder.normalize()) || file.contains("\\")) {
                    throw new IOException(at + ".file: '" + file + "' is not a file inside " + folder);
                }
                entries.add(new Entry(file, text(s, "title", at), text(s, "time", at), text(s, "reaches", at)));
            }
            return new SampleLibrary(folder, entries);
        }
    }

    /** The most a sample index may hold (the shipped one is about 2 KB). */
    static final long MAX_INDEX_BYTES = 1 << 20;

    private static String text(JsonNode entry, String field, String at) throws IOException {
        JsonNode v = entry == null ? null : entry.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IOException(at + "." + field + ": needs a text");
        }
        return v.asText();
    }

    private static JsonNode index(InputStream in) throws IOException {
        if (in == null) {
            throw new IOException("the sample index gallery.json is missing from this build");
        }
        JsonNode n = new ObjectMapper().readTree(in);
        if (n == null || !n.path("samples").isArray() || !n.path("data").isArray()) {
            throw new IOException("gallery.json has no 'samples' and 'data' lists");
        }
        return n;
    }
}
