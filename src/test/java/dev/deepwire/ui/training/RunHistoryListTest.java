package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.TrainingSettings;
import dev.deepwire.sweep.SweepRunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryListTest {
    @Test
    void aRunThatWasNeverMeasuredSaysSoInsteadOfAccuracyNaN(@TempDir Path runs) throws Exception {
        Path stopped = Files.createDirectories(runs.resolve("p-sweep-1"));
        Files.write(stopped.resolve("run.json"), new SweepRunRecord("p", "/x/p.dwproj", false,
                "the sweep was stopped before this run ended", 0, Double.NaN, Double.NaN, "validation loss", Double.NaN,
                TrainingSettings.defaults(), Map.of("seed", "42")).toJson());
        Path measured = Files.createDirectories(runs.resolve("p-sweep-2"));
        Files.write(measured.resolve("run.json"), new SweepRunRecord("p", "/x/p.dwproj", true, null, 20, 3.4, 0.0625,
                "validation loss", 3.4, TrainingSettings.defaults(), Map.of("seed", "43")).toJson());

        assertThat(RunHistory.list(runs)).extracting(RunHistory.Run::toString)
                .anySatisfy(s -> assertThat(s).startsWith("p-sweep-1").contains("accuracy not measured")
                        .doesNotContain("NaN"))
                .anySatisfy(s -> assertThat(s).startsWith("p-sweep-2").contains("accuracy 6.3 %"));
    }
}
