package dev.deepwire.compiler.layers;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** Optimizers written as Java source (for the Java export of layers that carry their own). */
public final class Updaters {
    private Updaters() {
    }

    public static String java(IUpdater u) {
        if (u instanceof Adam a) {
            return "new Adam(" + a.getLearningRate() + ")";
        } else if (u instanceof Nesterovs n) {
            return "new Nesterovs(" + n.getLearningRate() + ", " + n.getMomentum() + ")";
        } else if (u instanceof AdaGrad g) {
            return "new AdaGrad(" + g.getLearningRate() + ")";
        } else if (u instanceof RmsProp r) {
            return "new RmsProp(" + r.getLearningRate() + ")";
        } else if (u instanceof Sgd s) {
            return "new Sgd(" + s.getLearningRate() + ")";
        } else if (u instanceof NoOp || u == null) {
            return "new NoOp()";
        }
        return "new " + u.getClass().getSimpleName() + "()";
    }
}
