package dev.deepwire.compiler.layers;

import java.nio.ByteBuffer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softmax cross-entropy over all entities for 1-N link prediction, with labels given as the true entity's id
 * {@code [b, 1]} (a one-hot target of 4,000 entities per example would not fit in memory for a whole split) and
 * label smoothing: target {@code y = (1 − ε) onehot(t) + ε / N}. Per example {@code −Σ y log softmax(s)}; its
 * gradient with respect to the scores is {@code softmax(s) − y}. The layer's activation must be the identity.
 */
public class EntitySoftmaxLoss implements ILossFunction {
    private double smoothing;

    public EntitySoftmaxLoss() {
        // for JSON
    }

    public EntitySoftmaxLoss(double smoothing) {
        this.smoothing = smoothing;
    }

    public double getSmoothing() {
        return smoothing;
    }

    public void setSmoothing(double smoothing) {
        this.smoothing = smoothing;
    }

    /** The label ids [b, 1] as ints, each checked to name one of the {@code entities}. */
    static int[] ids(INDArray labels, long entities) {
        if (labels.size(1) != 1) {
            throw new IllegalArgumentException("the link ranking output takes the true entity's id as its label ([batch, 1]);"
                    + " got labels of " + labels.size(1) + " columns");
        }
        double[] values = HostArrays.doubles(labels);
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] < entities)) {
                throw new IllegalArgumentException("the link ranking output scores " + entities + " entities but a label id is "
                        + values[i] + "; ids must lie in 0.." + (entities - 1));
            }
            ids[i] = (int) values[i];
        }
        return ids;
    }

    /**
     * Per row: the largest score m and log Σ exp(s − m). The loss and its gradient are asked for the same scores in
     * each step (DL4J's loss layer computes them one after the other); the second call takes these from the first
     * instead of another pass of max and exp over [b, N] — kept as Java numbers, so no workspace has to outlive a call.
     */
    private record RowStats(INDArray of, double[] rowSums, double[] max, double[] logSum) {
        /** Figures of the same array with the same row sums (which the loss needs anyway: Σ log p). */
        boolean describes(INDArray s, double[] sums) {
            return of == s && java.util.Arrays.equals(rowSums, sums);
        }
    }

    @JsonIgnore
    private transient RowStats lastRows;

    /**
     * The host kernel's last figures: loss per row and the gradient already written for these scores (same array, same
     * label ids, same score at each true id), so the second of DL4J's two calls per step only copies them out.
     * {@code grad} is null once the gradient has been handed out (whoever took it may change it in place).
     */
    private record HostResult(INDArray of, int[] ids, float[] atTarget, double[] loss, INDArray grad) {
        boolean describes(INDArray s, int[] t) {
            if (of != s || !java.util.Arrays.equals(ids, t)) {
                return false;
            }
            long n = s.size(1);
            for (int i = 0; i < t.length; i++) {
                if (s.getFloat(i * n + t[i]) != atTarget[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    @JsonIgnore
    private transient HostResult lastHost;

    /** The rows being worked on, a block at a time ({@link #BLOCK} values at most, or one row). */
    @JsonIgnore
    private transient float[] hostBlock;

    /**
     * How many values the host kernel works on at once: 256 kB of floats, which stay in the core's own cache through
     * the kernel's five passes (a whole [128 × 4,000] batch, 2 MB, did not, and two more copies of it were made).
     */
    static final int BLOCK = 1 << 16;

    /** The fewest scores in a batch whose rows the vector kernel shares with the helper thread (about 0.1 ms of work). */
    static final long SPLIT = 1 << 17;

    private static boolean onHost(INDArray s, IActivation activationFn) {
        return activationFn instanceof ActivationIdentity && s.rank() == 2 && HostArrays.direct(s);
    }

    /**
     * Loss per row by {@link EntitySoftmaxVectors} (in the scores' and gradient's own buffers) or
     * {@link EntitySoftmaxKernel} and, {@code forGradient}, the gradient written into this thread's detached array (or
     * the figures already made for these scores). The plain loops work on a block of rows at a time, copied out,
     * worked on in place and copied back. A loss alone (validation) writes no gradient, so it makes no [b, N] array.
     */
    private synchronized HostResult host(INDArray s, int[] t, boolean forGradient) {
        HostResult kept = lastHost;
        if (kept != null && kept.describes(s, t) && (!forGradient || kept.grad() != null)) {
            return kept;
        }
        int rows = t.length;
        int n = (int) s.size(1);
        INDArray grad = forGradient ? detachedGradient(s) : null;
        double[] loss = new double[rows];
        float[] atTarget = new float[rows];
        INDArray from = HostArrays.isPlain(s) ? s : s.dup('c');
        if (VectorKernels.ON && HostArrays.asBytes(from)) {
            vectorKernel(HostArrays.bytes(from), grad == null ? null : HostArrays.bytes(grad), rows, n, t, loss, atTarget);
            lastHost = new HostResult(s, t, atTarget, loss, grad);
            return lastHost;
        }
        int perBlock = Math.max(1, BLOCK / n);
        hostBlock = HostArrays.grow(hostBlock, Math.min(rows, perBlock) * n);
        for (int r0 = 0; r0 < rows; r0 += perBlock) {
            int count = Math.min(perBlock, rows - r0);
            HostArrays.readRange(from, (long) r0 * n, hostBlock, count * n);
            for (int i = 0; i < count; i++) {
                atTarget[r0 + i] = hostBlock[i * n + t[r0 + i]];
            }
            EntitySoftmaxKernel.lossAndGradient(hostBlock, count, n, t, r0, smoothing, loss);
            if (grad != null) {
                HostArrays.writeRange(hostBlock, grad, (long) r0 * n, count * n);
            }
        }
        lastHost = new HostResult(s, t, atTarget, loss, grad);
        return lastHost;
    }

    /**
     * {@link EntitySoftmaxVectors} over all rows: the second half of the rows offered to the product's helper thread
     * ({@link SplitGemm#beside}) where the batch holds {@link #SPLIT} values or more and two threads are used. Each row
     * is worked out on its own, so the figures are one thread's, bit for bit. At wordnet-links-distmult's 128 × 4,000
     * the kernel's time in the training step fell from about 0.8 to 0.6 ms (ADR 0011, decision 32).
     */
    private void vectorKernel(ByteBuffer s, ByteBuffer g, int rows, int n, int[] t, double[] loss, float[] atTarget) {
        int half = rows / 2;
        if (half == 0 || (long) rows * n < SPLIT || !SplitGemm.enabled()) {
            EntitySoftmaxVectors.lossAndGradient(s, g, 0, rows, n, t, smoothing, loss, atTarget);
            return;
        }
        // the size test is this kernel's own (SPLIT, above); WORTH only says to beside that the part is worth handing over
        SplitGemm.Pending other = SplitGemm.beside(SplitGemm.WORTH,
                () -> EntitySoftmaxVectors.lossAndGradient(s, g, half, rows, n, t, smoothing, loss, atTarget));
        try {
            EntitySoftmaxVectors.lossAndGradient(s, g, 0, half, n, t, smoothing, loss, atTarget);
        } finally {
            other.join();
        }
    }

    /** The gradient of these scores, handed out once: a later call for the same scores works it out again. */
    private synchronized INDArray hostGradient(INDArray s, int[] t) {
        HostResult r = host(s, t, true);
        lastHost = new HostResult(r.of(), r.ids(), r.atTarget(), r.loss(), null);
        return r.grad();
    }

    /** exp(s − m) per row, recording m and log Σ exp(s − m) for the other call of this step. */
    private INDArray exps(INDArray s) {
        INDArray max = s.max(true, 1);
        INDArray exps = Transforms.exp(s.subColumnVector(max), false);
        double[] logSum = Transforms.log(exps.sum(true, 1), false).reshape(s.size(0)).toDoubleVector();
        lastRows = new RowStats(s, s.sum(1).toDoubleVector(), max.reshape(s.size(0)).toDoubleVector(), logSum);
        return exps;
    }

    private RowStats rowStats(INDArray s, double[] rowSums) {
        RowStats kept = lastRows;
        if (kept == null || !kept.describes(s, rowSums)) {
            exps(s);
            kept = lastRows;
        }
        return kept;
    }

    /** The scores: the activation's output (the identity, as the block builds it, without a copy). */
    private static INDArray scores(INDArray preOutput, IActivation activationFn) {
        return activationFn instanceof ActivationIdentity ? preOutput : activationFn.getActivation(preOutput.dup(), true);
    }

    /**
     * Per example {@code −Σ y log p} with {@code y = (1 − ε) onehot(t) + ε / N}, without a [b, N] target:
     * {@code −((1 − ε) log p_t + ε / N · Σ log p)}, {@code log p_j = s_j − m − lse}.
     */
    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray s = scores(preOutput, activationFn);
        long n = s.size(1);
        int[] t = ids(labels, n);
        double[] loss = new double[t.length];
        if (onHost(s, activationFn)) {
            System.arraycopy(host(s, t, false).loss(), 0, loss, 0, t.length);
        } else {
            ndLoss(s, t, loss);
        }
        INDArray perExample = Nd4j.createFromArray(loss).castTo(s.dataType()).reshape(t.length, 1);
        if (mask != null) {
            perExample.muli(mask.reshape(perExample.shape()).castTo(perExample.dataType()));
        }
        return perExample;
    }

    private void ndLoss(INDArray s, int[] t, double[] loss) {
        long n = s.size(1);
        double[] rowSums = s.sum(1).toDoubleVector();
        RowStats r = rowStats(s, rowSums);
        for (int i = 0; i < t.length; i++) {
            double shift = r.max()[i] + r.logSum()[i];
            double logPt = s.getDouble(i, t[i]) - shift;
            double sumLogP = rowSums[i] - n * shift;
            loss[i] = -((1.0 - smoothing) * logPt + smoothing / n * sumLogP);
        }
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    /**
     * The gradient array handed to DL4J, one per training thread, kept between steps and outside every workspace: DL4J
     * leaves a detached array where it is instead of copying it into its activation-gradient workspace (a [b, N] copy a
     * step, 4 % of wordnet-links-distmult's). One per thread, so two copies of a network that share this object
     * (a clone) and train at once never write into each other's; within a thread a step's gradient is used up before
     * the next step asks again.
     */
    @JsonIgnore
    private transient ThreadLocal<INDArray> gradients;

    private synchronized INDArray detachedGradient(INDArray s) {
        if (gradients == null) {
            gradients = new ThreadLocal<>();
        }
        INDArray g = gradients.get();
        if (g == null || g.dataType() != s.dataType() || !java.util.Arrays.equals(g.shape(), s.shape())) {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                g = Nd4j.createUninitialized(s.dataType(), s.shape(), 'c');
            }
            gradients.set(g);
        }
        return g;
    }

    /** softmax(s) − y: the softmax less ε / N everywhere and less (1 − ε) more at the true entity. */
    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray s = scores(preOutput, activationFn);
        long n = s.size(1);
        int[] t = ids(labels, n);
        if (onHost(s, activationFn)) {
            INDArray grad = hostGradient(s, t);
            if (mask != null) {
                grad.muliColumnVector(mask.reshape(grad.size(0), 1).castTo(grad.dataType()));
            }
            return grad;
        }
        RowStats kept = lastRows;
        INDArray grad;
        if (kept != null && kept.describes(s, s.sum(1).toDoubleVector())) {
            INDArray shift = Nd4j.createFromArray(kept.max()).castTo(s.dataType()).reshape(t.length, 1);
            INDArray logSum = Nd4j.createFromArray(kept.logSum()).castTo(s.dataType()).reshape(t.length, 1);
            grad = Transforms.exp(s.subColumnVector(shift.addi(logSum)), false);
        } else {
            grad = exps(s);
            INDArray logSum = Nd4j.createFromArray(lastRows.logSum()).castTo(s.dataType()).reshape(t.length, 1);
            grad.diviColumnVector(Transforms.exp(logSum, false));
        }
        grad.subi(smoothing / n);
        for (int i = 0; i < t.length; i++) {
            grad.putScalar(i, t[i], grad.getDouble(i, t[i]) - (1.0 - smoothing));
        }
        if (mask != null) {
            grad.muliColumnVector(mask.reshape(grad.size(0), 1).castTo(grad.dataType()));
        }
        return activationFn instanceof ActivationIdentity ? grad : activationFn.backprop(preOutput.dup(), grad).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "EntitySoftmaxLoss(" + smoothing + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
