package dev.deepwire.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.Dataset;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Issue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A data/graph mismatch names a fix that can work, or why none does. */
class DataBindingTest {
    private static CompiledNetwork net(String output, String param, int value) {
        var g = new GraphFixture().node("x", "vector_input", "features", 2).node("o", output, param, value)
                .wire("x.out", "o.in").graph();
        return new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(1)).orThrow();
    }

    private static Dataset data(int classes) {
        return new Dataset(new INDArray[] {Nd4j.rand(4, 2)}, null, new INDArray[] {Nd4j.zeros(4, classes)}, List.of());
    }

    @Test
    void inputsAddedInAnotherOrderThanTheDatasetsAreNamedWithTheFix() {
        // Found building a cross-modal network from scratch: the caption's Token sequence added before the image rows'
        // Sequence-of-vectors input; digits-caption gives the image first, and the check said "the dataset's sequences
        // have length ? but the input expects 6; set its length to the data's length".
        var net = captionAddedBeforeTheImage();
        var data = new Dataset(new INDArray[] {Nd4j.rand(new int[] {4, 8, 8}), Nd4j.zeros(4, 6)}, null,
                new INDArray[] {Nd4j.zeros(4, 1)}, List.of());
        assertThat(DataBinding.problems(net, data)).singleElement().satisfies(issue -> {
            assertThat(issue.nodeId()).isEqualTo("caption");
            assertThat(issue.message()).contains("another order", "a sequence of vectors (8 × 8)", "caption, then image",
                    "delete caption and add it again, so that it comes after image").doesNotContain("?");
        });
    }

    /** A cross-modal network whose caption input was added before the image rows' (digits-caption gives the image first). */
    private static CompiledNetwork captionAddedBeforeTheImage() {
        var g = new GraphFixture().node("caption", "token_input", "length", 6).node("words", "token_embedding")
                .node("image", "sequence_input").node("cross", "cross_attention").node("pool", "global_pool")
                .node("match", "sigmoid_output")
                .wire("caption.out", "words.in").wire("words.out", "cross.queries").wire("image.out", "cross.keys")
                .wire("cross.out", "pool.in").wire("pool.out", "match.in").graph();
        return new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(1)).orThrow();
    }

    @Test
    void eachOfTheDatasetsInputsGoesToTheBlockThatTakesItWhateverOrderTheBlocksWereAddedIn() {
        // The same network: the data is bound to it as training, validate and the editor's check bind it, and the
        // image rows go to the image's block, the caption to the caption's (no block deleted and added again).
        var net = captionAddedBeforeTheImage();
        INDArray image = Nd4j.rand(new int[] {4, 8, 8});
        INDArray caption = Nd4j.zeros(4, 6);
        INDArray imageMask = Nd4j.ones(4, 8);
        var data = new Dataset(new INDArray[] {image, caption}, new INDArray[] {imageMask, null},
                new INDArray[] {Nd4j.zeros(4, 1)}, List.of()).withInputNames(List.of(List.of("row 0"), List.of("a", "b")));
        Dataset bound = InputBinding.bind(net, data);
        assertThat(bound.features()).containsExactly(caption, image);
        assertThat(bound.featureMasks()).containsExactly(null, imageMask);
        assertThat(bound.inputNames(1)).containsExactly("row 0");
        assertThat(DataBinding.problems(net, bound)).isEmpty();
        assertThat(InputBinding.bind(net, bound)).as("already in the blocks' order").isSameAs(bound);

        // two inputs either could take (a head and a relation id of one count): the dataset's order stands
        var ids = new GraphFixture().node("h", "id_input", "count", 5).node("r", "id_input", "count", 5)
                .node("s", "distmult_1n", "dim", 4).node("o", "link_ranking_output")
                .wire("h.out", "s.head").wire("r.out", "s.relation").wire("s.out", "o.in").graph();
        var kg = new GraphCompiler(BlockCatalog.standard()).compile(ids, CompileOptions.forGradientCheck(1)).orThrow();
        var pairs = new Dataset(new INDArray[] {Nd4j.zeros(4, 1), Nd4j.ones(4, 1)}, null,
                new INDArray[] {Nd4j.zeros(4, 5)}, List.of());
        assertThat(InputBinding.bind(kg, pairs)).isSameAs(pairs);
    }

    /**
     * A Token sequence whose length and vocabulary both differ from the data's is told both at once, each with its fix:
     * building digits-caption's network from the palette, the vocabulary was said only after the length was mended.
     */
    @Test
    void aTokenInputsLengthAndVocabularyAreSaidTogether() {
        var g = new GraphFixture().node("caption", "token_input", "length", 4, "vocabulary", 10)
                .node("words", "token_embedding", "dim", 4).node("pool", "global_pool").node("out", "softmax_output", "classes", 2)
                .wire("caption.out", "words.in").wire("words.out", "pool.in").wire("pool.out", "out.in").graph();
        CompiledNetwork net = new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(1)).orThrow();
        INDArray tokens = Nd4j.create(new double[][] {{1, 2, 3, 4, 5, 35}, {0, 0, 0, 0, 0, 0}});
        Dataset data = new Dataset(new INDArray[] {tokens}, null, new INDArray[] {Nd4j.zeros(2, 2)}, List.of());
        assertThat(DataBinding.problems(net, data)).extracting(Issue::message).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("length 6", "set its length to 6"))
                .anySatisfy(m -> assertThat(m).contains("token id 35", "set vocabulary to at least 36"));
        assertThat(DataBinding.fixes(net, data)).containsExactlyInAnyOrder(new DataBinding.Fix("caption", "length", 6),
                new DataBinding.Fix("caption", "vocabulary", 36));
    }

    @Test
    void oneClassIsNotFixedBySettingClassesToOne() {
        assertThat(DataBinding.problems(net("softmax_output", "classes", 3), data(1))).extracting(Issue::message)
                .singleElement().asString().contains("every example has the same label").doesNotContain("set classes to 1");
    }

    @Test
    void aBlockWithoutAClassCountIsNotToldToSetOne() {
        assertThat(DataBinding.problems(net("regression_output", "units", 1), data(3))).extracting(Issue::message)
                .singleElement().asString().contains("this output block has no class count")
                .contains("softmax classifier for 3 classes").doesNotContain("set classes");
        assertThat(DataBinding.problems(net("softmax_output", "classes", 3), data(5))).extracting(Issue::message)
                .singleElement().asString().endsWith("set classes to 5");
    }

    @Test
    void anInputWhoseSizesAreNotTheDataIsFixedByOneValuePerSize() {
        // A vector input left at 4 features, a CSV of 64 numbers per example: the problem said "set the input's
        // sizes to 64" and offered no button to do it, while the classes beside it had one.
        var vector = DataBinding.fixes(net("softmax_output", "classes", 3), new Dataset(new INDArray[] {Nd4j.rand(4, 64)},
                null, new INDArray[] {Nd4j.zeros(4, 3)}, List.of()));
        assertThat(vector).containsExactly(new DataBinding.Fix("x", "features", 64));

        GraphCompiler compiler = new GraphCompiler(BlockCatalog.standard());
        CompiledNetwork image = compiler.compile(dev.deepwire.compiler.FamilyGraphs.cnn().graph(),
                CompileOptions.forGradientCheck(1)).orThrow();
        var images = DataBinding.fixes(image, new Dataset(new INDArray[] {Nd4j.rand(new int[] {4, 2, 8, 5})}, null,
                new INDArray[] {Nd4j.zeros(4, 3)}, List.of()));
        assertThat(images).as("only the height differs").containsExactly(new DataBinding.Fix("image", "height", 8));

        var g = new GraphFixture().node("h", "id_input", "count", 20).node("r", "id_input", "count", 4)
                .node("s", "complex_1n", "dim", 4).node("o", "link_ranking_output")
                .wire("h.out", "s.head").wire("r.out", "s.relation").wire("s.out", "o.in").graph();
        CompiledNetwork links = compiler.compile(g, CompileOptions.forGradientCheck(1)).orThrow();
        INDArray relations = Nd4j.create(new double[][] {{0}, {1}, {6}, {2}});
        var ids = DataBinding.fixes(links, new Dataset(new INDArray[] {Nd4j.zeros(4, 1), relations}, null,
                new INDArray[] {Nd4j.zeros(4, links.outputs().get(0).size())}, List.of()));
        assertThat(ids).as("7 relations, counted as 4").containsExactly(new DataBinding.Fix("r", "count", 7));
    }

    /**
     * wordnet-links with a triples file of 4 entities: the head input still counted the sample's 4,000, and training
     * went on with a table of 4,000 rows (515,072 parameters), ranking each answer among 3,996 entities the data does
     * not have, without a word. Now the block is named with the count to set, and one button sets it.
     */
    @Test
    void anIdInputCountingMoreIdsThanTheDataNamesIsToldToFollowTheData() {
        var g = new GraphFixture().node("head", "id_input", "count", 4000).node("relation", "id_input", "count", 4)
                .node("s", "complex_1n", "dim", 4).node("o", "link_ranking_output")
                .wire("head.out", "s.head").wire("relation.out", "s.relation").wire("s.out", "o.in").graph();
        CompiledNetwork links = new GraphCompiler(BlockCatalog.standard()).compile(g, CompileOptions.forGradientCheck(1))
                .orThrow();
        INDArray heads = Nd4j.create(new double[][] {{0}, {1}, {2}, {3}});
        INDArray relations = Nd4j.create(new double[][] {{0}, {1}, {2}, {3}});
        Dataset four = new Dataset(new INDArray[] {heads, relations}, null,
                new INDArray[] {Nd4j.zeros(4, links.outputs().get(0).size())}, List.of())
                .withInputNames(List.of(List.of("a", "b", "c", "d"), List.of("r", "s", "r⁻¹", "s⁻¹")));
        assertThat(DataBinding.problems(links, four)).as("the data's own faults first: none here").isEmpty();
        assertThat(DataBinding.idsBeyondTheData(links, four)).singleElement().satisfies(issue -> {
            assertThat(issue.nodeId()).isEqualTo("head");
            assertThat(issue.message()).contains("the dataset has 4 distinct ids for head but the input counts 4,000")
                    .contains("3,996 rows that no example uses").endsWith("set head's count to 4");
        });
        assertThat(DataBinding.fixes(links, four)).contains(new DataBinding.Fix("head", "count", 4));
        // the same data without names of its own (ids only): nothing to compare the count with, nothing said
        Dataset unnamed = new Dataset(new INDArray[] {heads, relations}, null,
                new INDArray[] {Nd4j.zeros(4, links.outputs().get(0).size())}, List.of());
        assertThat(DataBinding.idsBeyondTheData(links, unnamed)).isEmpty();
    }

    @Test
    void aSequenceOfImageRowsIsTheImageInputsImageAgain() {
        // digits-caption's data gives each image as a sequence of its 8 rows (made for a Sequence-of-vectors input);
        // an Image input cut into patches by the network was refused with "set the input's sizes to 8 × 8".
        CompiledNetwork net = new GraphCompiler(BlockCatalog.standard()).compile(dev.deepwire.compiler.FamilyGraphs
                .imagePatches().graph(), CompileOptions.forGradientCheck(1)).orThrow(); // an image of 2 × 4 × 6
        int b = 3, c = 2, h = 4, w = 6;
        INDArray rows = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, b, c * w, h); // feature ch·w + x of row y
        INDArray caption = Nd4j.zeros(b, 3);
        Dataset asRows = new Dataset(new INDArray[] {caption, rows}, null, new INDArray[] {Nd4j.zeros(b, 3)}, List.of());
        Dataset bound = InputBinding.bind(net, asRows);
        assertThat(DataBinding.problems(net, bound)).isEmpty();
        INDArray image = bound.features()[net.inputs().stream().map(CompiledNetwork.Input::nodeId).toList().indexOf("image")];
        assertThat(image.shape()).containsExactly(b, c, h, w);
        for (int e = 0; e < b; e++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        assertThat(image.getDouble(e, ch, y, x)).as("pixel (%d, %d, %d) of example %d", ch, y, x, e)
                                .isEqualTo(rows.getDouble(e, ch * w + x, y));
                    }
                }
            }
        }
        // rows of another length are not an image of this height: left for the check to name
        Dataset shorter = new Dataset(new INDArray[] {caption, Nd4j.rand(b, c * w, h + 1)}, null,
                new INDArray[] {Nd4j.zeros(b, 3)}, List.of());
        assertThat(DataBinding.problems(net, InputBinding.bind(net, shorter))).isNotEmpty();
    }

    @Test
    void imageRowsThatDoNotFitTheImageInputNameSizesAnImageInputCanTakeWithAButton() {
        // Seen giving the digits-caption data (8 rows of 8 pixels) to an Image input of 3 × 8 × 8: "set the input's
        // sizes to 8 × 8", which no image input can be set to, and no button to fix it.
        CompiledNetwork net = new GraphCompiler(BlockCatalog.standard()).compile(dev.deepwire.compiler.FamilyGraphs
                .imagePatches().graph(), CompileOptions.forGradientCheck(1)).orThrow(); // an image of 2 × 4 × 6
        int b = 3;
        INDArray caption = Nd4j.zeros(b, 3);
        Dataset rows = new Dataset(new INDArray[] {caption, Nd4j.rand(b, 7, 5)}, null, new INDArray[] {Nd4j.zeros(b, 3)},
                List.of()); // 5 rows of 7 values: 7 is not 2 channels' worth, so one channel of 7 columns
        Dataset bound = InputBinding.bind(net, rows);
        assertThat(DataBinding.problems(net, bound)).extracting(Issue::message).singleElement().asString()
                .contains("5 image rows of 7 values", "2 × 4 × 6", "set channels × height × width to 1 × 5 × 7")
                .doesNotContain("set the input's sizes");
        assertThat(DataBinding.fixes(net, bound)).containsExactly(new DataBinding.Fix("image", "channels", 1),
                new DataBinding.Fix("image", "height", 5), new DataBinding.Fix("image", "width", 7));

        Dataset even = new Dataset(new INDArray[] {caption, Nd4j.rand(b, 8, 4)}, null, new INDArray[] {Nd4j.zeros(b, 3)},
                List.of()); // 4 rows of 8 values: 2 channels of 4 columns
        assertThat(DataBinding.fixes(net, InputBinding.bind(net, even))).containsExactly(
                new DataBinding.Fix("image", "width", 4));
    }

    @Test
    void rowsOfPixelsAreTheImageInputsImagesChannelsFirstThenRowByRow() throws Exception {
        // Seen building a CNN on digits.csv from an empty canvas: 64 pixel values per row and an Image input of
        // 1 × 8 × 8 were refused with "set the input's sizes to 64", which no image input can be set to.
        CompiledNetwork cnn = new GraphCompiler(BlockCatalog.standard()).compile(dev.deepwire.compiler.FamilyGraphs.cnn()
                .graph(), CompileOptions.forGradientCheck(1)).orThrow(); // an image of 2 × 6 × 5
        INDArray rows = Nd4j.arange(0, 3 * 60).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).reshape(3, 60);
        Dataset flat = new Dataset(new INDArray[] {rows}, null, new INDArray[] {Nd4j.zeros(3, 3)}, List.of());
        Dataset bound = InputBinding.bind(cnn, flat);
        assertThat(DataBinding.problems(cnn, flat)).extracting(Issue::message).singleElement().asString()
                .contains("the image input takes 2 × 6 × 5 = 60").doesNotContain("set the input's sizes to 60");
        assertThat(DataBinding.problems(cnn, bound)).isEmpty();
        assertThat(bound.features()[0].shape()).containsExactly(3, 2, 6, 5);
        // example 1, channel 1, row 2, column 3: the 1·30 + 2·5 + 3 = 43rd value of its row
        assertThat(bound.features()[0].getDouble(1, 1, 2, 3)).isEqualTo(60 + 43);
        assertThat(bound.labels()).isSameAs(flat.labels());

        // it trains: a few steps on the bound rows, the parameters change and stay finite
        var net = cnn.instantiate();
        double before = net.params().sumNumber().doubleValue();
        for (var batch : bound.batches(2, new java.util.Random(1))) {
            net.fit(batch);
        }
        assertThat(net.params().sumNumber().doubleValue()).isNotEqualTo(before).isFinite();

        Dataset odd = new Dataset(new INDArray[] {Nd4j.rand(3, 59)}, null, new INDArray[] {Nd4j.zeros(3, 3)}, List.of());
        assertThat(InputBinding.bind(cnn, odd)).as("59 values make no 2 × 6 × 5 image: left for problems to name")
                .isSameAs(odd);
        assertThat(DataBinding.problems(cnn, odd)).extracting(Issue::message).singleElement().asString()
                .contains("set channels × height × width to make 59").contains("Vector input");
    }
}
