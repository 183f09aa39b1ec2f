package dev.deepwire.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.files.Autosave;
import dev.deepwire.io.files.RecentFiles;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save As into another folder keeps a relative data file leading to the same data. */
class SaveAsDataPathTest {
    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("dev/deepwire/test-saveas-" + System.nanoTime());

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    private ProjectFiles open(Path file) throws Exception {
        Project p = new ProjectReader().read(file);
        EditorViewModel vm = new EditorViewModel(BlockCatalog.standard(), p, Runnable::run, Runnable::run);
        return new ProjectFiles(vm, null, file, new RecentFiles(prefs), new Autosave(dir.resolve("autosave"), "test"));
    }

    private static String dataFile(Path project) throws Exception {
        return (String) new ProjectReader().read(project).dataset().params().get("file");
    }

    @Test
    void aRelativeDataFileStillLeadsToTheDataAfterSaveAsIntoAnotherFolder() throws Exception {
        Path lesson = Files.createDirectories(dir.resolve("lesson"));
        Path file = lesson.resolve("word-language.dwproj");
        Files.copy(Path.of("sample-projects/word-language.dwproj"), file);
        String relative = dataFile(file);
        assertThat(Path.of(relative).isAbsolute()).isFalse();
        Path data = lesson.resolve(relative).normalize();

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("mine.dwproj");
        assertThat(open(file).saveAs(elsewhere)).isTrue();
        assertThat(elsewhere.getParent().resolve(dataFile(elsewhere)).normalize()).isEqualTo(data);

        Path below = Files.createDirectories(dir.resolve("lesson/copies")).resolve("mine.dwproj");
        ProjectFiles files = open(file);
        assertThat(files.saveAs(below)).isTrue();
        assertThat(dataFile(below)).as("a folder below: absolute, never a path that leaves the project's folder")
                .isEqualTo(data.toString());

        Path same = lesson.resolve("copy.dwproj");
        assertThat(open(file).saveAs(same)).isTrue();
        assertThat(dataFile(same)).as("same folder: unchanged").isEqualTo(relative);
    }

    @Test
    void dataInsideTheNewFolderStaysRelative() throws Exception {
        Path file = dir.resolve("lesson/word-language.dwproj");
        Files.createDirectories(file.getParent());
        Files.copy(Path.of("sample-projects/word-language.dwproj"), file);
        Path data = file.getParent().resolve(dataFile(file)).normalize();
        Path target = data.getParent().resolve("mine.dwproj");
        Files.createDirectories(target.getParent());
        assertThat(open(file).saveAs(target)).isTrue();
        assertThat(dataFile(target)).isEqualTo(data.getFileName().toString());
    }

    @Test
    void anAbsoluteDataFileInsideTheFolderSavedIntoBecomesRelative() throws Exception {
        Path lesson = Files.createDirectories(dir.resolve("lesson"));
        Path data = Files.writeString(lesson.resolve("flowers.csv"), "x,label\n1,0\n");
        Path file = lesson.resolve("flowers.dwproj");
        Files.writeString(file, Files.readString(Path.of("sample-projects/word-language.dwproj"))
                .replace("\"data/word-language.tsv\"", "\"" + data + "\"")); // as Dataset Settings stores a picked file
        assertThat(dataFile(file)).isEqualTo(data.toString());
        Path saved = lesson.resolve("flowers-2.dwproj");
        assertThat(open(file).saveAs(saved)).isTrue();
        assertThat(dataFile(saved)).as("moves with the project").isEqualTo("flowers.csv");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere")).resolve("flowers.dwproj");
        assertThat(open(file).saveAs(elsewhere)).isTrue();
        assertThat(dataFile(elsewhere)).as("outside the folder saved into: as it was").isEqualTo(data.toString());
    }
}
