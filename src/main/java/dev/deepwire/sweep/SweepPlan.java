package dev.deepwire.sweep;

import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.io.ProjectWriter;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of a sweep: every combination of the values (the first key varying slowest), each with every seed
 * (the project's, +1, …), as {@link SweepTask}s named {@code <sweep>-<k>}. Every value is applied to a copy of the
 * project with the editor's checks before any run starts, so a key or value that cannot be used stops the sweep
 * at once; a value that is valid alone but leaves the graph invalid (heads that do not divide the width) is found
 * by its run, which fails with the reason.
 */
public final class SweepPlan {
    /** The key a run's seed is listed under in its settings. */
    public static final String SEED = "seed";

    private SweepPlan() {
    }

    /**
     * @param sweepName   the runs' common name, e.g. {@code marker-sweep-20261205-031500}
     * @param projectFile the project's file (its data is found beside it)
     */
    public static List<SweepTask> tasks(Project project, Path projectFile, SweepSpec spec, String sweepName)
            throws SweepSpecException {
        spec.check();
        BlockCatalog catalog = BlockCatalog.standard();
        for (String key : spec.params().keySet()) {
            SweepSettings.checkKey(project, catalog, key);
        }
        String base = new ProjectWriter().toJson(project);
        refuseSameValues(spec, catalog, base);
        List<Map<String, String>> combos = combinations(spec);
        List<SweepTask> tasks = new ArrayList<>();
        int width = String.valueOf(combos.size() * spec.seeds()).length();
        long firstSeed = project.training().seed();
        for (Map<String, String> combo : combos) {
            for (int s = 0; s < spec.seeds(); s++) {
                Project copy = copy(base);
                for (var e : combo.entrySet()) {
                    SweepSettings.apply(copy, catalog, e.getKey(), e.getValue());
                }
                Map<String, String> settings = new LinkedHashMap<>(combo);
                if (!combo.containsKey("training.seed")) {
                    copy.setTraining(copy.training().withSeed(firstSeed + s));
                    settings.put(SEED, String.valueOf(firstSeed + s));
                }
                String name = sweepName + "-" + String.format("%0" + width + "d", tasks.size() + 1);
                tasks.add(new SweepTask(name, projectFile.toAbsolutePath().normalize().toString(),
                        new ProjectWriter().toJson(copy), settings));
            }
        }
        return tasks;
    }

    /**
     * Checks every key and value of a spec against the project, as {@link #tasks} would, without planning the runs
     * (each value is applied once, to a copy).
     *
     * @throws SweepSpecException for the first key or value that cannot be used
     */
    public static void check(Project project, SweepSpec spec) throws SweepSpecException {
        spec.check();
        BlockCatalog catalog = BlockCatalog.standard();
        String base = new ProjectWriter().toJson(project);
        for (var e : spec.params().entrySet()) {
            SweepSettings.checkKey(project, catalog, e.getKey());
            for (String v : e.getValue()) {
                SweepSettings.apply(copy(base), catalog, e.getKey(), v);
            }
        }
        refuseSameValues(spec, catalog, base);
    }

    /** Two values of a key that set the same (1e-3 and 0.001, 4 and 04) would train the same run twice. */
    private static void refuseSameValues(SweepSpec spec, BlockCatalog catalog, String base) throws SweepSpecException {
        for (var e : spec.params().entrySet()) {
            Map<String, String> byValue = new LinkedHashMap<>();
            for (String v : e.getValue()) {
                Project p = copy(base);
                SweepSettings.apply(p, catalog, e.getKey(), v);
                String earlier = byValue.putIfAbsent(SweepSettings.current(p, catalog, e.getKey()), v);
                if (earlier != null) {
                    throw new SweepSpecException("--param " + e.getKey() + ": " + earlier + " and " + v
                            + " are the same value; give it once");
                }
            }
        }
    }

    /** A run's settings as one line, in the order of the spec: {@code training.learningRate=0.001, attn.heads=2, seed=42}. */
    public static String describe(SweepSpec spec, Map<String, String> settings) {
        List<String> parts = new ArrayList<>();
        for (String key : spec.params().keySet()) {
            if (settings.containsKey(key)) {
                parts.add(key + "=" + settings.get(key));
            }
        }
        if (settings.containsKey(SEED)) {
            parts.add(SEED + "=" + settings.get(SEED));
        }
        return String.join(", ", parts);
    }

    private static List<Map<String, String>> combinations(SweepSpec spec) {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (var e : spec.params().entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : e.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }

    private static Project copy(String json) {
        try {
            return new ProjectReader().parse(json);
        } catch (ProjectFormatException e) {
            throw new IllegalStateException("a project DeepWire wrote cannot be read back: " + e.getMessage(), e);
        }
    }
}
