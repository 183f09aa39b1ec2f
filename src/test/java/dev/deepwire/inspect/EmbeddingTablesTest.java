package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.data.MarkerDataset;
import dev.deepwire.data.TripleDataset;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Tables are found by layer and parameter, labelled from the data, and get the columns the data supports. */
class EmbeddingTablesTest {
    @TempDir
    Path dir;

    @Test
    void markerHasATokenTableLabelledByItsVocabularyAndALearnedPositionTable() throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard())
                .compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow().instantiate();
        Map<String, Object> small = new HashMap<>(p.dataset().params());
        small.put("train", 200);
        small.put("validation", 20);
        DatasetSplits data = MarkerDataset.generate(new DatasetSpec("marker", small));

        assertThat(EmbeddingTables.nodes(net)).containsExactly("embed", "pos");
        List<LearnedTable> tables = EmbeddingTables.readAll(net, p.graph(), data, 0);
        LearnedTable tokens = tables.get(0);
        assertThat(tokens.size()).isEqualTo(32);
        assertThat(tokens.dimensions()).isEqualTo(64);
        assertThat(tokens.labels()).isEqualTo(data.train().inputNames(0)).contains("<M>");
        assertThat(tokens.kind()).isEqualTo(BlockCatalog.standard().require("token_embedding").label());
        assertThat(tokens.sequential()).isFalse();

        LearnedTable positions = tables.get(1);
        assertThat(positions.size()).as("one row per position").isEqualTo(24);
        assertThat(positions.labels()).startsWith("0", "1", "2").endsWith("23");
        assertThat(positions.sequential()).isTrue();
        assertThat(positions.column(RowColumn.POSITION).orElseThrow().numbers()).startsWith(0, 1, 2);
        INDArray p3 = net.getVertex("pos").paramTable(false).get("P"); // [1, d, T]
        assertThat((double) positions.rows()[5][7]).isEqualTo(p3.getDouble(0, 7, 5), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(EmbeddingTables.find(net, "attn")).isEmpty();
    }

    @Test
    void aRunsLaterCapturesOfATableReuseItsLabelsAndColumnsWithTheirOwnValues() throws Exception {
        // worked out again for every capture, the labels and class columns kept the thread reading a training
        // process busy and the workbench's dock ran seconds (hundreds of steps) behind the run
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        var compiled = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow();
        Map<String, Object> small = new HashMap<>(p.dataset().params());
        small.put("train", 200);
        small.put("validation", 20);
        DatasetSplits data = MarkerDataset.generate(new DatasetSpec("marker", small));
        TableSource source = TableSource.of(compiled, data, p.graph());
        float[][] first = new float[32][64];
        float[][] later = new float[32][64];
        later[3][5] = 0.25f;
        LearnedTable a = source.describe("embed", first, 20);
        LearnedTable b = source.describe("embed", later, 40);
        assertThat(b.columns()).as("the same columns, not worked out again").isSameAs(a.columns());
        assertThat(b.labels()).isEqualTo(a.labels()).contains("<M>");
        assertThat(b.kind()).isEqualTo(a.kind());
        assertThat(b.rows()[3][5]).isEqualTo(0.25f);
        assertThat(b.step()).isEqualTo(40);
        assertThat(a.rows()[3][5]).as("the first capture keeps its own values").isZero();
    }

    @Test
    void aOneToAllScorerHoldsTwoTablesNamedByBlockAndRowsAndLabelledByTheirOwnInputs() throws Exception {
        Path file = Path.of("sample-projects/wordnet-links.dwproj");
        Project p = new ProjectReader().read(file);
        ComputationGraph net = new GraphCompiler(BlockCatalog.standard())
                .compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow().instantiate();
        DatasetSplits data = dev.deepwire.data.DatasetLoader.load(p.dataset(), file.toAbsolutePath().getParent());
        String block = p.graph().nodes().stream().filter(n -> n.type().endsWith("_1n")).findFirst().orElseThrow().id();

        assertThat(EmbeddingTables.nodes(net)).containsExactly(block + ":entities", block + ":relations");
        assertThat(EmbeddingTables.find(net, block)).get().extracting(EmbeddingTables.Found::rows).isEqualTo("entities");
        List<LearnedTable> tables = EmbeddingTables.readAll(net, p.graph(), data, 0);
        LearnedTable entities = tables.get(0);
        assertThat(entities.kind()).isEqualTo("entities");
        assertThat(entities.labels()).isEqualTo(data.knowledgeGraph().entities());
        assertThat(entities.column("hypernym")).isPresent();
        LearnedTable relations = tables.get(1);
        assertThat(relations.kind()).isEqualTo("relations");
        assertThat(relations.labels()).as("the relation input's names, reciprocal relations included")
                .containsAll(data.knowledgeGraph().relations()).hasSize(relations.size());
    }

    @Test
    void entitiesAreColouredByTheirCommonestRelationAndByTheTailOfARelationMostHave() throws Exception {
        Path tsv = dir.resolve("kg.tsv");
        Files.writeString(tsv, String.join("\n",
                "dog\thypernym\tcanine\ttrain",
                "wolf\thypernym\tcanine\ttrain",
                "canine\thypernym\tanimal\ttrain",
                "cat\thypernym\tfeline\ttrain",
                "feline\thypernym\tanimal\ttrain",
                "dog\tpart\ttail\ttrain",
                "cat\tpart\ttail\ttrain",
                "tail\tpart\tdog\tvalidation", ""));
        TripleDataset kg = TripleDataset.read(tsv);
        List<RowColumn> columns = RowColumns.entityColumns(kg);
        // entities: animal, canine, cat, dog, feline, tail, wolf — five of seven are heads of hypernym, two of part.
        assertThat(columns).extracting(RowColumn::name).containsExactly("relation", "hypernym");
        RowColumn hypernym = columns.get(1);
        assertThat(kg.entities()).containsExactly("animal", "canine", "cat", "dog", "feline", "tail", "wolf");
        assertThat(hypernym.categories()).containsExactly(null, "animal", "feline", "canine", "animal", null, "canine");
        assertThat(hypernym.legend()).containsExactly("animal", "canine", "feline");
        RowColumn relation = columns.get(0);
        assertThat(relation.text(5)).as("tail is only ever the tail of part (the validation triple does not count)")
                .isEqualTo("part");
        assertThat(relation.text(0)).isEqualTo("hypernym");
        assertThat(hypernym.colours()[5]).isEqualTo(RowColumn.GREY);
    }

    @Test
    void inverseRelationsEachColourTheEntitiesTheyAreTheHeadOf() throws Exception {
        // WordNet mirrors each triple: (dog, hypernym, canine) and (canine, hyponym, dog). Counting heads and tails
        // alike tied every entity between the two, and the tie went to hypernym: hyponym never showed.
        Path tsv = dir.resolve("mirrored.tsv");
        Files.writeString(tsv, String.join("\n",
                "dog\thypernym\tcanine\ttrain", "canine\thyponym\tdog\ttrain",
                "wolf\thypernym\tcanine\ttrain", "canine\thyponym\twolf\ttrain",
                "canine\thypernym\tanimal\ttrain", "animal\thyponym\tcanine\ttrain", ""));
        TripleDataset kg = TripleDataset.read(tsv);
        RowColumn relation = RowColumns.entityColumns(kg).get(0);
        assertThat(kg.entities()).containsExactly("animal", "canine", "dog", "wolf");
        assertThat(relation.categories()).as("leaves are hypernym's; entities with hyponyms are hyponym's")
                .containsExactly("hyponym", "hyponym", "hypernym", "hypernym");
        assertThat(relation.legend()).containsExactlyInAnyOrder("hypernym", "hyponym");
        assertThat(relation.meaning()).as("the legend says what the colour is").contains("most often the head of");
    }
}
