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
    void aCsvWhoseHeaderLineHoldsOnlyNumbersIsAWarningThatItsFirstExampleIsLeftOut() throws Exception {
        // Building a CNN on digits.csv.gz from an empty canvas: Dataset Settings ticks Header for a new CSV, and the
        // first digit (64 pixels and a label, no names) was read as the columns' names, left out without a word
        java.nio.file.Files.copy(Path.of("sample-projects/data/digits.csv.gz"), dir.resolve("digits.csv.gz"));
        var g = new dev.deepwire.GraphFixture()
                .node("img", "image_input", "channels", 1, "height", 8, "width", 8)
                .node("flat", "flatten")
                .node("out", "softmax_output", "classes", 10)
                .wire("img.out", "flat.in").wire("flat.out", "out.in").graph();
        var settings = dev.deepwire.model.TrainingSettings.defaults();
        var ticked = new dev.deepwire.model.DatasetSpec("csv", Map.of("file", "digits.csv.gz", "classes", 10));
        DataCheck.Result result = new DataCheck(BlockCatalog.standard()).check(g, ticked, settings, dir, false);
        assertThat(result.firstError()).as("a warning: Train still starts").isEmpty();
        // in the window's words: the Header tick box is unticked (it had said "set dataset.header to false")
        assertThat(result.issues()).extracting(Issue::message).containsExactly("'Header': line 1 of digits.csv.gz "
                + "holds only numbers, yet it is read as the header (the columns' names) and left out of the data; "
                + "untick Header if it is the first example (Edit \u25b8 Dataset Settings\u2026)");

        var unticked = new dev.deepwire.model.DatasetSpec("csv", Map.of("file", "digits.csv.gz", "classes", 10, "header", false));
        assertThat(new DataCheck(BlockCatalog.standard()).check(g, unticked, settings, dir, false).issues()).isEmpty();
        java.nio.file.Files.writeString(dir.resolve("named.csv"), "x1,x2,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n");
        var named = new dev.deepwire.model.DatasetSpec("csv", Map.of("file", "named.csv", "classes", 2));
        var vectors = new dev.deepwire.GraphFixture().node("in", "vector_input", "features", 2)
                .node("out", "softmax_output", "classes", 2).wire("in.out", "out.in").graph();
        assertThat(new DataCheck(BlockCatalog.standard()).check(vectors, named, settings, dir, false).issues())
                .as("a header of names").isEmpty();
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
