package dev.deepwire.compiler.layers;

import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hand-written embedding: one table {@code W [rows, size]} looked up by id ({@link Lookup}). Subclasses say
 * what the ids are (tokens of a sequence, single ids) and how the table starts.
 */
public abstract class EmbeddingTable extends HandWrittenLayer {
    public static final String TABLE = "W";

    private long rows;
    private long size;

    protected EmbeddingTable() {
        // for JSON
    }

    protected EmbeddingTable(long rows, long size) {
        this.rows = rows;
        this.size = size;
    }

    public long getRows() {
        return rows;
    }

    /** Also read from the names the token and id embeddings saved it under before they shared this class. */
    @org.nd4j.shade.jackson.annotation.JsonAlias({"vocabulary", "count"})
    public void setRows(long rows) {
        this.rows = rows;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    /** Fills the table with its starting values, as DL4J's own embedding layer would from the same seed. */
    abstract void initialise(INDArray table);

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    /** The one table. */
    static final class Params extends NamedParams {
        static final Params INSTANCE = new Params();

        @Override
        String[] names(Layer layer) {
            return new String[] {TABLE};
        }

        @Override
        long[][] shapes(Layer layer) {
            EmbeddingTable e = (EmbeddingTable) layer;
            return new long[][] {{e.rows, e.size}};
        }

        @Override
        void initialize(Layer layer, Map<String, INDArray> params) {
            ((EmbeddingTable) layer).initialise(params.get(TABLE));
        }
    }
}
