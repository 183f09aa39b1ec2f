package dev.deepwire.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.TrainingSettings;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Trains one compiled network data-parallel on several workers (ADR 0012). Found with {@link ServiceLoader}: the
 * Spark build ({@code mvn -Pspark package}) registers one; the default build has none, and {@link #find()} is empty.
 * It sends the same {@link TrainingEvent}s as {@link TrainingEngine} (started, steps, epochs with validation, the end),
 * so metrics.csv and the command line's progress read a distributed run like any other.
 */
public interface DistributedTraining {

    /**
     * What the user asked for.
     *
     * @param master  where to train: {@code local[4]}, {@code spark://host:7077}
     * @param mode    {@code averaging} (parameter averaging) or {@code sharing} (gradient sharing)
     * @param workers how many parts the data is split into, one worker each (0: as many as the master has cores)
     */
    record Request(String master, String mode, int workers) {
    }

    /** The modes {@link Request#mode()} may name. */
    List<String> MODES = List.of("averaging", "sharing");

    /** Trains on the calling thread and returns the ended run (its model, its last event). Never throws for a failed run. */
    TrainingRun train(CompiledNetwork network, DatasetSplits data, TrainingSettings settings, RunOptions options,
                      Request request, TrainingListener listener);

    /**
     * The registered one, or empty: also when a registration names a class this build lacks (a class folder left over
     * from a {@code -Pspark} build: {@code mvn clean} mends it), which is a build without Spark all the same.
     */
    /** Null when {@code master} is a Spark master URL this build can use, else what is wrong, for the user. */
    static String masterProblem(String master) {
        if (master != null && MASTER.matcher(master).matches()) {
            return null;
        }
        return "'" + master + "' is not a Spark master: use local[N] or local[*] (this machine, N threads), "
                + "spark://host:7077 (a standalone cluster), yarn or k8s://https://host:port";
    }

    /** The master URLs Spark 3.5 accepts (SparkContext's own forms), checked before a context is made. */
    Pattern MASTER = Pattern.compile(
            "local|local\\[(\\*|[1-9][0-9]{0,4})(,[1-9][0-9]{0,4})?]|spark://[^\\s/,:]+:[0-9]{1,5}(,[^\\s/,:]+:[0-9]{1,5})*"
                    + "|yarn|k8s://\\S+");

    static Optional<DistributedTraining> find() {
        try {
            return ServiceLoader.load(DistributedTraining.class).findFirst();
        } catch (ServiceConfigurationError e) {
            return Optional.empty();
        }
    }

    /** A run that has ended with {@code event} (finished, stopped or failed), holding {@code model} (null when none). */
    static TrainingRun ended(ComputationGraph model, TrainingEvent event) {
        TrainingRun run = new TrainingRun();
        if (model != null) {
            run.setModel(model);
        }
        run.end(TrainingEvent.endState(event), event);
        return run;
    }
}
