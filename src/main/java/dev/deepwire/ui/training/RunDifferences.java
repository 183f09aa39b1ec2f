package dev.deepwire.ui.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What sets compared runs apart beyond the optimizer, rate, batch and seed every run's line shows: the other training
 * settings its run.json records (epochs, validation split, …) and the blocks of the graph its folder kept
 * (project.dwproj: a block's parameter, a block only some runs have). Two runs of 40 and 3 epochs, or trained before
 * and after a block's units were changed, had read the same in the comparison ("adam 0.001, batch 64, seed 42").
 */
public final class RunDifferences {
    /** The settings each run's line shows already ({@link RunHistory#read}). */
    private static final Set<String> SHOWN = Set.of("optimizer", "learningRate", "batchSize", "seed");

    private RunDifferences() {
    }

    /**
     * For each run's folder, what differs between it and the other runs, as "Epochs 40, Dense 64 units 64" ("" where
     * nothing does, or fewer than two runs are compared). A graph a run's folder does not keep, or cannot be read, is
     * left out of the graph's comparison.
     */
    public static Map<Path, String> of(List<RunHistory.Run> runs) {
        Map<Path, Map<String, String>> facts = new LinkedHashMap<>();
        Map<Path, Boolean> hasGraph = new HashMap<>();
        for (RunHistory.Run r : runs) {
            Map<String, String> f = new LinkedHashMap<>();
            settings(r.dir(), f);
            hasGraph.put(r.dir(), graph(r.dir(), f));
            facts.put(r.dir(), f);
        }
        Set<String> keys = new LinkedHashSet<>();
        facts.values().forEach(f -> keys.addAll(f.keySet()));
        Map<Path, String> out = new LinkedHashMap<>();
        for (RunHistory.Run r : runs) {
            List<String> parts = new ArrayList<>();
            for (String key : keys) {
                boolean graphFact = key.startsWith("block ");
                // a block's parameter is compared among the runs that have the block ("without …" says the rest)
                String block = key.contains(".") ? key.substring(0, key.indexOf('.')) : null;
                List<Path> compared = facts.keySet().stream().filter(d -> !graphFact || hasGraph.get(d))
                        .filter(d -> block == null || facts.get(d).containsKey(block)).toList();
                if (compared.size() < 2 || !compared.contains(r.dir())) {
                    continue;
                }
                long values = compared.stream().map(d -> facts.get(d).get(key)).distinct().count();
                if (values > 1) {
                    String shown = facts.get(r.dir()).get(key);
                    if (shown != null || graphFact) { // a setting an older record lacks: nothing to say
                        parts.add(shown != null ? shown : "without " + missing(facts, key));
                    }
                }
            }
            out.put(r.dir(), RunHistory.shown(String.join(", ", parts)));
        }
        return out;
    }

    /**
     * A run's line as Runs… and Evaluate's run picker list it: its own line, and under it what sets it apart from the
     * runs listed with it ({@code apart}, from {@link #of}). Runs of 40 and 3 epochs, or before and after a block's
     * change, had read the same there.
     */
    public static String line(RunHistory.Run run, Map<Path, String> apart) {
        String differs = apart.getOrDefault(run.dir(), "");
        return differs.isEmpty() ? run.toString() : run + "\nDiffers: " + differs;
    }

    /** The training settings a run's record holds beyond those its line shows, each as "Epochs 40". */
    private static void settings(Path dir, Map<String, String> facts) {
        try {
            JsonNode s = RunHistory.record(dir).path("settings");
            s.fields().forEachRemaining(e -> {
                if (!SHOWN.contains(e.getKey()) && e.getValue().isValueNode()) {
                    facts.put("setting " + e.getKey(), SettingLabels.of(e.getKey()) + " " + e.getValue().asText());
                }
            });
        } catch (IOException e) {
            // listed a moment ago: its line says what it can
        }
    }

    /** The graph a run's folder kept, as one fact per block and per block parameter; false when there is none to read. */
    private static boolean graph(Path dir, Map<String, String> facts) {
        var kept = RunHistory.keptProject(dir);
        kept.ifPresent(p -> p.graph().nodes().forEach(n -> {
            facts.put("block " + n.id(), n.label() + " (" + n.type() + ")");
            n.params().forEach((k, v) -> facts.put("block " + n.id() + "." + k, n.label() + " " + k + " " + v));
        }));
        return kept.isPresent();
    }

    /** How a block only other runs have is named: "Dense 64 (dense)", from a run that has it. */
    private static String missing(Map<Path, Map<String, String>> facts, String key) {
        return facts.values().stream().map(f -> f.get(key)).filter(Objects::nonNull).findFirst().orElse(key);
    }
}
