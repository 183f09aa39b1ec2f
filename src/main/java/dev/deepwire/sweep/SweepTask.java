package dev.deepwire.sweep;

import java.io.Serializable;
import java.util.Map;

/**
 * One run of a sweep, as it travels to whatever runs it (a local process, a Spark task on another machine).
 *
 * @param runName     the run's folder name under the project's {@code runs/} (unique within the sweep)
 * @param projectFile the absolute path of the project file the sweep started from (its data is found beside it)
 * @param projectJson the project as saved, with this run's settings already applied
 * @param settings    this run's swept settings, {@code key → value} as the user typed them (seed included)
 */
public record SweepTask(String runName, String projectFile, String projectJson, Map<String, String> settings)
        implements Serializable {
    public SweepTask {
        settings = Map.copyOf(settings);
    }
}
