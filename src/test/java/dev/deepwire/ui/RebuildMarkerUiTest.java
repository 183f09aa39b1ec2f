package dev.deepwire.ui;

import dev.deepwire.testing.ScratchDirs;
import static org.assertj.core.api.Assertions.assertThat;
import dev.deepwire.cli.DeepWireCli;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.testing.MarkerSample;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new user's path: build the marker network on an empty canvas with mouse and keyboard only
 * (Space to add, drag port to port to wire, the inspector to set classes), save with Ctrl+S, and get a
 * project that compiles to the same network as the shipped sample.
 */
@ExtendWith(ApplicationExtension.class)
class RebuildMarkerUiTest {
    private EditorViewModel vm;
    private WorkbenchWindow window;
    private Path file;
    private Preferences prefs;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ScratchDirs.create("deepwire-rebuild");
        file = dir.resolve("my-marker.dwproj");
        prefs = Preferences.userRoot().node("dev/deepwire/test-rebuild-" + System.nanoTime());
        Project empty = new Project("my-marker", "", new Graph(),
                new DatasetSpec("marker", Map.of("train", 2000, "validation", 200)), TrainingSettings.defaults());
        vm = new EditorViewModel(BlockCatalog.standard(), empty, Runnable::run, Runnable::run);
        window = new WorkbenchWindow(stage, vm, file, new RecentFiles(prefs), new Autosave(dir.resolve("autosave"), "t"),
                new TrainingViewModel(vm, Runnable::run, Runnable::run, Runnable::run, () -> dir));
        stage.setScene(new Scene(window.root(), 1600, 1000));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    /** Moves the pointer to a free spot, presses Space, types the block's name, Enter. */
    private String add(FxRobot robot, String search, double x, double y) {
        int before = vm.graph().nodes().size();
        robot.moveTo(window.canvas().localToScreen(x, y));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write(search).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().nodes()).as("added " + search).hasSize(before + 1);
        return vm.graph().nodes().get(before).id();
    }

    private Point2D portOnScreen(String nodeId, String port, boolean input) {
        Node n = vm.graph().require(nodeId);
        var type = vm.catalog().require(n.type());
        int index = 0;
        var ports = input ? type.inputs() : type.outputs();
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).name().equals(port)) {
                index = i;
            }
        }
        return window.canvas().localToScreen(window.canvas().fromWorld(n.x() + (input ? 0 : 184), n.y() + 44 + index * 22));
    }

    private void wire(FxRobot robot, String from, String to) {
        Port a = Port.parse(from);
        Port b = Port.parse(to);
        robot.drag(portOnScreen(a.nodeId(), a.name(), false), MouseButton.PRIMARY).dropTo(portOnScreen(b.nodeId(), b.name(), true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.graph().edgeInto(b)).as("wire " + from + " -> " + to).isPresent();
    }

    @Test
    void markerBuiltByHandCompilesLikeTheSample(FxRobot robot) throws Exception {
        robot.clickOn(window.canvas());
        Map<String, String> id = new LinkedHashMap<>();
        String[][] blocks = {
                {"tokens", "Token seq"}, {"embed", "Token emb"}, {"pos", "Positional"}, {"attn", "self-attention"},
                {"res1", "Add (res"}, {"norm1", "Layer norm"}, {"ffn", "feed-forward"}, {"res2", "Add (res"},
                {"norm2", "Layer norm"}, {"pool", "Pool over"}, {"classify", "Softmax"}};
        for (int i = 0; i < blocks.length; i++) {
            id.put(blocks[i][0], add(robot, blocks[i][1], 40 + (i % 3) * 240, 40 + (i / 3) * 140));
        }
        String[][] wires = {{"tokens.out", "embed.in"}, {"embed.out", "pos.in"}, {"pos.out", "attn.in"},
                {"pos.out", "res1.a"}, {"attn.out", "res1.b"}, {"res1.out", "norm1.in"}, {"norm1.out", "ffn.in"},
                {"norm1.out", "res2.a"}, {"ffn.out", "res2.b"}, {"res2.out", "norm2.in"}, {"norm2.out", "pool.in"},
                {"pool.out", "classify.in"}};
        for (String[] w : wires) {
            Port a = Port.parse(w[0]);
            Port b = Port.parse(w[1]);
            wire(robot, id.get(a.nodeId()) + "." + a.name(), id.get(b.nodeId()) + "." + b.name());
        }
        robot.interact(() -> vm.select(id.get("classify"), false));
        robot.doubleClickOn("#param-classes").eraseText(3).write("32").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(window.canvas(), MouseButton.MIDDLE).press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        Project saved = new ProjectReader().read(file);
        Project sample = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        GraphCompiler compiler = new GraphCompiler(BlockCatalog.standard());
        var mine = compiler.compile(saved.graph(), CompileOptions.forTraining(saved.training()));
        var theirs = compiler.compile(sample.graph(), CompileOptions.forTraining(sample.training()));
        assertThat(mine.issues()).isEmpty();
        assertThat(mine.shapes().totalParams()).isEqualTo(theirs.shapes().totalParams())
                .isEqualTo(MarkerSample.parameterCount());
        assertThat(saved.graph().edges()).hasSize(sample.graph().edges().size());
        // The wiring, parameters and layer settings as DL4J sees them: the same configuration once the
        // hand-made blocks carry the sample's ids (and both use the sample's training settings).
        var rebuilt = compiler.compile(withSampleIds(saved.graph(), sample.graph(), id),
                CompileOptions.forTraining(sample.training())).orThrow();
        assertThat(rebuilt.configuration().toJson()).isEqualTo(theirs.orThrow().configuration().toJson());
        // ... and the saved file trains from the command line.
        Path out = file.resolveSibling("run");
        assertThat(DeepWireCli.execute("train", file.toString(), "--max-steps", "3", "--out", out.toString()))
                .isEqualTo(0);
        assertThat(out.resolve("model.zip")).exists();
    }

    /** The hand-built graph with each block renamed to the sample block it stands for, in the sample's order. */
    private static Graph withSampleIds(Graph built, Graph sample, Map<String, String> id) {
        Map<String, String> back = new LinkedHashMap<>();
        id.forEach((sampleId, builtId) -> back.put(builtId, sampleId));
        Graph g = new Graph();
        for (Node s : sample.nodes()) {
            Node mine = built.require(id.get(s.id()));
            g.addNode(new Node(s.id(), mine.type(), s.label(), mine.params(), s.x(), s.y()));
        }
        for (Edge e : built.edges()) {
            g.connect(new Edge(new Port(back.get(e.from().nodeId()), e.from().name()),
                    new Port(back.get(e.to().nodeId()), e.to().name())));
        }
        return g;
    }
}
