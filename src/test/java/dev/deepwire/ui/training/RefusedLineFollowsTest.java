package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.training.RunState;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Train refused before it compiled ("Not started: …": the data cannot be read, leaves the folder, does not fit)
 * is the idle dock's line only until the project is edited: it had kept "Not started: the dataset cannot be read:
 * 'Classes' must be a number" after Dataset Settings had mended it, beside "no problems" in the status bar.
 */
class RefusedLineFollowsTest {
    private static final TrainingSettings SETTINGS = new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0);

    @TempDir
    Path dir;

    @Test
    void theRefusalGivesWayToWhatTrainWouldDoOnceTheDatasetIsMended() throws Exception {
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 16, "file", "../../etc/passwd"));
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        Path projectDir = Files.createDirectories(dir.resolve("project"));
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run,
                () -> projectDir.resolve("runs"));
        vm.data().setOutsideConfirmation(message -> false);
        assertThat(vm.start(SETTINGS)).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Not started: ");
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.IDLE);

        editor.setDataset(new DatasetSpec("marker", Map.of("train", 64, "validation", 16, "length", 8)));

        assertThat(vm.statusProperty().get()).as("the refusal no longer holds: the line says what Train would do now")
                .doesNotStartWith("Not started: ").startsWith("Ready to train");
    }
}
