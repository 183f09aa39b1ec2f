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

    /**
     * Links and folders where a window's copy or lock goes (left in ~/.deepwire/autosave by hand or by another program):
     * the copy had been written through a link — a file elsewhere replaced by the project — and a lock that was a link
     * or a folder had stopped autosaving for the window's whole life with "Too many levels of symbolic links". Now the
     * window takes the next free name, autosaves, and a link is never offered as a crash's copy.
     */
    @Test
    void linksAndFoldersWhereTheCopyOrLockGoesAreNeverWrittenThroughNorStopAutosaving() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        Path elsewhere = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-elsewhere"));
        Path victim = Files.writeString(elsewhere.resolve("victim.txt"), "precious");
        Path autosaves = Files.createDirectories(dir.resolve("autosave"));
        Files.createSymbolicLink(autosaves.resolve("session-1-1.dwproj"), victim);
        Files.createSymbolicLink(autosaves.resolve("session-2-1.lock"), elsewhere.resolve("nothing.lock"));
        Files.createDirectories(autosaves.resolve("session-3-1.lock"));
        for (String key : new String[] {"session-1-1", "session-2-1", "session-3-1"}) {
            Autosave autosave = new Autosave(autosaves, key);
            autosave.write(p, Path.of("/home/ann/" + key + ".dwproj"));
            assertThat(autosave.file()).as(key).isRegularFile().isNotEqualTo(autosaves.resolve(key + ".dwproj"));
            autosave.abandon();
        }
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(elsewhere.resolve("nothing.lock")).doesNotExist();
        assertThat(Autosave.leftBehind(autosaves)).extracting(r -> r.original().getFileName().toString())
                .containsExactlyInAnyOrder("session-1-1.dwproj", "session-2-1.dwproj", "session-3-1.dwproj");
        assertThat(autosaves.resolve("session-1-1.dwproj")).as("the link left as it was").isSymbolicLink();
    }

    @Test
    void cleanCloseLeavesNothingToRecover() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        Autosave autosave = new Autosave(dir, "session-2");
        autosave.write(p, null);
        autosave.clear();
        assertThat(Autosave.leftBehind(dir)).isEmpty();
    }

    /**
     * A copy whose file of origin was edited (by hand, by another program) into a path with a NUL had stopped the
     * workbench from starting, every time ("the workbench could not start: Nul character not allowed"); a relative
     * one or one that is not a text would have been saved wherever the next start ran from. The work is restored as
     * not yet saved anywhere, so Save asks where.
     */
    @Test
    void aCopyWhoseOriginalIsNoAbsolutePathIsRestoredAsUnsavedWorkNotACrash() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        p.graph().setParam("attn", "heads", 8);
        String written = new dev.deepwire.io.ProjectWriter().toJson(p);
        String[] originals = {"\"/home/ann/a\\u0000b.dwproj\"", "\"marker.dwproj\"", "{\"path\": \"/etc/passwd\"}",
            "[\"/home/ann/marker.dwproj\"]", "42"};
        for (int i = 0; i < originals.length; i++) {
            Files.writeString(dir.resolve("session-" + (20 + i) + ".dwproj"), "{\"" + Autosave.ORIGINAL + "\": "
                    + originals[i] + ", " + written.substring(written.indexOf('{') + 1));
        }
        assertThat(Autosave.leftBehind(dir)).hasSize(originals.length).allSatisfy(r -> {
            assertThat(r.original()).isNull();
            assertThat(r.project().graph().require("attn").param("heads")).isEqualTo(8);
            assertThat(r.project().extras()).doesNotContainKey(Autosave.ORIGINAL);
        });
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
