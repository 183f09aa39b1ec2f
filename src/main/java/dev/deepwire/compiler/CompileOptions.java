package dev.deepwire.compiler;

import dev.deepwire.model.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** Network-wide settings for compilation: number precision, seed and optimizer. */
public record CompileOptions(DataType dataType, long seed, IUpdater updater) {

    /** Float precision with the project's optimizer and seed. */
    public static CompileOptions forTraining(TrainingSettings t) {
        return new CompileOptions(DataType.FLOAT, t.seed(), updater(t.optimizer(), t.learningRate()));
    }

    /** Double precision and no updater, as gradient checks need. */
    public static CompileOptions forGradientCheck(long seed) {
        return new CompileOptions(DataType.DOUBLE, seed, new NoOp());
    }

    static IUpdater updater(String optimizer, double lr) {
        return switch (optimizer) {
            case "adam" -> new Adam(lr);
            case "adagrad" -> new AdaGrad(lr);
            case "sgd" -> new Sgd(lr);
            case "nesterovs" -> new Nesterovs(lr, 0.9);
            case "rmsprop" -> new RmsProp(lr);
            default -> throw new IllegalArgumentException("unknown optimizer " + optimizer);
        };
    }
}
