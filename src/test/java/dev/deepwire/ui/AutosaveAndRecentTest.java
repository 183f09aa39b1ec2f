package dev.deepwire.ui;

import dev.deepwire.io.files.RecentFiles;

import dev.deepwire.io.files.Autosave;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveAndRecentTest {
    @TempDir
    Path dir;

    @Test
    void autosavedWorkIsFoundAfterACrashWithItsOriginalFile() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        p.graph().setParam("attn", "heads", 8);
        Autosave autosave = new Autosave(dir, "session-1");
        autosave.write(p, Path.of("/home/ann/marker.dwproj"));
        assertThat(p.extras()).doesNotContainKey(Autosave.ORIGINAL);
        assertThat(Autosave.leftBehind(dir)).as("the window is still open: its work is not left behind").isEmpty();
        autosave.abandon(); // the process ends without closing it
        var found = Autosave.leftBehind(dir);
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.original()).isEqualTo(Path.of("/home/ann/marker.dwproj"));
            assertThat(r.project().graph().require("attn").param("heads")).isEqualTo(8);
            assertThat(r.project().extras()).doesNotContainKey(Autosave.ORIGINAL);
        });
    }

    @Test
    void theAutosaveCopyKeepsWhatTheUserAgreedToReadAndAProjectFileCannotBringIt() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        p.extras().put(Autosave.AGREED_DATA, java.util.List.of("/home/ann/.ssh/id_rsa")); // as a hostile file would
        Autosave autosave = new Autosave(dir, "session-3");
        autosave.write(p, null, java.util.List.of(Path.of("/data/words.tsv")));
        autosave.abandon();
        assertThat(Autosave.leftBehind(dir)).singleElement().satisfies(r -> {
            assertThat(r.agreedData()).containsExactly(Path.of("/data/words.tsv"));
            assertThat(r.project().extras()).doesNotContainKey(Autosave.AGREED_DATA);
        });
        autosave.write(p, null);
        autosave.abandon();
        assertThat(Autosave.leftBehind(dir)).singleElement().satisfies(r -> assertThat(r.agreedData()).isEmpty());
    }

    @Test
    void aWindowStillOpenElsewhereIsNotOfferedForRecoveryAndItsLockGoesWithIt() throws Exception {
        // Found opening a project twice (two DeepWire processes): the second start said the first "did not close
        // cleanly last time" and offered its unsaved work; Discard deleted the running window's copy.
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        Autosave open = new Autosave(dir, "session-7-1");
        open.write(p, Path.of("/home/ann/marker.dwproj"));
        Autosave crashed = new Autosave(dir, "session-6-1");
        crashed.write(p, Path.of("/home/ann/other.dwproj"));
        crashed.abandon();
        assertThat(Autosave.leftBehind(dir)).singleElement()
                .satisfies(r -> assertThat(r.original()).isEqualTo(Path.of("/home/ann/other.dwproj")));
        assertThat(dir.resolve("session-6-1.lock")).as("the ended session's lock file is removed").doesNotExist();
        assertThat(dir.resolve("session-7-1.lock")).as("the open window's stays").exists();
        open.clear();
        assertThat(dir.resolve("session-7-1.lock")).as("a closed window leaves no lock file").doesNotExist();
        open.write(p, null); // the window has unsaved work again: held again
        assertThat(Autosave.leftBehind(dir)).hasSize(1);
    }

    @Test
    void cleanCloseLeavesNothingToRecover() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        Autosave autosave = new Autosave(dir, "session-2");
        autosave.write(p, null);
        autosave.clear();
        assertThat(Autosave.leftBehind(dir)).isEmpty();
    }

    @Test
    void aTruncatedCopyIsSkippedNotFatal() throws Exception {
        Files.writeString(dir.resolve("session-3.dwproj"), "{\"format\": \"deepwire-pro");
        assertThat(Autosave.leftBehind(dir)).isEmpty();
    }

    @Test
    void recentFilesAreNewestFirstWithoutDuplicates() throws Exception {
        Preferences node = Preferences.userRoot().node("dev/deepwire/test-" + System.nanoTime());
        try {
            RecentFiles recent = new RecentFiles(node);
            Path a = Files.writeString(dir.resolve("a.dwproj"), "{}");
            Path b = Files.writeString(dir.resolve("b.dwproj"), "{}");
            recent.add(a);
            recent.add(b);
            recent.add(a);
            assertThat(recent.list()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
            Files.delete(b);
            assertThat(recent.list()).containsExactly(a.toAbsolutePath());
        } finally {
            node.removeNode();
        }
    }
}
