package dev.deepwire.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What a sweep varies, as the user typed it: each key with its values (in order), how many seeds, and a step limit
 * per run (0: none). Plain data, kept in {@code sweep.json} and in the workbench's last-used spec.
 *
 * @param params   key → values, in the order given
 * @param seeds    runs per combination, with the project's seed, seed + 1, …
 * @param maxSteps stop each run after this many steps (0: the project's epochs decide)
 */
public record SweepSpec(Map<String, List<String>> params, int seeds, long maxSteps) {
    public static final int MAX_SEEDS = 1000;
    public static final int MAX_RUNS = 10_000;

    public SweepSpec {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        params = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Reads {@code --param KEY=v1,v2,...} arguments (each key once, each value once, none empty).
     *
     * @throws SweepSpecException naming the argument and the fix
     */
    public static SweepSpec parse(List<String> args, int seeds, long maxSteps) throws SweepSpecException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new SweepSpecException("--param " + arg + ": write KEY=v1,v2,... (e.g. training.learningRate=1e-4,1e-3)");
            }
            String key = arg.substring(0, eq).strip();
            if (params.containsKey(key)) {
                throw new SweepSpecException("--param " + key + " is given twice; list all its values in one --param");
            }
            params.put(key, values(key, arg.substring(eq + 1)));
        }
        SweepSpec spec = new SweepSpec(params, seeds, maxSteps);
        spec.check();
        return spec;
    }

    /** A comma list of values, stripped; refuses an empty one and a value given twice. */
    public static List<String> values(String key, String text) throws SweepSpecException {
        List<String> values = new ArrayList<>();
        for (String v : text.split(",", -1)) {
            values.add(v.strip());
        }
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new SweepSpecException("--param " + key + "=" + text + ": a value is empty; write the values "
                    + "separated by commas, e.g. " + key + "=1,2");
        }
        if (new LinkedHashSet<>(values).size() != values.size()) {
            throw new SweepSpecException("--param " + key + "=" + text + ": a value is given twice");
        }
        return values;
    }

    /** Refuses seeds, step limits and sizes out of range, and a seed key beside several seeds. */
    public void check() throws SweepSpecException {
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new SweepSpecException("--seeds must be from 1 to " + MAX_SEEDS + "; got " + seeds);
        }
        if (maxSteps < 0) {
            throw new SweepSpecException("--max-steps must be 0 (no limit) or more; got " + maxSteps);
        }
        if (seeds > 1 && params.containsKey("training.seed")) {
            throw new SweepSpecException("--param training.seed and --seeds " + seeds + " both set the seed; use one");
        }
        if (runs() > MAX_RUNS) {
            throw new SweepSpecException("this sweep has " + runs() + " runs; at most " + MAX_RUNS
                    + " are allowed: give fewer values or seeds");
        }
    }

    /** How many runs: the product of the value counts, times the seeds. */
    public long runs() {
        long n = seeds;
        for (List<String> v : params.values()) {
            n = Math.min((long) MAX_RUNS + 1, n * v.size());
        }
        return n;
    }
}
