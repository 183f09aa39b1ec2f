package dev.deepwire.io;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.model.Project;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a process that keeps saving a project, at random moments, many times: the file is
 * always one of the two versions whole — never empty, truncated or mixed.
 */
class AtomicSaveKillTest {
    static final int KILLS = 25;

    @TempDir
    Path dir;

    @Test
    void killingTheProcessMidSaveLeavesTheOldOrTheNewFileWhole() throws Exception {
        Project marker = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        // Two versions a few megabytes large, so a save takes long enough to be interrupted.
        List<String> pad = Collections.nCopies(40, "x".repeat(50_000));
        marker.extras().put("padding", pad);
        String a = new ProjectWriter().toJson(marker);
        marker.setName("marker-b");
        marker.extras().put("padding", Collections.nCopies(40, "y".repeat(50_000)));
        String b = new ProjectWriter().toJson(marker);
        Path fileA = Files.writeString(dir.resolve("a.json"), a);
        Path fileB = Files.writeString(dir.resolve("b.json"), b);
        Path target = dir.resolve("project.dwproj");
        Files.writeString(target, a);
        Random random = new Random(7);
        int interrupted = 0;
        for (int k = 0; k < KILLS; k++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(),
                    target.toString(), fileA.toString(), fileB.toString()).redirectErrorStream(true).start();
            int savesBeforeKill = 1 + random.nextInt(6);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                int seen = 0;
                String line;
                while (seen < savesBeforeKill && (line = out.readLine()) != null) {
                    if (line.startsWith("saving ")) {
                        seen++;
                    }
                }
                // The fault is a kill at a random moment of the save just announced (the save itself takes
                // milliseconds); killing the instant the line arrives mostly lands before the save has begun.
                java.util.concurrent.locks.LockSupport.parkNanos(random.nextInt(12_000_000));
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            String now = Files.readString(target);
            assertThat(now.equals(a) || now.equals(b)).as("after kill %d the file is one whole version", k).isTrue();
            new ProjectReader().parse(now);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path leftover : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                    interrupted++;
                    Files.delete(leftover);
                }
            }
        }
        // Proof the kills landed during saves: some left a half-written temporary file behind.
        assertThat(interrupted).isGreaterThan(0);
        System.out.println("atomic save: " + KILLS + " kills, " + interrupted + " mid-write, file always whole");
    }
}
