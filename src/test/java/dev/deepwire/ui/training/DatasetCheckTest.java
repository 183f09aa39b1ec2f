package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.data.DatasetLoader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import dev.deepwire.testing.SmallMarker;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset Settings ▸ Check: the data loaded once for its counts and its fit to the graph, worded for the dialog. */
class DatasetCheckTest {
    @TempDir
    Path dir;

    @Test
    void checkLoadsTheDataOnceForItsCountsAndItsFitAndWordsTheFixForTheDialog() throws Exception {
        // Found in testing: Check loaded the data for the counts, then the editor's data check loaded it again, and
        // its fix read "Set Classes to 40 in the inspector, then Train" inside the dialog, where neither can be done
        Project p = SmallMarker.project(Map.of("train", 64, "validation", 16, "vocabulary", 40));
        AtomicInteger loads = new AtomicInteger();
        DataCheck.Loader counting = (spec, folder) -> {
            loads.incrementAndGet();
            return DatasetLoader.load(spec, folder);
        };
        String said = new DatasetCheck(BlockCatalog.standard(), counting).report(p.graph(), p.dataset(), p.training(), dir);
        assertThat(loads).as("one load for the counts and the fit").hasValue(1);
        assertThat(said).startsWith("64 training and 16 validation examples\nDoes not fit the graph")
                .contains(": Set Classes to 40 in the block inspector after OK\n")
                .endsWith("\nOr change the settings above so that the data fits the graph.").doesNotContain("then Train");

        loads.set(0);
        Project fits = SmallMarker.project(Map.of("train", 64, "validation", 16));
        assertThat(new DatasetCheck(BlockCatalog.standard(), counting).report(fits.graph(), fits.dataset(), fits.training(), dir))
                .isEqualTo("64 training and 16 validation examples\nFits the graph: its inputs and outputs take this data.");
        assertThat(loads).hasValue(1);
    }
}
