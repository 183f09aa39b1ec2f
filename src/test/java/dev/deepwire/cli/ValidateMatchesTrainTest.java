package dev.deepwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What validate accepts, train starts; what train would refuse, validate reports first — never a failure inside DL4J. */
class ValidateMatchesTrainTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();
    private static final String[] LANGUAGES = {"english", "french", "german", "italian", "spanish"};

    @TempDir
    Path dir;

    /** A copy of a sample with its data file replaced by these lines. */
    private Path sample(String sample, String dataFile, String name, List<String> lines) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(folder.resolve("data"));
        Files.write(folder.resolve("data").resolve(dataFile), lines);
        return Files.copy(Path.of("sample-projects", sample), folder.resolve(sample));
    }

    /** Validate's and train's verdicts on one project: both accept, or both refuse with exit 1 and the same reason. */
    private String bothAgree(Path project) {
        console.reset();
        int validate = DeepWireCli.execute("validate", project.toString());
        String said = console.out();
        int train = DeepWireCli.execute("train", project.toString(), "--max-steps", "1", "--out",
                project.resolveSibling("run").toString());
        String trainSaid = console.err();
        assertThat(train).as("train after validate said: %s / train said: %s", said, trainSaid).isEqualTo(validate);
        assertThat(trainSaid).doesNotContain("internal error").doesNotContain("DL4J");
        if (validate != 0) {
            assertThat(validate).isEqualTo(ExitCodes.INVALID);
            String reason = said.lines().filter(l -> l.startsWith("ERROR")).findFirst().orElseThrow()
                    .replaceFirst("^ERROR [\\w-]+: ", "");
            assertThat(trainSaid).contains(reason);
        }
        return said;
    }

    @Test
    void fewTextLinesWithoutASplitColumn() throws Exception {
        List<String> verdicts = new ArrayList<>();
        for (int n : new int[] {5, 6, 7}) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                lines.add("word" + (char) ('a' + i) + "\t" + LANGUAGES[i % LANGUAGES.length]);
            }
            verdicts.add(bothAgree(sample("word-language.dwproj", "word-language.tsv", "t" + n, lines)));
        }
        assertThat(verdicts).anySatisfy(v -> assertThat(v).contains("no validation examples"));
    }

    @Test
    void triplesWithoutValidationLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("e" + i + "\tr" + (i % 12) + "\te" + (i + 1) + "\ttrain");
        }
        assertThat(bothAgree(sample("wordnet-links.dwproj", "wordnet-links.tsv", "kg", lines)))
                .contains("no validation examples").contains("'validation' in a fourth column");
    }

    /**
     * wordnet-links over a triples file of 4 entities: validate said "valid … 515,072 parameters" and train ranked each
     * answer among the sample's 4,000 entities. Both now name the head block and the count that follows the data.
     */
    @Test
    void aTriplesFileOfFewerEntitiesThanTheBlocksCountIsNamedBeforeTraining() throws Exception {
        List<String> lines = List.of("a\tr1\tb\ttrain", "b\tr1\tc\ttrain", "c\tr2\td\ttrain", "d\tr2\ta\ttrain",
                "a\tr2\tc\tvalidation", "b\tr2\td\tvalidation");
        String said = bothAgree(sample("wordnet-links.dwproj", "wordnet-links.tsv", "four", lines));
        assertThat(said).contains("ERROR head: the dataset has 4 distinct ids for head but the input counts 4,000")
                .contains("set head's count to 4").doesNotContain("valid:");
    }

    @Test
    void aRelationOnlyInTheHeldOutLines() throws Exception {
        for (String split : new String[] {"validation", "test"}) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                lines.add("e" + i + "\tr" + (i % 12 < 10 ? "0" : "") + (i % 12) + "\te" + (i + 1) + "\t" + (i < 20 ? "train" : "validation"));
            }
            lines.add("e1\tzzz-unseen\te2\t" + split);
            String said = bothAgree(sample("wordnet-links-sampled.dwproj", "wordnet-links.tsv", "rel-" + split, lines));
            assertThat(said).contains("ERROR relation: in the " + split + " examples");
            // 1-N: the reciprocal ids start after the last relation, so one more relation shows in the training queries.
            assertThat(bothAgree(sample("wordnet-links.dwproj", "wordnet-links.tsv", "rel1n-" + split, lines)))
                    .contains("ERROR relation: the dataset has id 24 but the input counts 24 ids");
        }
    }
}
