package dev.deepwire.limits;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a model zip (as DL4J's ModelSerializer writes it) before DL4J reads it: every entry's declared and actual
 * decompressed size within {@link Limits#MODEL_ENTRY_BYTES} (the configuration within
 * {@link Limits#MODEL_CONFIG_BYTES}), and every array's header asking for no more values than its entry holds, so a
 * damaged or hostile zip cannot make ND4J allocate gigabytes. Reads the zip once, allocating nothing large.
 */
public final class ModelZips {
    private static final Map<String, Integer> BYTES_PER_VALUE = Map.of("FLOAT", 4, "DOUBLE", 8, "HALF", 2, "BFLOAT16", 2,
            "LONG", 8, "INT", 4, "SHORT", 2, "BYTE", 1, "UBYTE", 1, "BOOL", 1);

    private static final Set<String> ALLOCATION_MODES = Set.of("DIRECT", "HEAP", "JAVACPP", "LONG_SHAPE",
            "MIXED_DATA_TYPES");

    /** The most values an optimizer keeps per parameter (Adam and its kin keep two; a margin for others). */
    private static final long UPDATER_VALUES_PER_PARAM = 4;

    private ModelZips() {
    }

    /**
     * Refuses a model path that is missing, a folder, or not a regular file (a device such as {@code /dev/zero}, a
     * pipe): the cheap first part of {@link #check}, for commands that want to refuse before any other work.
     */
    public static void checkFile(Path zip) throws IOException {
        BoundedFiles.checkRegular(zip, Long.MAX_VALUE, "model file");
    }

    /** The number of parameters the model's {@code coefficients.bin} holds, after checking the whole zip. */
    public static long check(Path zip) throws IOException {
        checkFile(zip);
        return check(zip, zip);
    }

    /**
     * A private copy of a model file's bytes, checked: what DL4J then loads is what was checked. Checked at its own path
     * and loaded from it again, a model file replaced in between (by another process writing the run folder) had been
     * loaded unchecked. The copy goes when closed.
     */
    public static Checked checkedCopy(Path zip) throws IOException {
        return checkedCopy(zip, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@link #checkedCopy(Path)} with its copy in a folder made under {@code temporary}. */
    static Checked checkedCopy(Path zip, Path temporary) throws IOException {
        checkFile(zip);
        Path dir;
        try {
            dir = Files.createTempDirectory(temporary, "deepwire-model-");
        } catch (IOException e) {
            // said as what it is: a missing temporary folder had been reported as "no such model file"
            throw new IOException("cannot check " + zip + ": no private copy of it can be made in the temporary folder "
                    + temporary + " (" + (e instanceof java.nio.file.NoSuchFileException ? "it does not exist"
                    : FileProblems.describe(e)) + "); set java.io.tmpdir to a folder that can be written",
                    e);
        }
        Path copy = dir.resolve("model.zip");
        try {
            try (InputStream in = BoundedFiles.open(zip, Limits.MODEL_TOTAL_BYTES, "model file")) {
                Files.copy(in, copy);
            }
            return new Checked(copy, check(copy, zip));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(dir);
            throw e;
        }
    }

    /** A checked private copy of a model file ({@link #checkedCopy}): its path and the parameters it holds. */
    public record Checked(Path file, long params) implements Closeable {
        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
    }

    /** Checks the zip at {@code file}, naming it {@code zip} in what it says. */
    private static long check(Path file, Path zip) throws IOException {
        long params = -1;
        try (ZipFile z = new ZipFile(file.toFile())) {
            checkTotal(z, zip);
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                long entryLimit = e.getName().endsWith(".json") ? Limits.MODEL_CONFIG_BYTES : Limits.MODEL_ENTRY_BYTES;
                if (e.getName().equals("updaterState.bin") && params >= 0) {
                    // an optimizer keeps at most a few values per parameter (Adam two): a 3.7 GB state beside 2,080
                    // parameters had been read whole, then refused with "no details"
                    entryLimit = Math.min(entryLimit, (UPDATER_VALUES_PER_PARAM * params + 1024) * 8 + 4096);
                    if (e.getSize() > entryLimit) {
                        throw new LimitException(zip + ": its optimizer state (updaterState.bin) claims " + Limits.bytes(e.getSize())
                                + ", far more than a model of " + String.format(java.util.Locale.ROOT, "%,d", params)
                                + " parameters keeps — the file is damaged or not a DeepWire model");
                    }
                }
                // read no more than it claims (a lie is found after its claim, not after the limit for one entry)
                long limit = e.getSize() >= 0 ? Math.min(entryLimit, e.getSize() + 1) : entryLimit;
                if (e.getSize() > limit) {
                    throw new LimitException(zip + ": its entry " + e.getName() + " claims " + Limits.bytes(e.getSize())
                            + "; the limit for one entry is " + Limits.bytes(limit) + " — the file is damaged or not a "
                            + "DeepWire model");
                }
                long[] claimed = null;
                String name = e.getName();
                long claims = e.getSize();
                long most = entryLimit;
                try (CappedStream in = new CappedStream(z.getInputStream(e), limit, () -> limit < most
                        ? damaged(zip, name, "more than the " + Limits.bytes(claims) + " it claims")
                        : new LimitException(zip + ": its entry " + name + " is over " + Limits.bytes(limit)
                                + " once decompressed, the limit for one entry"))) {
                    if (e.getName().endsWith(".bin")) {
                        claimed = arrayValues(new DataInputStream(in), zip, e.getName());
                    }
                    long before = in.count();
                    if (claimed != null && e.getSize() > before + claimed[0] * claimed[1] + 4096) {
                        // gigabytes after the array it describes: refused before they are read
                        throw damaged(zip, e.getName(), "an array of " + claimed[0] + " values followed by "
                                + Limits.bytes(e.getSize() - before - claimed[0] * claimed[1]) + " more");
                    }
                    in.transferTo(OutputStream.nullOutputStream());
                    if (e.getSize() >= 0 && e.getSize() != in.count()) {
                        throw damaged(zip, e.getName(), Limits.bytes(in.count()) + " but claims " + Limits.bytes(e.getSize()));
                    }
                    if (claimed != null && claimed[0] * claimed[1] > in.count() - before) {
                        throw damaged(zip, e.getName(), "an array of " + claimed[0] + " values but only "
                                + (in.count() - before) + " bytes of them");
                    }
                }
                if (e.getName().equals("coefficients.bin") && claimed != null) {
                    params = claimed[0];
                }
            }
        } catch (ZipException e) {
            throw new LimitException(zip + " is not a model zip (" + e.getMessage() + ")");
        }
        if (params < 0) {
            throw new LimitException(zip + " holds no parameters (coefficients.bin); is it really a DeepWire model?");
        }
        return params;
    }

    /**
     * Refuses, before anything is decompressed, a zip of more entries than a model has or whose entries together claim
     * more than {@link Limits#MODEL_TOTAL_BYTES}: entries sharing one compressed stream (a zip bomb of 300 KB claiming
     * 400 GB in 2,000 entries of 200 MB) had been decompressed one after another for hours. Each entry is then read no
     * further than its claim.
     */
    private static void checkTotal(ZipFile z, Path zip) throws LimitException {
        if (z.size() > Limits.MODEL_ENTRIES) {
            throw new LimitException(zip + " holds " + String.format(java.util.Locale.ROOT, "%,d", z.size())
                    + " entries; a model has a few (at most " + Limits.MODEL_ENTRIES + ") — the file is damaged or not "
                    + "a DeepWire model");
        }
        long total = 0;
        for (Enumeration<? extends ZipEntry> entries = z.entries(); entries.hasMoreElements(); ) {
            long size = entries.nextElement().getSize();
            total += Math.max(0, Math.min(size, Limits.MODEL_ENTRY_BYTES + 1));
        }
        if (total > Limits.MODEL_TOTAL_BYTES) {
            throw new LimitException(zip + ": its " + z.size() + " entries claim " + Limits.bytes(total)
                    + " once decompressed; the limit for a whole model is " + Limits.bytes(Limits.MODEL_TOTAL_BYTES)
                    + " — the file is damaged or not a DeepWire model");
        }
    }

    /** Reads an ND4J array header (shape buffer, then data buffer): how many values it says follow, and their size. */
    private static long[] arrayValues(DataInputStream in, Path zip, String entry) throws IOException {
        try {
            long[] shape = header(in, zip, entry);
            if (shape[0] > 256) {
                throw damaged(zip, entry, "a shape of " + shape[0] + " numbers");
            }
            in.skipNBytes(shape[0] * shape[1]);
            return header(in, zip, entry);
        } catch (EOFException e) {
            throw damaged(zip, entry, "an array cut short");
        }
    }

    private static long[] header(DataInputStream in, Path zip, String entry) throws IOException {
        String mode = in.readUTF();
        if (!ALLOCATION_MODES.contains(mode)) {
            throw damaged(zip, entry, "an unknown allocation mode '" + mode + "'");
        }
        long length = in.readLong();
        String type = in.readUTF();
        Integer size = BYTES_PER_VALUE.get(type);
        if (size == null || length < 0) {
            throw damaged(zip, entry, "an unknown array type '" + type + "'");
        }
        if (length > Limits.MODEL_ENTRY_BYTES / size) {
            throw new LimitException(zip + ": " + entry + " claims " + length + " values ("
                    + Limits.bytes(Math.multiplyHigh(length, size) != 0 ? Long.MAX_VALUE : length * size)
                    + "); the limit for one entry is " + Limits.bytes(Limits.MODEL_ENTRY_BYTES));
        }
        return new long[] {length, size};
    }

    private static LimitException damaged(Path zip, String entry, String what) {
        return new LimitException(zip + ": " + entry + " holds " + what + "; the file is damaged or not a DeepWire model");
    }
}
