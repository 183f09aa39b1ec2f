package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.GraphFixture;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Wires are always seen: routed at right angles around blocks (never across or behind one), a replaced or
 * removed wire is said in the status bar with its undo, and a double-click near a wire does not remove it.
 */
@ExtendWith(ApplicationExtension.class)
class WireUiTest {
    private EditorViewModel vm;
    private GraphCanvas canvas;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // tokens → emb with "pool" standing right in the straight line between them; pool → out.
        GraphFixture g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("pool", "global_pool").node("out", "softmax_output").node("other", "token_embedding")
                .wire("tokens.out", "emb.in").wire("pool.out", "out.in");
        g.graph().moveNode("tokens", 20, 40);
        g.graph().moveNode("pool", 300, 30);
        g.graph().moveNode("emb", 600, 40);
        g.graph().moveNode("out", 900, 40);
        g.graph().moveNode("other", 300, 260);
        show(stage, g.graph());
    }

    private void show(Stage stage, Graph graph) {
        vm = new EditorViewModel(BlockCatalog.standard(), new Project("wires", "", graph, null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
        canvas = new GraphCanvas(vm);
        stage.setScene(new Scene(canvas, 1300, 600));
        stage.show();
    }

    /** Every segment of every wire is horizontal or vertical and stays out of every block but its ends' stubs. */
    private void assertWiresRoutedAroundBlocks() {
        for (Edge e : vm.graph().edges()) {
            EdgeView v = canvas.edgeView(e);
            if (v == null || !v.isVisible()) {
                continue;
            }
            List<double[]> p = v.points();
            assertThat(p.size()).as("corners of %s", e).isGreaterThanOrEqualTo(2);
            for (int i = 0; i + 1 < p.size(); i++) {
                double[] a = p.get(i);
                double[] b = p.get(i + 1);
                assertThat(a[0] == b[0] || a[1] == b[1]).as("segment %d of %s is straight", i, e).isTrue();
                for (var n : vm.graph().nodes()) {
                    NodeView nv = canvas.nodeView(n.id());
                    if (!nv.isVisible()) {
                        continue;
                    }
                    var box = new BoundingBox(n.x(), n.y(), NodeView.WIDTH, nv.getHeight()); // the body, not its ports
                    double inset = 2;
                    boolean crosses = Math.max(a[0], b[0]) > box.getMinX() + inset && Math.min(a[0], b[0]) < box.getMaxX() - inset
                            && Math.max(a[1], b[1]) > box.getMinY() + inset && Math.min(a[1], b[1]) < box.getMaxY() - inset;
                    assertThat(crosses).as("segment %d of %s crosses %s %s: %s", i, e, n.id(), box, p.stream().map(Arrays::toString).toList()).isFalse();
                }
            }
        }
    }

    @Test
    void aWireGoesAroundTheBlockBetweenItsEnds() {
        WaitForAsyncUtils.waitForFxEvents();
        assertWiresRoutedAroundBlocks();
    }

    @Test
    void theMarkerSamplesBackWiresGoAroundBlocksAtRightAngles(FxRobot robot) throws Exception {
        Project marker = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        robot.interact(() -> show(stage, marker.graph()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edges()).isNotEmpty();
        assertWiresRoutedAroundBlocks();
    }

    private Point2D screen(double[] world) {
        return canvas.localToScreen(canvas.fromWorld(world[0], world[1]));
    }

    private double[] middleOfLongestSegment(Edge e) {
        List<double[]> p = canvas.edgeView(e).points();
        double[] best = null;
        double longest = -1;
        for (int i = 0; i + 1 < p.size(); i++) {
            double len = Math.abs(p.get(i + 1)[0] - p.get(i)[0]) + Math.abs(p.get(i + 1)[1] - p.get(i)[1]);
            if (len > longest) {
                longest = len;
                best = new double[] {(p.get(i)[0] + p.get(i + 1)[0]) / 2, (p.get(i)[1] + p.get(i + 1)[1]) / 2};
            }
        }
        return best;
    }

    @Test
    void aDoubleClickOnAWireSelectsItAndOnlyDeleteRemovesItSayingHowToUndo(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Edge wire = vm.graph().edgeInto(new Port("emb", "in")).orElseThrow();
        robot.doubleClickOn(screen(middleOfLongestSegment(wire)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edges()).contains(wire);
        assertThat(canvas.selectedWire()).contains(wire);
        assertThat(vm.messageProperty().get()).contains("selected").contains("Delete");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edges()).doesNotContain(wire);
        assertThat(vm.messageProperty().get()).startsWith("Removed the wire").contains("Undo (Ctrl+Z)");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edges()).contains(wire);
    }

    @Test
    void droppingOnAnOccupiedInputSaysTheOldWireWasReplacedAndTheNewOneIsSeen(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double[] from = canvas.nodeView("other").portCentre(new Port("other", "out"));
        double[] to = canvas.nodeView("pool").portCentre(new Port("pool", "in"));
        robot.drag(screen(canvas.nodeView("tokens").portCentre(new Port("tokens", "out"))), MouseButton.PRIMARY)
                .dropTo(screen(canvas.nodeView("other").portCentre(new Port("other", "in"))));
        WaitForAsyncUtils.waitForFxEvents();
        robot.drag(screen(from), MouseButton.PRIMARY).dropTo(screen(to));
        WaitForAsyncUtils.waitForFxEvents();
        Edge made = vm.graph().edgeInto(new Port("pool", "in")).orElseThrow();
        assertThat(made.from()).isEqualTo(new Port("other", "out"));
        // Now replace it: emb → pool.in, where other's wire is.
        robot.drag(screen(canvas.nodeView("emb").portCentre(new Port("emb", "out"))), MouseButton.PRIMARY)
                .dropTo(screen(canvas.nodeView("pool").portCentre(new Port("pool", "in"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edgeInto(new Port("pool", "in")).orElseThrow().from()).isEqualTo(new Port("emb", "out"));
        assertThat(vm.messageProperty().get()).startsWith("Replaced the wire").contains("(other).out").contains("Undo (Ctrl+Z)");
        assertWiresRoutedAroundBlocks();
    }

    @Test
    void aLongBlockTitleReadsWholeOnHoverAndACollapsedGroupsTextStaysInItsBox(FxRobot robot) {
        String longName = "Multi-head self-attention over the whole sentence";
        robot.interact(() -> vm.rename("emb", longName));
        assertThat(canvas.nodeView("emb").hoverText()).startsWith(longName);
        robot.interact(() -> {
            vm.select("tokens", false);
            vm.select("emb", true);
            vm.groupSelection("An encoder group with a rather long name indeed");
        });
        String id = vm.graph().groups().get(0).id();
        robot.interact(() -> vm.toggleCollapsed(id));
        WaitForAsyncUtils.waitForFxEvents();
        GroupView box = canvas.groupView(id);
        var text = box.title().getBoundsInParent(); // in the title layer, in the box's coordinates
        assertThat(text.getMaxX() - box.getLayoutX()).as("text right edge").isLessThanOrEqualTo(NodeView.WIDTH);
        assertThat(text.getMaxY() - box.getLayoutY()).as("text bottom").isLessThanOrEqualTo(GroupView.COLLAPSED_HEIGHT);
        assertThat(box.title().getTooltip().getText()).startsWith("An encoder group with a rather long name indeed");
    }

    @Test
    void aWireOutOfACollapsedGroupGoesAroundTheBlocksInItsWay(FxRobot robot) {
        // a teacher's lesson graph: the collapsed group's wire back to the pool ran straight through the blocks
        GraphFixture g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("attn", "self_attention").node("pool", "global_pool").node("out", "softmax_output")
                .wire("tokens.out", "emb.in").wire("emb.out", "attn.in").wire("attn.out", "pool.in").wire("pool.out", "out.in");
        g.graph().moveNode("tokens", 12, 12);
        g.graph().moveNode("emb", 256, 12);
        g.graph().moveNode("attn", 500, 12);
        g.graph().moveNode("pool", 32, 208);
        g.graph().moveNode("out", 277, 221);
        // opened already collapsed, as the saved lesson is
        g.graph().insertGroup(0, new dev.deepwire.model.NodeGroup("group_1", "The part that reads the tokens",
                java.util.Set.of("emb", "attn"), true));
        robot.interact(() -> {
            show(stage, g.graph());
            // the workbench's style: a collapsed group's shadow had made its box as an obstacle larger than its frame,
            // so the wire's own start lay inside it and the router gave up
            canvas.getScene().getStylesheets().add(getClass().getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.moveNodes(Map.of("out", new double[] {277, 222}))); // routed again, styled
        WaitForAsyncUtils.waitForFxEvents();
        assertWiresRoutedAroundBlocks();
    }

    @Test
    void anEditKeepsTheViewsOfTheWiresAndGroupsItDidNotTouch(FxRobot robot) {
        robot.interact(() -> {
            vm.select("pool", false);
            vm.select("out", true);
            vm.groupSelection("Head");
        });
        Edge a = vm.graph().edgeInto(new Port("emb", "in")).orElseThrow();
        Edge b = vm.graph().edgeInto(new Port("out", "in")).orElseThrow();
        EdgeView wireA = canvas.edgeView(a);
        EdgeView wireB = canvas.edgeView(b);
        GroupView group = canvas.groupView(vm.graph().groups().get(0).id());
        robot.interact(() -> vm.addBlock("dense", 700, 420));
        robot.interact(() -> vm.moveNodes(Map.of("other", new double[] {320, 300})));
        assertThat(canvas.edgeView(a)).isSameAs(wireA);
        assertThat(canvas.edgeView(b)).isSameAs(wireB);
        assertThat(canvas.groupView(vm.graph().groups().get(0).id())).isSameAs(group);
        robot.interact(() -> vm.toggleCollapsed(vm.graph().groups().get(0).id()));
        assertThat(canvas.groupView(vm.graph().groups().get(0).id())).as("a changed group gets a new view").isNotSameAs(group);
    }

    @Test
    void aBlockInsideTheBendOfAWireTakesItsOwnClick(FxRobot robot) {
        // Seen in the real window after Auto-arrange: attention's wire back to the pool ran under the row of blocks, and
        // a click on any block in that row selected the wire (the hit line's fill took the whole area inside its bends).
        GraphFixture g = new GraphFixture().node("tokens", "token_input").node("emb", "token_embedding")
                .node("pos", "positional_embedding").node("attn", "self_attention").node("pool", "global_pool")
                .node("out", "softmax_output").wire("tokens.out", "emb.in").wire("emb.out", "pos.in")
                .wire("pos.out", "attn.in").wire("attn.out", "pool.in").wire("pool.out", "out.in");
        g.graph().moveNode("pool", 20, 20);
        g.graph().moveNode("out", 260, 20);
        g.graph().moveNode("tokens", 20, 100);
        g.graph().moveNode("emb", 260, 100);
        g.graph().moveNode("pos", 500, 100);
        g.graph().moveNode("attn", 740, 100);
        robot.interact(() -> {
            show(stage, g.graph());
            canvas.getScene().getStylesheets().add(getClass().getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Edge back = vm.graph().edgeInto(new Port("pool", "in")).orElseThrow();
        List<double[]> route = canvas.edgeView(back).points();
        String inBend = null;
        for (String id : List.of("tokens", "emb", "pos")) {
            NodeView v = canvas.nodeView(id);
            if (inside(route, new double[] {v.getLayoutX() + NodeView.WIDTH / 2, v.getLayoutY() + v.getHeight() / 2})) {
                inBend = id;
            }
        }
        assertThat(inBend).as("a block lies inside the bends of %s", route.stream().map(Arrays::toString).toList()).isNotNull();
        NodeView block = canvas.nodeView(inBend);
        robot.clickOn(screen(new double[] {block.getLayoutX() + NodeView.WIDTH / 2, block.getLayoutY() + block.getHeight() / 2}));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.selectedWire()).isEmpty();
        assertThat(vm.selection()).containsExactly(inBend);
    }

    /** Whether a point lies inside the polygon that a route's corners close (even-odd rule). */
    private static boolean inside(List<double[]> route, double[] p) {
        boolean in = false;
        for (int i = 0, j = route.size() - 1; i < route.size(); j = i++) {
            double[] a = route.get(i);
            double[] b = route.get(j);
            if ((a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]) {
                in = !in;
            }
        }
        return in;
    }
}
