package dev.deepwire.ui;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.editor.GraphCanvas;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Editor benchmark (run under a display, e.g. Xvfb): opens a generated graph of N blocks (default 1,000:
 * stacked transformer blocks), times view building, shape checking and auto-arrange, then pans and zooms
 * for a few seconds and reports frame times. Prints one line:
 * {@code editor nodes=N open_ms=… check_ms=… arrange_ms=… frame_median_ms=… frame_p95_ms=…}.
 * Usage: {@code java -cp … dev.deepwire.ui.EditorBenchmark [N]}.
 */
public final class EditorBenchmark {
    private static int size = 1000;

    public static void main(String[] args) {
        if (args.length > 0) {
            size = Integer.parseInt(args[0]);
        }
        Application.launch(Bench.class, args);
    }

    private EditorBenchmark() {
    }

    /** Transformer blocks wired in a chain until the graph has about {@code n} blocks. */
    public static Graph generate(int n) {
        BlockCatalog c = BlockCatalog.standard();
        Graph g = new Graph();
        g.addNode(c.newNode("token_input", "tokens", 0, 0));
        g.addNode(c.newNode("token_embedding", "embed", 230, 0));
        g.connect(new Edge(new Port("tokens", "out"), new Port("embed", "in")));
        String last = "embed";
        int block = 0;
        while (g.nodes().size() + 6 <= n - 2) {
            String p = "b" + block + "_";
            double x = 460 + block * 230.0 * 4;
            g.addNode(c.newNode("self_attention", p + "attn", x, 0));
            g.addNode(c.newNode("add", p + "res1", x + 230, 120));
            g.addNode(c.newNode("layer_norm", p + "norm1", x + 460, 120));
            g.addNode(c.newNode("feed_forward", p + "ffn", x + 690, 0));
            g.addNode(c.newNode("add", p + "res2", x + 920, 120));
            g.addNode(c.newNode("layer_norm", p + "norm2", x + 1150, 120));
            g.connect(new Edge(new Port(last, "out"), new Port(p + "attn", "in")));
            g.connect(new Edge(new Port(last, "out"), new Port(p + "res1", "a")));
            g.connect(new Edge(new Port(p + "attn", "out"), new Port(p + "res1", "b")));
            g.connect(new Edge(new Port(p + "res1", "out"), new Port(p + "norm1", "in")));
            g.connect(new Edge(new Port(p + "norm1", "out"), new Port(p + "ffn", "in")));
            g.connect(new Edge(new Port(p + "norm1", "out"), new Port(p + "res2", "a")));
            g.connect(new Edge(new Port(p + "ffn", "out"), new Port(p + "res2", "b")));
            g.connect(new Edge(new Port(p + "res2", "out"), new Port(p + "norm2", "in")));
            last = p + "norm2";
            block++;
        }
        g.addNode(c.newNode("global_pool", "pool", 0, 400));
        g.addNode(c.newNode("softmax_output", "out", 230, 400));
        g.connect(new Edge(new Port(last, "out"), new Port("pool", "in")));
        g.connect(new Edge(new Port("pool", "out"), new Port("out", "in")));
        return g;
    }

    /** The JavaFX side; a nested class so the plain main above can launch it from the class path. */
    public static final class Bench extends Application {
    @Override
    public void start(Stage stage) {
        // Opening happens in a running workbench: JavaFX's controls and default style sheet are loaded already.
        new Scene(new StackPane(new Label("warm-up"))).getRoot().applyCss();
        EditorViewModel.warmUpAutoArrange(BlockCatalog.standard()); // the workbench does this in the background at start
        Graph graph = generate(size);
        long t0 = System.nanoTime();
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(),
                new Project("bench", "", graph, null, TrainingSettings.defaults()), Runnable::run, Runnable::run);
        long t1 = System.nanoTime();
        GraphCanvas canvas = new GraphCanvas(vm);
        long tViews = System.nanoTime();
        stage.setScene(new Scene(canvas, 1280, 800));
        stage.show();
        canvas.fitView(); // as a window opening a project does
        canvas.realizeVisible();
        long t2 = System.nanoTime();
        int viewsAtOpen = canvas.viewCount();
        List<Long> frames = new ArrayList<>();
        long[] opened = new long[2];
        new AnimationTimer() {
            private long last;
            private int frame;

            @Override
            public void handle(long now) {
                frame++;
                if (frame == 2) {
                    // The first pulse (styling, layout, drawing of what is on screen) is done: the graph shows.
                    opened[0] = System.nanoTime();
                    vm.autoArrange();
                    canvas.fitView();
                    canvas.realizeVisible();
                    opened[1] = System.nanoTime();
                    return;
                }
                if (frame < 4) {
                    return;
                }
                if (last != 0) {
                    frames.add(now - last);
                }
                last = now;
                if (frame % 120 < 60) {
                    canvas.zoomAt(frame % 120 < 30 ? 1.02 : 1 / 1.02, 640, 400);
                } else {
                    canvas.centreOn(canvas.visibleWorldBounds().getCenterX() + 25, canvas.visibleWorldBounds().getCenterY());
                }
                if (frame >= 364) {
                    stop();
                    Collections.sort(frames);
                    System.out.println(String.format(Locale.ROOT,
                            "editor nodes=%d open_ms=%.0f (check and shapes included; views %.0f, show %.0f, first frame %.0f; %d block views made) "
                                    + "check_ms=%.0f arrange_ms=%.0f frame_median_ms=%.1f frame_p95_ms=%.1f",
                            graph.nodes().size(), (opened[0] - t0) / 1e6, (tViews - t1) / 1e6, (t2 - tViews) / 1e6,
                            (opened[0] - t2) / 1e6, viewsAtOpen, (t1 - t0) / 1e6, (opened[1] - opened[0]) / 1e6,
                            frames.get(frames.size() / 2) / 1e6, frames.get((int) (frames.size() * 0.95)) / 1e6));
                    Platform.exit();
                }
            }
        }.start();
    }
    }
}
