package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's autosave copy is written on a thread of its own, of the project as it was when asked — edits made while
 * the copy is being written do not go into it — and removing the copy waits for a write in progress.
 */
class BackgroundAutosaveTest {
    @TempDir
    Path dir;
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        writer.shutdownNow();
    }

    private static Project marker() throws Exception {
        return new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
    }

    /** Holds the writer's thread until released: whatever is asked meanwhile waits behind it. */
    private CountDownLatch holdWriter() {
        CountDownLatch release = new CountDownLatch(1);
        writer.submit(() -> {
            release.await();
            return null;
        });
        return release;
    }

    @Test
    void theCopyIsWrittenInTheBackgroundAsTheProjectWasWhenAsked() throws Exception {
        Autosave autosave = new Autosave(dir, "w");
        BackgroundAutosave background = new BackgroundAutosave(autosave, writer, Runnable::run);
        Project live = marker();
        String asked = new ProjectWriter().toJson(live);
        CountDownLatch release = holdWriter();

        background.write(live, null, List.of(), null, reason -> { });
        assertThat(autosave.file()).as("nothing written on the asking thread").doesNotExist();
        live.setName("renamed after the autosave was asked for");
        live.graph().setParam("attn", "heads", 4);
        live.graph().moveNode("attn", 999, 999);
        new ArrayList<>(live.graph().edgesInto("attn")).forEach(live.graph()::disconnect);
        release.countDown();
        background.settle();

        Project written = new ProjectReader().read(autosave.file());
        written.extras().remove(Autosave.ORIGINAL);
        written.extras().remove(Autosave.AGREED_DATA);
        written.extras().remove(Autosave.BASED_ON);
        assertThat(new ProjectWriter().toJson(written)).isEqualTo(asked);
        assertThat(written.graph().edgesInto("attn")).isNotEmpty();
    }

    @Test
    void clearingWaitsForTheWriteInProgressSoNoCopyIsLeft() throws Exception {
        Autosave autosave = new Autosave(dir, "c");
        BackgroundAutosave background = new BackgroundAutosave(autosave, writer, Runnable::run);
        CountDownLatch release = holdWriter();
        background.write(marker(), null, List.of(), null, reason -> { });
        Thread clearing = new Thread(background::clear);
        clearing.start();
        release.countDown();
        clearing.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(clearing.isAlive()).isFalse();
        assertThat(autosave.file()).as("removed after the write, not before it").doesNotExist();
    }

    @Test
    void aFailedWriteIsSaidWithItsReason() throws Exception {
        Files.writeString(dir.resolve("not-a-folder"), "a file where the autosave folder should be");
        Autosave autosave = new Autosave(dir.resolve("not-a-folder"), "f");
        List<String> said = new ArrayList<>();
        BackgroundAutosave background = new BackgroundAutosave(autosave, writer, Runnable::run);
        background.write(marker(), null, List.of(), null, said::add);
        background.settle();
        assertThat(said).singleElement().asString().contains("not-a-folder");
    }
}
