package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's check before Train names a dataset setting its kind does not read, as the command line does. */
class DataCheckTest {
    @TempDir
    Path dir;

    @Test
    void aMisspeltDatasetSettingIsAWarningNamingTheSettingItMeant() throws Exception {
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 16, "vocabluary", 40));
        DataCheck.Result result = new DataCheck(BlockCatalog.standard()).check(p.graph(), p.dataset(), p.training(), dir, false);
        assertThat(result.firstError()).as("a warning: Train still starts").isEmpty();
        assertThat(result.issues()).extracting(Issue::message)
                .contains("dataset.vocabluary: not a setting of a marker dataset, ignored (kept in the file); "
                        + "did you mean \"vocabulary\"?");

        Project clean = SmallMarker.project(Map.of("train", 64, "validation", 16));
        assertThat(new DataCheck(BlockCatalog.standard()).check(clean.graph(), clean.dataset(), clean.training(), dir, false)
                .issues()).isEmpty();
    }

    @Test
    void aDataFileOutsideTheFolderIsNotReadUntilAllowed() throws Exception {
        Path project = java.nio.file.Files.createDirectories(dir.resolve("share"));
        Path secret = java.nio.file.Files.writeString(java.nio.file.Files.createDirectories(dir.resolve("secret"))
                .resolve("creds.txt"), "sk-live-THIS-IS-SECRET-1234\n");
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 16));
        var spec = new dev.deepwire.model.DatasetSpec("csv", Map.of("file", "../secret/creds.txt", "classes", 2));
        DataCheck check = new DataCheck(BlockCatalog.standard());

        DataCheck.Result before = check.check(p.graph(), spec, p.training(), project, false);
        assertThat(before.firstError()).as("a warning: Train asks then").isEmpty();
        assertThat(before.issues()).extracting(Issue::message).singleElement().asString()
                .contains("creds.txt").contains("outside the project's folder").doesNotContain("sk-live");

        DataCheck.Result allowed = check.check(p.graph(), spec, p.training(), project, true);
        assertThat(allowed.issues()).as("read once allowed (it is not a CSV this graph can use)").extracting(Issue::message)
                .anySatisfy(m -> assertThat(m).contains("creds.txt"));
        assertThat(secret).exists();
    }
}
