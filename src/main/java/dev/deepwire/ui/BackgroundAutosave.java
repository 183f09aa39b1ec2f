package dev.deepwire.ui;

import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.DiskVersion;
import dev.deepwire.model.Project;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes a window's autosave copy off the JavaFX thread. The JavaFX thread takes a copy of the project (a tenth of
 * the work of writing it out); turning it into JSON and writing the file happen on one background thread, in the
 * order asked. A project of 30,000 blocks had frozen the window for about half a second every 15 seconds while it
 * had unsaved work. Removing the copy waits for a write in progress, so that no copy is written after the work was
 * saved or the window closed.
 */
final class BackgroundAutosave {
    private final Autosave autosave;
    private final ExecutorService writer;
    private final Executor fx;
    private Future<?> last;

    BackgroundAutosave(Autosave autosave) {
        this(autosave, oneThread(), javafx.application.Platform::runLater);
    }

    /** @param writer runs the writes one at a time, in order; @param fx runs the failure messages */
    BackgroundAutosave(Autosave autosave, ExecutorService writer, Executor fx) {
        this.autosave = autosave;
        this.writer = writer;
        this.fx = fx;
    }

    /** One daemon thread, there only while there is something to write. */
    private static ExecutorService oneThread() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "deepwire-autosave");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Writes the state {@code project} is in now (copied here, on the caller's thread); a failure is said to
     * {@code failed} on the JavaFX thread.
     */
    void write(Project project, Path original, List<Path> agreedData, DiskVersion basedOn, Consumer<String> failed) {
        Project now = project.copy();
        last = writer.submit(() -> {
            try {
                autosave.write(now, original, agreedData, basedOn);
            } catch (IOException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                fx.execute(() -> failed.accept(reason));
            }
        });
    }

    /** Removes the copy, after any write asked before has ended. */
    void clear() {
        last = writer.submit(autosave::clear);
        settle();
    }

    /** Waits until what was asked so far is done. */
    void settle() {
        if (last == null) {
            return;
        }
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // write() reports its own failures; clear() has none worth a message
        }
    }
}
