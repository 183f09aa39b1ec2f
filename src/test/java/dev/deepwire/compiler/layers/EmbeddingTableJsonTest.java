package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.junit.jupiter.api.Test;

/** Saved networks keep their embedding tables' sizes, in today's form and in the form saved before. */
class EmbeddingTableJsonTest {

    private static Layer roundTrip(Layer layer, String savedName) throws Exception {
        var mapper = NeuralNetConfiguration.mapper();
        String json = mapper.writeValueAsString(layer);
        assertThat(json).contains("\"rows\"");
        return mapper.readValue(savedName == null ? json : json.replace("\"rows\"", "\"" + savedName + "\""), Layer.class);
    }

    @Test
    void tokenAndIdEmbeddingsKeepTheirTableSize() throws Exception {
        assertThat(((TokenEmbedding) roundTrip(new TokenEmbedding(32, 64, 24, 1.0), null)).getRows()).isEqualTo(32);
        assertThat(((IdEmbedding) roundTrip(new IdEmbedding(4000, 64), null)).getRows()).isEqualTo(4000);
    }

    @Test
    void modelsSavedBeforeTheTablesWereSharedStillLoadTheirSize() throws Exception {
        TokenEmbedding t = (TokenEmbedding) roundTrip(new TokenEmbedding(32, 64, 24, 1.0), "vocabulary");
        assertThat(t.getRows()).isEqualTo(32);
        assertThat(t.getSize()).isEqualTo(64);
        IdEmbedding e = (IdEmbedding) roundTrip(new IdEmbedding(4000, 64), "count");
        assertThat(e.getRows()).isEqualTo(4000);
    }
}
