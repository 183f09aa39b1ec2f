package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A group collapsed: the selection follows what is shown — the box wholly selected, or nothing hidden. */
@ExtendWith(ApplicationExtension.class)
class CollapsedGroupUiTest {
    private static final List<String> MEMBERS = List.of("a", "b", "c", "d");
    private EditorViewModel vm;
    private GraphCanvas canvas;
    private Inspector inspector;
    private String group;

    @Start
    void start(Stage stage) {
        // four blocks far apart in the group's corners: the group's middle is empty, and while it is collapsed nothing
        // is drawn there
        GraphFixture g = new GraphFixture().node("a", "dense").node("b", "dense").node("c", "dense").node("d", "dense")
                .node("outside", "dense");
        g.graph().moveNode("a", 3000, 3000);
        g.graph().moveNode("b", 3700, 3000);
        g.graph().moveNode("c", 3000, 3500);
        g.graph().moveNode("d", 3700, 3500);
        g.graph().moveNode("outside", 2500, 3000);
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("groups", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        canvas.setPrefSize(760, 700);
        inspector = new Inspector(vm);
        inspector.setPrefWidth(264);
        stage.setScene(new Scene(new HBox(canvas, inspector), 1024, 700));
        stage.show();
        MEMBERS.forEach(id -> vm.selection().add(id));
        group = vm.groupSelection("Middle").orElseThrow();
        vm.clearSelection();
    }

    @Test
    void collapsingAGroupLeavesNoneOfItsBlocksSelectedHidden(FxRobot robot) {
        robot.interact(() -> {
            vm.select("a", false);
            vm.select("b", true);
            vm.select("outside", true);
            vm.toggleCollapsed(group);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selection()).as("only what is shown stays selected").containsExactly("outside");
        robot.interact(vm::deleteSelection);
        assertThat(vm.graph().nodes()).as("Delete removed no hidden block").hasSize(4);
        robot.interact(() -> vm.history().undo());
        robot.interact(() -> vm.history().undo()); // expanded again: nothing comes back selected by itself
        assertThat(vm.selection()).isEmpty();
    }

    @Test
    void aWholeGroupSelectedWhenCollapsedIsTheBoxSelectedAndSaidSo(FxRobot robot) {
        robot.interact(() -> {
            MEMBERS.forEach(id -> vm.select(id, true)); // pressing the group's name selects its blocks
            vm.toggleCollapsed(group);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selection()).containsExactlyInAnyOrderElementsOf(MEMBERS);
        assertThat(canvas.groupView(group).isSelected()).as("the box is drawn selected").isTrue();
        String hint = robot.lookup(".hint").queryAs(Label.class).getText();
        assertThat(hint).isEqualTo("Group \u2018Middle\u2019 (4 blocks) selected");
    }
}
