package dev.deepwire.ui.projector;

import dev.deepwire.data.DatasetLoader;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.inspect.Projection;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Not a test: makes the README's projector screenshots from a trained model, as the window shows it.
 * {@code ProjectorScreenshots PROJECT MODEL NODE pca|tsne COLUMN|- SEARCH|- OUT.png WIDTH HEIGHT}
 */
public final class ProjectorScreenshots {
    private ProjectorScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path projectFile = Path.of(args[0]);
        Project project = new ProjectReader().read(projectFile);
        TrainedModel model = TrainedModel.load(Path.of(args[1]));
        DatasetSplits data = DatasetLoader.load(project.dataset(), projectFile.toAbsolutePath().getParent());
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ProjectorSession session = new ProjectorSession(Platform::runLater);
        session.setGraph(project::graph);
        session.load(model, data);
        CountDownLatch projected = new CountDownLatch(1);
        ProjectorWindow[] window = new ProjectorWindow[1];
        var work = Executors.newSingleThreadExecutor();
        Platform.runLater(() -> {
            Stage owner = null;
            window[0] = ProjectorWindow.open(owner, session, work, args[2]);
            window[0].stage().setWidth(Double.parseDouble(args[7]));
            window[0].stage().setHeight(Double.parseDouble(args[8]));
            window[0].method.setValue(Projection.Method.valueOf(args[3].toUpperCase(java.util.Locale.ROOT)));
            if (!args[4].equals("-")) {
                window[0].colour.setValue(args[4]);
            }
            if (!args[5].equals("-")) {
                window[0].search.setText(args[5]);
            }
            window[0].note.textProperty().addListener((o, was, now) -> {
                if (done(now)) {
                    projected.countDown();
                }
            });
            if (done(window[0].note.getText())) {
                projected.countDown();
            }
        });
        projected.await(5, TimeUnit.MINUTES);
        CountDownLatch saved = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                var image = window[0].stage().getScene().snapshot(null);
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(args[6]));
            } catch (Exception e) {
                e.printStackTrace();
            }
            saved.countDown();
        });
        saved.await(30, TimeUnit.SECONDS);
        Platform.exit();
        work.shutdownNow();
        System.exit(0);
    }

    /** The status line once the chosen method's projection is drawn. */
    private static boolean done(String note) {
        return note != null && !note.contains("projecting") && !note.startsWith("No embedding");
    }
}
