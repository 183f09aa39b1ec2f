package dev.deepwire.ui.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Heatmap benchmark (run under a display, e.g. Xvfb with {@code -Dprism.order=sw}): a 512 × 512 attention
 * map in a 1000 × 900 view; times a full redraw (new map) and a hover readout. Prints one line,
 * {@code heatmap size=512 redraw_median_ms=… redraw_p95_ms=… hover_median_us=…}.
 */
public final class HeatmapBenchmark {
    private static final int SIZE = 512;

    private HeatmapBenchmark() {
    }

    public static void main(String[] args) {
        Application.launch(Bench.class, args); // launched from a plain class: JavaFX from the classpath
    }

    /** The benchmark window. */
    public static final class Bench extends Application {
        @Override
        public void start(Stage stage) {
            HeatmapView view = new HeatmapView();
            stage.setScene(new Scene(view, 1000, 900));
            stage.show();
            Random r = new Random(1);
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < SIZE; i++) {
                labels.add("t" + i);
            }
            List<Double> redraw = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                float[][] map = new float[SIZE][SIZE];
                for (float[] row : map) {
                    double sum = 0;
                    for (int k = 0; k < SIZE; k++) {
                        row[k] = (float) Math.exp(3 * r.nextGaussian());
                        sum += row[k];
                    }
                    for (int k = 0; k < SIZE; k++) {
                        row[k] /= sum;
                    }
                }
                long t0 = System.nanoTime();
                view.show(map, labels, labels, "bench");
                redraw.add((System.nanoTime() - t0) / 1e6);
            }
            List<Double> hover = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                long t0 = System.nanoTime();
                view.readoutAt(r.nextInt(SIZE), r.nextInt(SIZE));
                hover.add((System.nanoTime() - t0) / 1e3);
            }
            List<Double> warm = redraw.subList(5, redraw.size());
            Collections.sort(warm);
            Collections.sort(hover);
            System.out.printf(Locale.ROOT, "heatmap size=%d redraw_median_ms=%.1f redraw_p95_ms=%.1f hover_median_us=%.1f%n", SIZE,
                    warm.get(warm.size() / 2), warm.get((int) (warm.size() * 0.95)), hover.get(hover.size() / 2));
            Platform.exit();
        }
    }
}
