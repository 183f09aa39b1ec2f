package dev.deepwire.training.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrainingJvmTest {
    /** Started with {@link TrainingJvm#options()}: prints whether it sees itself as bounded, and its largest heap. */
    public static final class Report {
        public static void main(String[] args) {
            System.out.println(TrainingJvm.isBounded() + " " + Runtime.getRuntime().maxMemory() + " "
                    + System.getenv(TrainingJvm.MMAP_THRESHOLD_ENV) + " " + Runtime.getRuntime().totalMemory() + " "
                    + ModuleLayer.boot().findModule(TrainingJvm.VECTOR_MODULE).isPresent() + " "
                    + org.bytedeco.javacpp.Pointer.maxPhysicalBytes() + " " + System.getProperty(TrainingJvm.CEILING_PROPERTY)
                    + " " + java.lang.management.ManagementFactory.getPlatformMXBean(
                            com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("CompileCommand").getValue()
                            .replace('\n', '|'));
        }
    }

    @Test
    void aJvmStartedWithTheOptionsUsesTheSerialCollectorABoundedHeapAFixedMmapThresholdTheVectorModuleAndACeiling()
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TrainingJvm.options());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Report.class.getName()));
        ProcessBuilder pb = TrainingJvm.process(command);
        pb.environment().remove(TrainingJvm.ENV_BOUNDED); // the collector alone must say so
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).as("its only error output is Java's notice").isEqualTo(TrainingJvm.STARTUP_NOTICE);
        String[] words = out.split(" ");
        assertThat(words[0]).isEqualTo("true");
        assertThat(Long.parseLong(words[1])).isLessThanOrEqualTo(1L << 30)
                .as("what another JVM judges data and models against is what this one has (validate agrees with train)")
                .isCloseTo(dev.deepwire.limits.TrainingMemory.judged(), org.assertj.core.data.Percentage.withPercentage(0.1))
                .isGreaterThanOrEqualTo(dev.deepwire.limits.TrainingMemory.judged());
        assertThat(Long.parseLong(words[3])).as("the heap it starts with").isLessThanOrEqualTo(TrainingJvm.INITIAL_HEAP)
                .isGreaterThan(TrainingJvm.INITIAL_HEAP / 2);
        assertThat(words[2]).isEqualTo(System.getenv().getOrDefault(TrainingJvm.MMAP_THRESHOLD_ENV, TrainingJvm.MMAP_THRESHOLD));
        assertThat(words[4]).as("the vector module resolved (this JDK has it)").isEqualTo("true");
        assertThat(words[5]).as("JavaCPP's check at every allocation off").isEqualTo("0");
        assertThat(Long.parseLong(words[6])).as("the ceiling kept once a step instead: four times the heap")
                .isEqualTo(4L << 30);
        assertThat(words[7]).as("the hand-written layers compiled after a twentieth of the JIT's counts, silently")
                .isEqualTo("quiet|CompileThresholdScaling,dev.deepwire.compiler.layers.*::*,0.05");
        assertThat(words).as("nothing else on its output").hasSize(8);
    }

    @Test
    void theStartUpNoticeIsLeftOutOfTheErrorsPassedOnAndEverythingElseKept() throws Exception {
        String[][] cases = {
            {TrainingJvm.STARTUP_NOTICE + "\nerror: no such file\nepoch 1\r", "error: no such file\nepoch 1\r"},
            {"error: first\n" + TrainingJvm.STARTUP_NOTICE + "\n", "error: first\n" + TrainingJvm.STARTUP_NOTICE + "\n"},
            {"no newline at all", "no newline at all"},
            {"WARNING: Using incubator modules: jdk.other\nnext\n", "WARNING: Using incubator modules: jdk.other\nnext\n"},
            {"WARNING: Using", "WARNING: Using"},
            {TrainingJvm.STARTUP_NOTICE + "\n", ""},
            {"", ""},
        };
        for (String[] c : cases) {
            java.io.ByteArrayOutputStream passed = new java.io.ByteArrayOutputStream();
            Thread t = TrainingJvm.passOnErrors(new java.io.ByteArrayInputStream(c[0].getBytes(StandardCharsets.UTF_8)),
                    new java.io.PrintStream(passed, true, StandardCharsets.UTF_8));
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
            assertThat(passed.toString(StandardCharsets.UTF_8)).as("from %s", c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void theMallocSettingIsAddedToTheEnvironmentWithoutOverridingTheUsersOwn() {
        ProcessBuilder pb = TrainingJvm.process(List.of("java", "-version"));
        assertThat(pb.command()).containsExactly("java", "-version");
        assertThat(pb.environment()).containsKey(TrainingJvm.MMAP_THRESHOLD_ENV);
        Map<String, String> plain = new HashMap<>(Map.of("PATH", "/usr/bin"));
        TrainingJvm.addEnvironment(plain);
        assertThat(plain).containsOnly(Map.entry("PATH", "/usr/bin"), Map.entry(TrainingJvm.MMAP_THRESHOLD_ENV, "131072"));
        Map<String, String> users = new HashMap<>(Map.of(TrainingJvm.MMAP_THRESHOLD_ENV, "4194304"));
        TrainingJvm.addEnvironment(users);
        assertThat(users).containsOnly(Map.entry(TrainingJvm.MMAP_THRESHOLD_ENV, "4194304"));
    }

    @Test
    void aHeapSizeThatIsNotOneFallsBackToTheDefault() {
        String before = System.getProperty(TrainingJvm.HEAP_PROPERTY);
        try {
            System.setProperty(TrainingJvm.HEAP_PROPERTY, "1g -XX:+Evil");
            assertThat(TrainingJvm.options()).contains("-Xmx" + TrainingJvm.DEFAULT_HEAP).noneMatch(o -> o.contains("Evil"));
            System.setProperty(TrainingJvm.HEAP_PROPERTY, "3g");
            assertThat(TrainingJvm.options()).contains("-Xmx3g", "-XX:+UseSerialGC", "-XX:SurvivorRatio=2", "-Xms" + (384L << 20),
                    "-Duser.home=" + System.getProperty("user.home"));
            System.setProperty(TrainingJvm.HEAP_PROPERTY, "256m"); // a starting heap above the largest would not start
            assertThat(TrainingJvm.options()).contains("-Xmx256m", "-Xms" + (256L << 20));
        } finally {
            if (before == null) {
                System.clearProperty(TrainingJvm.HEAP_PROPERTY);
            } else {
                System.setProperty(TrainingJvm.HEAP_PROPERTY, before);
            }
        }
    }
}
