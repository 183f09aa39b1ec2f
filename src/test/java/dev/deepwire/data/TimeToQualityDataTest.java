package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.DatasetSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * docs/bench/time_to_quality.py trains PyTorch on marker's own data, made in Python: the same token ids, labels and
 * split as {@link MarkerDataset}, example for example (its java.util.Random twin), or the time-to-quality pair
 * would compare two different tasks.
 */
class TimeToQualityDataTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("docs/bench/time_to_quality.py");

    @Test
    void theScriptMakesTheMarkerSamplesDataExampleForExample() throws Exception {
        Path project = Path.of("sample-projects/marker.dwproj");
        DatasetSpec spec = new ProjectReader().read(project).dataset();
        assertThat(scriptDigests(project)).containsExactlyElementsOf(javaDigests(spec)).hasSize(2);
    }

    @Test
    void sizesThatArePowersOfTwoTakeJavasOtherBranchAndStillMatch(@TempDir Path dir) throws Exception {
        // nextInt(bound) draws differently when bound is a power of two: vocabulary 18 and length 9 give bounds 16 and 8.
        Map<String, Object> params = Map.of("length", 9, "vocabulary", 18, "train", 300, "validation", 40, "seed", 123);
        Path project = dir.resolve("small.dwproj");
        Files.writeString(project, "{\"dataset\": {\"kind\": \"marker\", \"length\": 9, \"vocabulary\": 18, "
                + "\"train\": 300, \"validation\": 40, \"seed\": 123}}");
        List<String> java = javaDigests(new DatasetSpec("marker", params));
        assertThat(scriptDigests(project)).containsExactlyElementsOf(java);
        // and the digest does see the data: another seed gives other lines
        Map<String, Object> other = Map.of("length", 9, "vocabulary", 18, "train", 300, "validation", 40, "seed", 124);
        assertThat(javaDigests(new DatasetSpec("marker", other))).doesNotContainAnyElementsOf(java);
    }

    /** "split size sha256" per split, as the script's --print-data writes them. */
    private static List<String> javaDigests(DatasetSpec spec) throws Exception {
        DatasetSplits splits = MarkerDataset.generate(spec);
        List<String> lines = new ArrayList<>();
        lines.add("train " + splits.train().size() + " " + digest(splits.train()));
        lines.add("validation " + splits.validation().size() + " " + digest(splits.validation()));
        return lines;
    }

    private static String digest(Dataset data) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        float[][] ids = data.features()[0].toFloatMatrix();
        INDArray labels = data.labels()[0].argMax(1);
        for (int i = 0; i < ids.length; i++) {
            StringBuilder line = new StringBuilder();
            for (int t = 0; t < ids[i].length; t++) {
                line.append(t == 0 ? "" : " ").append((int) ids[i][t]);
            }
            line.append(';').append(labels.getLong(i)).append('\n');
            sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static List<String> scriptDigests(Path project) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3, which runs the benchmark scripts");
        Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), "--print-data", "--project", project.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}
