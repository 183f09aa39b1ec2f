package dev.deepwire.compiler.layers;

import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterUpdate;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Table lookups for the hand-written embeddings, {@code rows[i] = W[ids[i]]} and its gradient
 * {@code dW[v] = Σ_{i: ids[i] = v} dy[i]}, the sum in the order of i. Where the vector kernels run, rows are copied and
 * gradients added row by row in place ({@link LookupVectors}), for every table size. Elsewhere small tables multiply
 * one-hot rows with the table (two matrix products; OpenBLAS sums the gradient's product in blocks of the batch, so
 * beyond a few hundred rows its last bits differ from the sum in order); large ones gather rows and scatter-add
 * gradients, on a row-major table so each row is one contiguous read (DL4J's embedding layers keep the table
 * column-major and gather strided rows).
 */
final class Lookup {
    /** Up to this many rows the one-hot products beat gathering and scattering (measured, 64-wide rows). */
    static final int ONE_HOT_MAX = 256;

    /** The ids as an int array of ND4J's, for the fallbacks' ops; made when first needed. */
    private INDArray ids;
    private final int[] index;
    private final long vocabulary;
    private final DataType type;

    /** @param ids any shape; the ids in row-major order, checked to lie in the table */
    Lookup(INDArray ids, long vocabulary, DataType type, String layer) {
        this(HostArrays.doubles(ids), 0, 1, (int) ids.length(), vocabulary, type, layer);
    }

    /**
     * The ids {@code values[from + i · stride]}, i = 0 … count − 1 (a column of a row-major matrix read once), checked
     * to lie in the table.
     */
    Lookup(double[] values, int from, int stride, int count, long vocabulary, DataType type, String layer) {
        int[] index = new int[count];
        for (int i = 0; i < index.length; i++) {
            double v = values[from + i * stride];
            if (!(v >= 0 && v < vocabulary) || v != Math.rint(v)) {
                throw new DL4JInvalidInputException(layer + ": ids must be whole numbers in 0.." + (vocabulary - 1)
                        + " (the table's size); got " + v + " at position " + i + " of the batch");
            }
            index[i] = (int) v;
        }
        this.index = index;
        this.vocabulary = vocabulary;
        this.type = type;
    }

    private boolean oneHot() {
        return vocabulary <= ONE_HOT_MAX;
    }

    /**
     * Whether a gradient's rows [n, d] are added into a table's [V, d] in place by {@link LookupVectors} (row by row in
     * vector instructions: no one-hot matrix, no product; marker's lookup and its gradient were 8 % of its step).
     */
    private boolean inPlace(INDArray rows, INDArray table) {
        return VectorKernels.ON && rows.rank() == 2 && table.rank() == 2 && rows.size(0) == index.length
                && rows.size(1) == table.size(1) && table.size(0) == vocabulary && HostArrays.inPlace(rows, table);
    }

    private INDArray intIds() {
        if (ids == null) {
            // Kept from the forward to the backward pass: outside DL4J's per-layer workspaces.
            try (var ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                ids = Nd4j.createFromArray(index);
            }
        }
        return ids;
    }

    private INDArray oneHotRows() {
        OneHot op = new OneHot(intIds(), (int) vocabulary, -1, 1.0, 0.0, type);
        INDArray out = Nd4j.create(type, index.length, vocabulary);
        op.addOutputArgument(out);
        Nd4j.exec(op);
        return out;
    }

    /** Writes the rows of {@code table} [V, d] for the ids into {@code out} [n, d]. */
    void rows(INDArray table, INDArray out) {
        if (rowsInto(table, out, 0)) {
            return;
        }
        if (oneHot()) {
            Nd4j.gemm(oneHotRows(), table, out, false, false, 1.0, 0.0);
        } else {
            Gather op = new Gather(table, intIds(), 0);
            op.addOutputArgument(out);
            Nd4j.exec(op);
        }
    }

    /**
     * Writes the rows of {@code table} [V, d] for the ids into columns [from, from + d) of {@code out} [n, ≥ from + d]
     * where the vector kernels work on both in place (row by row, no one-hot matrix, no product), and says so; else
     * leaves out alone ({@link #rows} then looks up another way; the MLP scorer into an array of its own).
     */
    boolean rowsInto(INDArray table, INDArray out, int from) {
        if (!VectorKernels.ON || table.rank() != 2 || out.rank() != 2 || table.size(0) != vocabulary
                || out.size(0) != index.length || from + table.size(1) > out.size(1) || !HostArrays.inPlace(table, out)) {
            return false;
        }
        LookupVectors.rows(HostArrays.bytes(table), index, (int) table.size(1), HostArrays.bytes(out), from,
                (int) out.size(1));
        return true;
    }

    /**
     * Adds {@code dy + (e ⊙ |e|) · s} row by row into the looked-up rows of {@code grad} [V, d] (an N3 term's gradient
     * beside the rows' own), dy's rows from its columns [dyFrom, dyFrom + d), e's from [eFrom, eFrom + d), where the vector
     * kernels work on all three in place, and says so; else changes nothing (the caller adds the term itself and calls
     * {@link #addGradient}). The same floats as those array operations.
     */
    boolean addGradientWithCube(INDArray dy, int dyFrom, INDArray e, int eFrom, float s, INDArray grad) {
        long d = grad.size(1);
        if (!VectorKernels.ON || dy.rank() != 2 || e.rank() != 2 || grad.rank() != 2 || grad.size(0) != vocabulary
                || dy.size(0) != index.length || e.size(0) != index.length || dyFrom + d > dy.size(1)
                || eFrom + d > e.size(1) || !HostArrays.inPlace(dy, e, grad)) {
            return false;
        }
        LookupVectors.addRowsWithCube(HostArrays.bytes(dy), dyFrom, (int) dy.size(1), HostArrays.bytes(e), eFrom,
                (int) e.size(1), s, index, (int) d, HostArrays.bytes(grad));
        return true;
    }

    /** Writes the table's gradient for the rows' gradient {@code dy} [n, d] into {@code grad} [V, d]. */
    void gradient(INDArray dy, INDArray grad) {
        grad.assign(0);
        addGradient(dy, grad);
    }

    /** Adds the rows of dy into the rows of grad that were looked up (grad keeps what it held). */
    void addGradient(INDArray dy, INDArray grad) {
        if (inPlace(dy, grad)) {
            LookupVectors.addRows(HostArrays.bytes(dy), index, (int) grad.size(1), HostArrays.bytes(grad));
        } else if (oneHot()) {
            grad.addi(MatrixProducts.tMul(oneHotRows(), dy));
        } else if (dy.rank() == 2 && grad.rank() == 2 && HostArrays.direct(dy) && HostArrays.direct(grad)
                && HostArrays.isPlain(grad)) {
            // Row by row in Java: libnd4j's scatter op cost 0.1 ms for 128 rows of 64 (3 % of a 1-N step).
            HostArrays.addRows(dy, index, grad);
        } else {
            Nd4j.scatterUpdate(ScatterUpdate.UpdateOp.ADD, grad, intIds(), dy, 1);
        }
    }

    /** The lookup for a layer's current input, made (and its ids checked) once for the forward and backward pass. */
    static final class Kept {
        private Lookup lookup;
        private INDArray input;

        Lookup of(INDArray input, long vocabulary, DataType type, String layer) {
            if (lookup == null || this.input != input) {
                lookup = new Lookup(input, vocabulary, type, layer);
                this.input = input;
            }
            return lookup;
        }

        void clear() {
            lookup = null;
            input = null;
        }
    }
}
