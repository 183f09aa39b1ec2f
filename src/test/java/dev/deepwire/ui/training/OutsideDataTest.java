package dev.deepwire.ui.training;

import dev.deepwire.training.RunState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench asks before a project reads data outside its folder, and remembers the answer for that file. */
class OutsideDataTest {
    private static final TrainingSettings SETTINGS = new TrainingSettings(1, 32, "adam", 1e-3, 42, 0, 0);

    @TempDir
    Path dir;

    private TrainingViewModel training(String dataFile, List<String> asked, boolean answer) throws Exception {
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 16, "file", dataFile));
        EditorViewModel editor = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        Path projectDir = Files.createDirectories(dir.resolve("project"));
        TrainingViewModel vm = new TrainingViewModel(editor, Runnable::run, Runnable::run, Runnable::run,
                () -> projectDir.resolve("runs"));
        vm.data().setOutsideConfirmation(message -> {
            asked.add(message.message());
            return answer;
        });
        return vm;
    }

    @Test
    void dataOutsideTheFolderIsNotReadWithoutTheUsersYes() throws Exception {
        List<String> asked = new ArrayList<>();
        TrainingViewModel vm = training("../../etc/passwd", asked, false);
        assertThat(vm.start(SETTINGS)).isFalse();
        assertThat(asked).singleElement().asString().contains("'../../etc/passwd' leaves the project's folder");
        assertThat(vm.statusProperty().get()).startsWith("Not started: dataset.file '../../etc/passwd' leaves");
        assertThat(vm.runDir()).isEmpty();
    }

    @Test
    void theEditorsDataCheckMayReadAnOutsideFileOnlyOnceTheUserSaidYes() throws Exception {
        List<String> asked = new ArrayList<>();
        TrainingViewModel vm = training("/elsewhere/data.csv", asked, true);
        var spec = vm.editor().project().dataset();
        Path folder = dir.resolve("project");
        assertThat(vm.data().readableWithoutAsking(spec, folder)).isFalse();
        assertThat(vm.start(SETTINGS)).isTrue();
        assertThat(vm.data().readableWithoutAsking(spec, folder)).isTrue();
    }

    @Test
    void aYesStartsTheRunAndIsAskedOncePerFile() throws Exception {
        List<String> asked = new ArrayList<>();
        TrainingViewModel vm = training("/elsewhere/data.csv", asked, true);
        assertThat(vm.start(SETTINGS)).isTrue();
        vm.drain();
        assertThat(vm.phaseProperty().get()).isEqualTo(RunState.FINISHED);
        assertThat(vm.start(SETTINGS)).isTrue();
        vm.drain();
        assertThat(asked).hasSize(1).allMatch(m -> m.contains("is an absolute path"));
    }

    @Test
    void dataInsideTheFolderIsReadWithoutAsking() throws Exception {
        List<String> asked = new ArrayList<>();
        TrainingViewModel vm = training("data/inside.csv", asked, false);
        assertThat(vm.start(SETTINGS)).isTrue();
        vm.drain();
        assertThat(asked).isEmpty();
    }
}
