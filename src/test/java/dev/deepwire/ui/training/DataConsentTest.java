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
            asked.add(message.message());
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

    private DataConsent session(Path project, dev.deepwire.io.files.DataConsents remembered, List<String> asked,
                                boolean answer) {
        DataConsent consent = new DataConsent();
        consent.setRemembered(remembered);
        consent.setProject(() -> project, () -> project == null);
        consent.setConfirmation(message -> {
            asked.add(message.message());
            return answer;
        });
        return consent;
    }

    @Test
    void aSavedProjectsAgreementIsRememberedNextSessionForThatProjectFileAndDataFileOnly() throws Exception {
        // Found in the click-through: a saved project's consent was asked again every session.
        Path folder = Files.createDirectories(dir.resolve("project"));
        Path mine = folder.resolve("mine.dwproj");
        Path data = Files.writeString(Files.createDirectories(dir.resolve("shared")).resolve("words.tsv"), "a\tb\n");
        Path other = Files.writeString(dir.resolve("shared").resolve("other.tsv"), "a\tb\n");
        var remembered = new dev.deepwire.io.files.DataConsents(dir.resolve("home/.deepwire/data-consent.tsv"));
        DatasetSpec spec = new DatasetSpec("text-classes", Map.of("file", data.toString()));
        List<String> asked = new ArrayList<>();
        assertThat(session(mine, remembered, asked, true).refusal(spec, folder)).isNull();
        assertThat(asked).hasSize(1);

        // the next session (a new window, a new consent): not asked again
        var nextSession = session(mine, new dev.deepwire.io.files.DataConsents(dir.resolve("home/.deepwire/data-consent.tsv")),
                asked, false);
        assertThat(nextSession.readableWithoutAsking(spec, folder)).isTrue();
        assertThat(nextSession.refusal(spec, folder)).isNull();
        assertThat(asked).as("remembered for this project file and data file").hasSize(1);

        // the same project naming another data file, or another project file naming the same data: asked
        assertThat(nextSession.refusal(new DatasetSpec("text-classes", Map.of("file", other.toString())), folder))
                .isNotNull();
        var received = session(folder.resolve("received.dwproj"), remembered, asked, false);
        assertThat(received.refusal(spec, folder)).as("a project someone sent does not inherit it").isNotNull();
        assertThat(asked).hasSize(3);
        assertThat(Files.readString(dir.resolve("home/.deepwire/data-consent.tsv")))
                .as("kept in the user's settings, not in the project file").contains(mine.toString());
    }

    @Test
    void anUnsavedProjectsAgreementFollowsItsSaveAndItsQuestionNamesNoProjectFolder() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/.deepwire"));
        Path data = Files.writeString(Files.createDirectories(dir.resolve("shared")).resolve("words.tsv"), "a\tb\n");
        var remembered = new dev.deepwire.io.files.DataConsents(home.resolve("data-consent.tsv"));
        DatasetSpec spec = new DatasetSpec("text-classes", Map.of("file", data.toString()));
        List<String> asked = new ArrayList<>();
        Path[] file = {null};
        DataConsent consent = session(null, remembered, asked, true);
        consent.setProject(() -> file[0], () -> file[0] == null);
        assertThat(consent.refusal(spec, home)).isNull();
        assertThat(asked).singleElement().asString().contains("this project is not saved yet")
                .doesNotContain("the project's folder " + home);
        assertThat(consent.agreedWhileUnsaved()).containsExactly(data.toAbsolutePath().normalize());

        Path saved = Files.createDirectories(dir.resolve("saved")).resolve("mine.dwproj");
        file[0] = saved;
        consent.saved(null, saved, spec, saved.getParent());
        assertThat(session(saved, remembered, asked, false).refusal(spec, saved.getParent()))
                .as("agreed while unsaved, remembered once saved").isNull();
        assertThat(asked).hasSize(1);
    }

    @Test
    void aRememberedAgreementIsForgottenForThatProjectAndDataFileOnly() throws Exception {
        // Dataset Settings' Forget agreement…: the .tsv had to be edited by hand
        Path folder = Files.createDirectories(dir.resolve("project"));
        Path mine = folder.resolve("mine.dwproj");
        Path other = folder.resolve("other.dwproj");
        Path data = Files.writeString(Files.createDirectories(dir.resolve("shared")).resolve("words.tsv"), "a\tb\n");
        var remembered = new dev.deepwire.io.files.DataConsents(dir.resolve("home/.deepwire/data-consent.tsv"));
        remembered.remember(mine, data);
        remembered.remember(other, data);
        DatasetSpec spec = new DatasetSpec("text-classes", Map.of("file", data.toString()));
        List<String> asked = new ArrayList<>();
        DataConsent consent = session(mine, remembered, asked, false);
        assertThat(consent.agreedOutside(spec, folder)).contains(data.toAbsolutePath().normalize());
        assertThat(consent.forget(spec, folder)).isTrue();
        assertThat(remembered.agreed(mine, data)).as("forgotten").isFalse();
        assertThat(remembered.agreed(other, data)).as("another project's agreement stays").isTrue();
        assertThat(consent.refusal(spec, folder)).as("asked again, and refused").isNotNull();
        assertThat(asked).hasSize(1);
        assertThat(consent.forget(spec, folder)).as("nothing left to forget").isFalse();
        assertThat(session(mine, remembered, asked, false).agreedOutside(spec, folder)).as("next session too").isEmpty();
    }
}
