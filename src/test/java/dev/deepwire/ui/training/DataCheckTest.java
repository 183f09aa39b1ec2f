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
        DataCheck.Result result = new DataCheck(BlockCatalog.standard()).check(p.graph(), p.dataset(), p.training(), dir);
        assertThat(result.firstError()).as("a warning: Train still starts").isEmpty();
        assertThat(result.issues()).extracting(Issue::message)
                .contains("dataset.vocabluary: not a setting of a marker dataset, ignored (kept in the file); "
                        + "did you mean \"vocabulary\"?");

        Project clean = SmallMarker.project(Map.of("train", 64, "validation", 16));
        assertThat(new DataCheck(BlockCatalog.standard()).check(clean.graph(), clean.dataset(), clean.training(), dir)
                .issues()).isEmpty();
    }
}
