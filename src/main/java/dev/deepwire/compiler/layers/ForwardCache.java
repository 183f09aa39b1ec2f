package dev.deepwire.compiler.layers;

import java.util.function.Supplier;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keeps what a training forward pass computed for the backward pass of the same input, instead of
 * computing it twice. While training, DL4J keeps every layer's activations in one workspace until the
 * step's backward pass is done; the forward results are allocated there. Anything else (inference, a
 * different input, a second backward pass) computes afresh, so a stale array is never read.
 */
final class ForwardCache<T> {
    private T value;
    private INDArray input;

    /** Runs {@code forward}; when training, keeps its result for {@link #take} on the same input. */
    T compute(boolean training, INDArray input, LayerWorkspaceMgr mgr, Supplier<T> forward) {
        clear();
        MemoryWorkspace scope = training ? keepingScope(mgr) : null;
        if (scope == null) {
            return forward.get();
        }
        T result;
        try (MemoryWorkspace ignored = scope) {
            result = forward.get();
        }
        this.value = result;
        this.input = input;
        return result;
    }

    /** The forward results kept for this very input (then forgotten), or {@code forward} run now. */
    T take(INDArray input, Supplier<T> forward) {
        T kept = value != null && this.input == input ? value : null;
        clear();
        return kept != null ? kept : forward.get();
    }

    void clear() {
        value = null;
        input = null;
    }

    /** A scope whose allocations live until the backward pass, or null when there is none to use. */
    private static MemoryWorkspace keepingScope(LayerWorkspaceMgr mgr) {
        if (mgr.isScopedOut(ArrayType.ACTIVATIONS)) {
            return Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
        }
        if (!mgr.hasConfiguration(ArrayType.ACTIVATIONS) || !mgr.isWorkspaceOpen(ArrayType.ACTIVATIONS)) {
            return null;
        }
        return mgr.notifyScopeBorrowed(ArrayType.ACTIVATIONS);
    }
}
