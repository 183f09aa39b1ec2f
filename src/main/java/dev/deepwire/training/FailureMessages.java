package dev.deepwire.training;

import java.util.Locale;

/** Why a run failed, in words that name the cause truthfully: the learning rate only when it can be to blame. */
final class FailureMessages {
    private FailureMessages() {
    }

    /** The loss became NaN or infinite; at the first step no update had happened yet, so the rate is not the cause. */
    static String nonFiniteLoss(double loss, long step, int epoch, String at, String output, double learningRate) {
        String where = at != null ? "; the first block with NaN or infinite output was '" + at + "'"
                : "; every block before the output gave finite values, so the NaN arose in '" + output
                + "' itself (its weights or the loss)";
        String fix = step == 1
                ? "; this was before any learning, so the learning rate is not the cause: the starting values overflow "
                + "— lower large settings of that block (e.g. Initial scale, Initial margin γ) or check the data for extreme values"
                : "; lower the learning rate (now " + learningRate + ") or check the data for extreme values";
        return "the training loss became " + loss + " at step " + step + " (epoch " + epoch + ")" + where + fix;
    }

    /** A finite loss with a NaN or infinite update: the backward pass overflows, at any learning rate. */
    static String gradientOverflow(long step, double loss, String at) {
        return String.format(Locale.ROOT, "the gradients became NaN or infinite at step %d while the loss was still "
                        + "%.4g: the backward pass overflows, which no learning rate fixes; lower large starting values "
                        + "(an embedding's Initial scale, an Initial margin γ) or put a bounded activation such as tanh before the "
                        + "block%s", step, loss,
                at == null ? "" : " (the first block left with non-finite weights is '" + at + "')");
    }

    /** The loss rose far above its start and stayed there (see {@link DivergenceWatch}). */
    static String diverged(String rose, long step, int epoch, double learningRate) {
        return rose + " at step " + step + " (epoch " + epoch + "); lower the learning rate (now " + learningRate
                + ") or choose another optimizer";
    }
}
