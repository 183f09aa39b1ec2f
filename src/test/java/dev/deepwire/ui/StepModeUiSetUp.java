package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Path;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;

/**
 * The set-up the step mode tests share: the small marker sample with an untrained model saved beside it, in a
 * workbench window.
 */
abstract class StepModeUiSetUp {
    TrainingViewModel training;
    WorkbenchWindow window;
    Stage stage;
    WorkbenchHarness h;
    Path dir;
    Path zip;

    /** Called by each test class's {@code @Start} (TestFX looks for it on the test class itself). */
    void setUp(Stage stage) throws Exception {
        this.stage = stage;
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 32));
        zip = UntrainedModel.save(p, "deepwire-step-ui");
        dir = zip.getParent();
        h = new WorkbenchHarness(stage, p, 1280, 800);
        training = h.training;
        window = h.window;
    }

    @AfterEach
    void cleanUp() throws Exception {
        h.close();
    }

    static java.util.List<String> shownTitles() {
        return javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                .filter(w -> w instanceof Stage).map(w -> ((Stage) w).getTitle()).toList();
    }
}
