package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one filter between the command line and the terminal: control characters shown, never obeyed. */
class TerminalSafeStreamTest {
    private static String through(byte[]... chunks) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (TerminalSafeStream safe = new TerminalSafeStream(sink)) {
            for (byte[] c : chunks) {
                safe.write(c, 0, c.length);
            }
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void controlCharactersAreEscapedAndTextPasses() throws Exception {
        assertThat(through(utf8("a\u001b[2Jb\u0007c\rd\be\u007ff\tg\nh")))
                .isEqualTo("a\\u001b[2Jb\\u0007c\\u000dd\\u0008e\\u007ff\tg\nh");
        assertThat(through(utf8("64 × 24 · é 日本 😀"))).isEqualTo("64 × 24 · é 日本 😀");
    }

    @Test
    void c1ControlsAndBidiOverridesAreEscapedEvenWhenSplitAcrossWrites() throws Exception {
        byte[] csi = utf8("\u009b31m");
        byte[] rlo = utf8("\u202egnp.exe");
        assertThat(through(new byte[] {csi[0]}, Arrays.copyOfRange(csi, 1, csi.length),
                Arrays.copyOfRange(rlo, 0, 2), Arrays.copyOfRange(rlo, 2, rlo.length)))
                .isEqualTo("\\u009b31m\\u202egnp.exe");
        assertThat(TerminalSafeStream.escape("x\u2066y\u2028z")).isEqualTo("x\\u2066y\\u2028z");
    }

    @Test
    void bytesThatAreNotUtf8AreShownAsHex() throws Exception {
        assertThat(through(new byte[] {'a', (byte) 0x9b, 'b', (byte) 0xe2, (byte) 0x80, 'c'}))
                .isEqualTo("a\\x9bb\\xe2\\x80c");
        assertThat(through(new byte[] {'a', (byte) 0xe2})).isEqualTo("a\\xe2");
    }
}
