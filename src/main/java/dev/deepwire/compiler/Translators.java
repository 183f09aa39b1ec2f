package dev.deepwire.compiler;

import dev.deepwire.compiler.blocks.*;
import java.util.stream.Stream;
import dev.deepwire.compiler.blocks.AddTranslator;
import dev.deepwire.compiler.blocks.DenseTranslator;
import dev.deepwire.compiler.blocks.DropoutTranslator;
import dev.deepwire.compiler.blocks.FeedForwardTranslator;
import dev.deepwire.compiler.blocks.GlobalPoolTranslator;
import dev.deepwire.compiler.blocks.LayerNormTranslator;
import dev.deepwire.compiler.blocks.PositionalEmbeddingTranslator;
import dev.deepwire.compiler.blocks.SelfAttentionTranslator;
import dev.deepwire.compiler.blocks.SoftmaxOutputTranslator;
import dev.deepwire.compiler.blocks.TokenEmbeddingTranslator;
import dev.deepwire.compiler.blocks.TokenInputTranslator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The translator for each block id; a test holds that every catalog block has one. */
public final class Translators {
    private static final Map<String, BlockTranslator> ALL = Stream.of(List.of(
            new TokenInputTranslator(), new TokenEmbeddingTranslator(), new PositionalEmbeddingTranslator(),
            new SelfAttentionTranslator(), new LayerNormTranslator(), new FeedForwardTranslator(),
            new AddTranslator(), new DropoutTranslator(), new GlobalPoolTranslator(), new DenseTranslator(),
            new SoftmaxOutputTranslator(),
            new EntityEmbeddingTranslator(), new RelationEmbeddingTranslator(),
            new CrossAttentionTranslator(), new AttentionPoolTranslator(), new TransformerBlockTranslator(),
            new ConcatTranslator(), new ElementwiseTranslator(), new GatedFusionTranslator(),
            new WeightedFusionTranslator(), new KgMlpScoreTranslator(), new DistMultTranslator(),
            new TransETranslator(), new ActivationTranslator(), new BatchNormTranslator(), new FlattenTranslator(),
            new ReshapeTranslator(), new SequenceDenseTranslator(), new Conv2dTranslator(), new Pool2dTranslator(),
            new PatchesTranslator(),
            new Conv1dTranslator(), new LstmTranslator(), new LastStepTranslator()),
            DataInputTranslator.all(), OutputTranslators.all(), OneToAllTranslator.all()).flatMap(List::stream)
            .collect(Collectors.toUnmodifiableMap(BlockTranslator::blockId, Function.identity()));

    private Translators() {
    }

    public static Optional<BlockTranslator> forBlock(String blockId) {
        return Optional.ofNullable(ALL.get(blockId));
    }
}
