package dev.deepwire.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data outside the project's folder: asked about when the project brought it, not when the user just chose it. */
class DataConsentTest {
    @TempDir
    Path dir;

    @Test
    void aFileChosenInDatasetSettingsIsReadWithoutAskingAndABroughtOneIsAsked() throws Exception {
        Path project = Files.createDirectories(dir.resolve("unsaved"));
        Path picked = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("words.tsv"), "a\tb\n");
        Path brought = Files.writeString(dir.resolve("elsewhere").resolve("secret.tsv"), "a\tb\n");
        List<String> asked = new ArrayList<>();
        DataConsent consent = new DataConsent();
        consent.setConfirmation(message -> {
            asked.add(message);
            return false;
        });
        DatasetSpec chosen = new DatasetSpec("text-classes", Map.of("file", picked.toString()));
        consent.chosen(chosen, project);
        assertThat(consent.refusal(chosen, project)).as("chosen by the user: read").isNull();
        assertThat(asked).as("no 'do you trust this project?' about a file just picked").isEmpty();

        DatasetSpec fromTheFile = new DatasetSpec("text-classes", Map.of("file", brought.toString()));
        assertThat(consent.refusal(fromTheFile, project)).as("brought by the project and refused").isNotNull();
        assertThat(asked).hasSize(1);
    }
}
