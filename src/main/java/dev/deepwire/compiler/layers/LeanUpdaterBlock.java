package dev.deepwire.compiler.layers;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * DL4J's updater block without the arrays it makes for regularization when none applies. Twice a step (before and
 * after the optimizer) DL4J's {@code UpdaterBlock} walks every parameter of the block and, for each, cuts views
 * of the whole network's parameters and gradient — a reshape and an interval each, every view a new Java array
 * with its own native shape buffer and two deallocator references — before it asks whether that parameter has any
 * regularization at all. No DeepWire network has a DL4J regularization (the knowledge-graph scorers' N3 term is
 * part of their loss), so these views are all the pass makes: on marker
 * ~60 % of the arrays a step creates (and of the reference objects every young collection copies: ~50,000 a
 * collection, 50–60 ms each), 2–3 % of the step's own time (ADR 0011, decision 17).
 *
 * <p>This block asks first, with the same test DL4J's pass applies to each parameter (the parameter's
 * regularizations that apply at this step), and runs DL4J's pass unchanged where any does. The block's fields —
 * offsets, parameter states, optimizer and its state view — are the replaced block's own objects, so the
 * optimizer state, checkpoints and the step's arithmetic are the same.
 */
public final class LeanUpdaterBlock extends UpdaterBlock {

    LeanUpdaterBlock(UpdaterBlock b) {
        super(b.getParamOffsetStart(), b.getParamOffsetEnd(), b.getUpdaterViewOffsetStart(),
                b.getUpdaterViewOffsetEnd(), b.getLayersAndVariablesInBlock());
        setUpdaterView(b.getUpdaterView());
        setGradientView(b.getGradientView());
        setUpdaterViewRequiresInitialization(b.isUpdaterViewRequiresInitialization());
        setGradientUpdater(b.getGradientUpdater());
    }

    /**
     * Puts lean blocks in place of the blocks of {@code net}'s updater (made now if the network has none yet, as its
     * first step would make it); blocks already lean are left. Call it once the network is built, before it trains.
     */
    public static void install(ComputationGraph net) {
        ComputationGraphUpdater updater = net.getUpdater();
        if (updater == null) {
            return;
        }
        List<UpdaterBlock> blocks = updater.getUpdaterBlocks();
        for (int i = 0; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof LeanUpdaterBlock)) {
                blocks.set(i, new LeanUpdaterBlock(blocks.get(i)));
            }
        }
    }

    @Override
    protected void applyRegularizationAllVariables(Regularization.ApplyStep applyStep, int iter, int epoch,
                                                   boolean externalGradient, INDArray fullNetworkGradientView,
                                                   INDArray fullNetworkParamsArray) {
        if (regularizes(applyStep)) {
            super.applyRegularizationAllVariables(applyStep, iter, epoch, externalGradient, fullNetworkGradientView,
                    fullNetworkParamsArray);
        }
    }

    /** Whether any parameter of this block has a regularization that applies at {@code step}. */
    boolean regularizes(Regularization.ApplyStep step) {
        for (ParamState p : getLayersAndVariablesInBlock()) {
            List<Regularization> all = p.getLayer().getConfig().getRegularizationByParam(p.getParamName());
            if (all != null) {
                for (Regularization r : all) {
                    if (r.applyStep() == step) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
