package dev.deepwire.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
