package dev.deepwire.sweep;

import java.io.Serializable;
import java.util.Map;

/**
 * What came back from one run of a sweep: whether it finished, why not, and the run's files by name
 * ({@code metrics.csv}, {@code run.json}, {@code best.zip} or {@code model.zip}), which the sweep writes into the
 * project's {@code runs/<runName>/}. A failed run keeps whatever files it wrote before it failed.
 */
public record SweepOutcome(String runName, boolean finished, String reason, Map<String, byte[]> files)
        implements Serializable {
    public SweepOutcome {
        files = Map.copyOf(files);
    }

    public static SweepOutcome failed(String runName, String reason) {
        return new SweepOutcome(runName, false, reason, Map.of());
    }
}
