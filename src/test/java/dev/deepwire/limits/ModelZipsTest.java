package dev.deepwire.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A model zip whose entries hold far more than its parameters need is refused before the excess is read. */
class ModelZipsTest {
    @TempDir
    Path dir;

    private static byte[] array(int values) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Nd4j.write(Nd4j.rand(DataType.FLOAT, 1, values), new DataOutputStream(b));
        return b.toByteArray();
    }

    private Path zip(String name, byte[] coefficients, byte[] updater) throws Exception {
        Path f = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("configuration.json"));
            z.write("{}".getBytes());
            z.putNextEntry(new ZipEntry("coefficients.bin"));
            z.write(coefficients);
            if (updater != null) {
                z.putNextEntry(new ZipEntry("updaterState.bin"));
                z.write(updater);
            }
        }
        return f;
    }

    @Test
    void aModelOfItsOwnSizeIsCounted() throws Exception {
        assertThat(ModelZips.check(zip("ok.zip", array(100), array(200)))).isEqualTo(100);
    }

    /**
     * What is loaded is what was checked: a private copy, which a model file replaced after the check (by a bomb) does
     * not change; a file refused is said under its own name, and no copy is left behind either way.
     */
    @Test
    void theCheckedCopyStaysAsCheckedWhateverHappensToTheFileAndGoesWhenClosed() throws Exception {
        Path model = zip("model.zip", array(100), array(200));
        byte[] checkedBytes = Files.readAllBytes(model);
        Path copy;
        try (ModelZips.Checked checked = ModelZips.checkedCopy(model)) {
            copy = checked.file();
            assertThat(checked.params()).isEqualTo(100);
            zip("model.zip", array(100), new byte[1 << 20]); // replaced after the check
            assertThat(copy).isNotEqualTo(model).hasBinaryContent(checkedBytes);
        }
        assertThat(copy).doesNotExist();
        assertThat(copy.getParent()).doesNotExist();
        assertThatThrownBy(() -> ModelZips.checkedCopy(model)).isInstanceOf(LimitException.class)
                .hasMessageStartingWith(model + ": its optimizer state");
    }

    /** No temporary folder to copy into is said as that, not as a missing model ("no such model file" before). */
    @Test
    void aTemporaryFolderThatCannotBeUsedIsNamedNotTakenForAMissingModel() throws Exception {
        Path model = zip("model.zip", array(100), array(200));
        Path none = dir.resolve("no such temporary folder");
        assertThatThrownBy(() -> ModelZips.checkedCopy(model, none)).isInstanceOf(java.io.IOException.class)
                .isNotInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("no private copy of it can be made in the temporary folder " + none)
                .hasMessageContaining("it does not exist").hasMessageContaining("java.io.tmpdir");
    }

    @Test
    void anOptimizerStateFarLargerThanTheParametersIsRefused() throws Exception {
        Path bomb = zip("bomb.zip", array(100), new byte[1 << 20]); // a GB-sized one is the same, only slower to make
        assertThatThrownBy(() -> ModelZips.check(bomb)).isInstanceOf(LimitException.class)
                .hasMessageContaining("optimizer state (updaterState.bin) claims 1 MB")
                .hasMessageContaining("far more than a model of 100 parameters keeps");
    }

    @Test
    void bytesAfterTheParametersArrayAreRefused() throws Exception {
        byte[] coefficients = array(100);
        byte[] padded = java.util.Arrays.copyOf(coefficients, coefficients.length + (1 << 20));
        assertThatThrownBy(() -> ModelZips.check(zip("tail.zip", padded, null))).isInstanceOf(LimitException.class)
                .hasMessageContaining("coefficients.bin holds an array of 100 values followed by");
    }

    /**
     * A zip bomb of entries sharing one compressed stream: {@code entries} entries in the central directory, each of
     * {@code size} zero bytes, all pointing at the same local entry — a file of about {@code size / 1000} bytes.
     */
    private Path overlapping(String name, int entries, int size) throws Exception {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] zeros = new byte[1 << 20];
        byte[] out = new byte[1 << 16];
        CRC32 crc = new CRC32();
        for (int left = size; left > 0; left -= zeros.length) {
            int n = Math.min(left, zeros.length);
            deflater.setInput(zeros, 0, n);
            crc.update(zeros, 0, n);
            while (!deflater.needsInput()) {
                deflated.write(out, 0, deflater.deflate(out));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            deflated.write(out, 0, deflater.deflate(out));
        }
        byte[] data = deflated.toByteArray();
        byte[] local = "x.dat".getBytes();
        ByteBuffer b = ByteBuffer.allocate(30 + local.length + data.length + entries * (46 + 16) + 22)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                .putInt((int) crc.getValue()).putInt(data.length).putInt(size)
                .putShort((short) local.length).putShort((short) 0).put(local).put(data);
        int directory = b.position();
        for (int i = 0; i < entries; i++) {
            byte[] entry = String.format("x%010d.dat", i).getBytes();
            b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8)
                    .putInt(0).putInt((int) crc.getValue()).putInt(data.length).putInt(size)
                    .putShort((short) entry.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(0).put(entry);
        }
        int end = b.position();
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                .putShort((short) entries).putInt(end - directory).putInt(directory).putShort((short) 0);
        return Files.write(dir.resolve(name), java.util.Arrays.copyOf(b.array(), b.position()));
    }

    /**
     * 20 entries of 512 MB sharing one compressed stream (a file of half a MB claiming 10 GB; a hostile one claims
     * terabytes — 2,000 entries of 200 MB in 300 KB had kept {@code evaluate --model} and the window's Evaluate
     * decompressing for hours). Refused before anything is decompressed, naming what the entries claim.
     */
    @Test
    void entriesSharingOneCompressedStreamAreRefusedByWhatTheyClaimTogether() throws Exception {
        Path bomb = overlapping("overlap.zip", 20, 512 << 20);
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThatThrownBy(() -> ModelZips.check(bomb)).isInstanceOf(LimitException.class)
                .hasMessageContaining("its 20 entries claim 10.0 GB once decompressed; the limit for a whole model is 8.1 GB");
    }

    @Test
    void aZipOfMoreEntriesThanAModelHasIsRefusedBeforeAnyIsRead() throws Exception {
        Path many = overlapping("many.zip", 5_000, 1);
        assertThatThrownBy(() -> ModelZips.check(many)).isInstanceOf(LimitException.class)
                .hasMessageContaining("holds 5,000 entries; a model has a few (at most 64)");
    }

    @Test
    void anEntryThatDecompressesToMoreThanItClaimsIsRefusedAfterItsClaim() throws Exception {
        Path lying = overlapping("lying.zip", 1, 4 << 20);
        byte[] bytes = Files.readAllBytes(lying);
        // the central directory's size of the one entry: 4 MB claimed as 1 KB
        int central = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(bytes.length - 6);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(central + 24, 1024);
        Files.write(lying, bytes);
        assertThatThrownBy(() -> ModelZips.check(lying)).isInstanceOf(LimitException.class)
                .hasMessageContaining("x0000000000.dat holds more than the 1 KB it claims");
    }
}
