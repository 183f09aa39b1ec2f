package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.GraphFixture;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Edge;
import dev.deepwire.model.Port;
import dev.deepwire.model.Project;
import dev.deepwire.model.TrainingSettings;
import org.junit.jupiter.api.Test;

/**
 * Every way of wiring without naming the input — a dropped wire's block, quick-add by key (Space) after a selected
 * block, W between two selected blocks — puts the wire into the input {@link dev.deepwire.model.WireTarget} chooses:
 * image patches into cross-attention's keys and values, text into its queries. W had taken the first free input, so
 * an image wired by key became the queries and the network attended the other way round.
 */
class WireTargetPathsTest {

    private static EditorViewModel vm() {
        GraphFixture g = new GraphFixture().node("img", "image_input").node("patches", "patches")
                .wire("img.out", "patches.in").node("text", "token_input").node("emb", "token_embedding")
                .wire("text.out", "emb.in");
        return new EditorViewModel(BlockCatalog.standard(), new Project("t", "", g.graph(), null, TrainingSettings.defaults()),
                Runnable::run, Runnable::run);
    }

    private static String inputFrom(EditorViewModel vm, String from, String to) {
        return vm.graph().edgesFrom(from).stream().map(Edge::to).filter(p -> p.nodeId().equals(to)).map(Port::name)
                .findFirst().orElseThrow();
    }

    /** Places a cross-attention right of both sources, so W takes them as the wire's start. */
    private static String crossAttention(EditorViewModel vm) {
        return vm.addBlock("cross_attention", 2000, 0);
    }

    @Test
    void theWKeyWiresImagePatchesIntoTheKeysEvenWhenTheQueriesAreFree() {
        EditorViewModel vm = vm();
        String attn = crossAttention(vm);
        vm.select("patches", false);
        vm.select(attn, true);
        vm.quickAdd().wireSelection();
        assertThat(inputFrom(vm, "patches", attn)).isEqualTo("keys");
        // then the text goes into what is left: the queries
        vm.select("emb", false);
        vm.select(attn, true);
        vm.quickAdd().wireSelection();
        assertThat(inputFrom(vm, "emb", attn)).isEqualTo("queries");
    }

    @Test
    void theWKeyWiresTextIntoTheQueriesFirst() {
        EditorViewModel vm = vm();
        String attn = crossAttention(vm);
        vm.select("emb", false);
        vm.select(attn, true);
        vm.quickAdd().wireSelection();
        assertThat(inputFrom(vm, "emb", attn)).isEqualTo("queries");
    }

    @Test
    void theWKeyTakesTheNextInputWhenTheChosenOneIsWiredAlready() {
        EditorViewModel vm = vm();
        String attn = crossAttention(vm);
        vm.connect(new Port("emb", "out"), new Port(attn, "keys"));
        vm.select("patches", false);
        vm.select(attn, true);
        vm.quickAdd().wireSelection();
        assertThat(inputFrom(vm, "patches", attn)).as("keys were taken: the queries, the only free input").isEqualTo("queries");
        assertThat(inputFrom(vm, "emb", attn)).as("the wire there is kept").isEqualTo("keys");
    }

    @Test
    void quickAddByKeyAfterTheSelectedPatchesWiresTheKeys() {
        EditorViewModel vm = vm();
        vm.select("patches", false);
        Port from = vm.quickAdd().from().orElseThrow();
        String attn = vm.quickAdd().addBlockConnected("cross_attention", 600, 0, from);
        assertThat(inputFrom(vm, "patches", attn)).isEqualTo("keys");
        assertThat(vm.quickAdd().blocksAccepting(from)).extracting(t -> t.id()).contains("cross_attention");
    }

    @Test
    void theWKeyAndADroppedWireAgree() {
        EditorViewModel byKey = vm();
        String attn = crossAttention(byKey);
        byKey.select("patches", false);
        byKey.select(attn, true);
        byKey.quickAdd().wireSelection();
        EditorViewModel dropped = vm();
        String other = dropped.quickAdd().addBlockConnected("cross_attention", 2000, 0, new Port("patches", "out"));
        assertThat(inputFrom(byKey, "patches", attn)).isEqualTo(inputFrom(dropped, "patches", other));
    }
}
