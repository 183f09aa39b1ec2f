package dev.deepwire.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.model.Graph;
import dev.deepwire.model.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordsTest {
    private static Graph graph() {
        Graph g = new Graph();
        g.addNode(new Node("caption", "token_input", "Caption words", Map.of("length", 6, "vocabulary", 40), 0, 0));
        g.addNode(new Node("attn_1", "self_attention", "Image self-attention", Map.of(), 0, 0));
        return g;
    }

    @Test
    void aBlocksPortIsNamedByTheBlocksLabel() {
        assertThat(Words.named("caption.out is not connected", graph())).isEqualTo("\u201cCaption words\u201d out is not connected");
        assertThat(Words.named("attn_1 has no input", graph())).isEqualTo("\u201cImage self-attention\u201d has no input");
    }

    @Test
    void aFileNameThatContainsABlockIdIsLeftAlone() {
        assertThat(Words.named("Opened digits-caption.dwproj", graph())).isEqualTo("Opened digits-caption.dwproj");
        assertThat(Words.named("wrote caption.csv", graph())).isEqualTo("wrote caption.csv");
    }
}
