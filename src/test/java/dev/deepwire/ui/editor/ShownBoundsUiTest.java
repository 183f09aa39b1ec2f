package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What step mode's wire badges keep clear of is what is drawn: a collapsed group's box, not the blocks it hides (the
 * badges had kept off the empty room those would take, and had been drawn over the box).
 */
@ExtendWith(ApplicationExtension.class)
class ShownBoundsUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) throws Exception {
        vm = new EditorViewModel(BlockCatalog.standard(), new ProjectReader().read(Path.of("sample-projects/marker.dwproj")),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        canvas.setPrefSize(900, 600);
        Scene scene = new Scene(new HBox(canvas), 1024, 700);
        scene.getStylesheets().add(getClass().getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aCollapsedGroupCountsByItsBoxNotByTheBlocksItHides(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.select("res1", false);
            vm.select("norm1", true);
        });
        String group = WaitForAsyncUtils.asyncFx(() -> vm.groupSelection("Residual stage").orElseThrow()).get();
        robot.interact(() -> vm.toggleCollapsed(group));
        WaitForAsyncUtils.waitForFxEvents();
        var norm1 = vm.graph().require("norm1");
        Bounds hiddenRoom = new BoundingBox(norm1.x() + 10, norm1.y() + 10, NodeView.WIDTH - 20, 40);
        Bounds box = WaitForAsyncUtils.asyncFx(() -> canvas.groupView(group).getBoundsInParent()).get();
        assertThat(box.intersects(hiddenRoom)).as("the box stands elsewhere (the test's premise)").isFalse();

        List<Bounds> shown = WaitForAsyncUtils.asyncFx(canvas::shownWorldBounds).get();
        assertThat(shown).as("the hidden block's room is free").noneMatch(b -> b.intersects(hiddenRoom));
        assertThat(shown).as("the box is drawn").contains(box);
        assertThat(shown).as("each shown block and the box; notes")
                .hasSize(vm.graph().nodes().size() - 2 + 1 + vm.graph().notes().size());
    }
}
