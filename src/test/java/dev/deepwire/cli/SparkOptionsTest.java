package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.DistributedTraining;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** train's Spark options in the default build, which has no Spark: a clear refusal, nothing written. */
class SparkOptionsTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    @Test
    void withoutSparkInTheBuildTrainSaysHowToGetIt() throws Exception {
        assumeTrue(DistributedTraining.find().isEmpty(), "this build has Spark (-Pspark): SparkTrainCommandTest covers it");
        Path project = SmallMarker.file(dir, "marker.dwproj");
        assertThat(DeepWireCli.execute("train", project.toString(), "--spark", "local[4]")).isEqualTo(2);
        assertThat(console.err()).contains("this build has no Spark: build with `mvn -Pspark package`")
                .contains("scripts/deepwire-spark train FILE --spark local[4]");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aMasterSparkCannotUseIsABadArgumentInEitherBuild() throws Exception {
        Path project = SmallMarker.file(dir, "marker.dwproj");
        for (String bad : new String[] {"foo", "local[0]", "local[two]", "spark://host", "spark://host:7077/x", ""}) {
            assertThat(DeepWireCli.execute("train", project.toString(), "--spark", bad)).as(bad).isEqualTo(2);
            assertThat(console.err()).contains("--spark '" + bad + "' is not a Spark master: use local[N] or local[*]");
        }
        assertThat(DeepWireCli.execute("sweep", project.toString(), "--param", "training.learningRate=0.001",
                "--master", "spark//host:7077")).isEqualTo(2);
        assertThat(console.err()).contains("--master 'spark//host:7077' is not a Spark master");
        assertThat(dir.resolve("sweeps")).doesNotExist();
        for (String good : new String[] {"local", "local[4]", "local[*]", "local[2,3]", "spark://127.0.0.1:7077",
                "spark://a:7077,b:7077", "yarn", "k8s://https://k:443"}) {
            assertThat(DistributedTraining.masterProblem(good)).as(good).isNull();
        }
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void modeAndWorkersNeedSpark() throws Exception {
        Path project = SmallMarker.file(dir, "marker.dwproj");
        assertThat(DeepWireCli.execute("train", project.toString(), "--mode", "sharing")).isEqualTo(2);
        assertThat(console.err()).contains("--mode only applies with --spark MASTER");
        assertThat(DeepWireCli.execute("train", project.toString(), "--workers", "3")).isEqualTo(2);
        assertThat(console.err()).contains("--workers only applies with --spark MASTER");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
