package dev.deepwire.compiler.layers;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two layouts of a sequence in the hand-written layers: DL4J's {@code [b, d, T]} (NCW) between layers, and rows
 * {@code [b·T, d]} (one per position) for the matrix products inside them. One owner for both conversions.
 */
final class SequenceRows {
    private SequenceRows() {
    }

    /**
     * [b, d, T] → [b·T, d], a new row-major array in the current workspace. Written as an assignment into an
     * uninitialised array: ND4J's {@code dup} of the permuted view took twice as long for marker's [64, 64, 24].
     */
    static INDArray rows(INDArray x) {
        long b = x.size(0), d = x.size(1), t = x.size(2);
        INDArray out = Nd4j.createUninitialized(x.dataType(), new long[] {b, t, d}, 'c');
        out.assign(x.permute(0, 2, 1));
        return out.reshape('c', b * t, d);
    }

    /** [b·T, d] → [b, d, T] in a new array of the given workspace type. */
    static INDArray sequence(INDArray rows, long b, long t, ArrayType type, LayerWorkspaceMgr mgr) {
        INDArray out = mgr.createUninitialized(type, rows.dataType(), new long[] {b, rows.size(1), t}, 'c');
        out.assign(rows.reshape('c', b, t, rows.size(1)).permute(0, 2, 1));
        return out;
    }
}
