package dev.deepwire.ui.sweep;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Node;
import dev.deepwire.model.ParamSpec;
import dev.deepwire.model.Project;
import dev.deepwire.sweep.SweepPlan;
import dev.deepwire.sweep.SweepSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the Sweep… window shows for the settings a sweep can vary: a training setting by the training dock's
 * label ("Learning rate"), a block parameter by the block's name on the canvas and the parameter's label
 * ("Tokens · Length"). The internal keys ({@code training.learningRate}, {@code token_input_1.length}) stay in the
 * sweep's files and command lines; here they are only translated, both ways.
 */
final class SettingNames {
    private final Map<String, String> names = new LinkedHashMap<>();
    /** Keys named earlier whose block has left the project since (deleted): still shown by their names, not offered. */
    private final Map<String, String> gone = new LinkedHashMap<>();
    /** How the model's own messages name a block parameter ("Size d (dim)", "Heads"), by key. */
    private final Map<String, String> paramWords = new LinkedHashMap<>();

    SettingNames(Project project, BlockCatalog catalog) {
        this(project, catalog, Map.of());
    }

    /**
     * The project's names now; a key of {@code earlier} the project no longer offers (its block was deleted while the
     * window kept a row for it) keeps the name it had, so a message about it does not fall back to its key.
     */
    SettingNames(Project project, BlockCatalog catalog, Map<String, String> earlier) {
        Map<String, Long> sameLabel = new LinkedHashMap<>();
        project.graph().nodes().forEach(n -> sameLabel.merge(n.label(), 1L, Long::sum));
        for (String key : SweepSettings.keys(project, catalog)) {
            names.put(key, nameOf(project, catalog, key, sameLabel));
            paramOf(project, catalog, key).ifPresent(p -> paramWords.put(key, p.named()));
        }
        earlier.forEach((key, name) -> {
            if (!names.containsKey(key)) {
                gone.put(key, name);
            }
        });
    }

    private static java.util.Optional<ParamSpec> paramOf(Project project, BlockCatalog catalog, String key) {
        int dot = key.indexOf('.');
        if (key.startsWith("training.") || dot <= 0) {
            return java.util.Optional.empty();
        }
        String param = key.substring(dot + 1);
        return project.graph().node(key.substring(0, dot)).flatMap(n -> catalog.find(n.type()))
                .flatMap(t -> t.params().stream().filter(p -> p.name().equals(param)).findFirst());
    }

    /** The names of the settings the project offers now, by key (for a later window's {@code earlier}). */
    Map<String, String> current() {
        return Map.copyOf(names);
    }

    /** Whether the key was named earlier but its block is no longer in the project. */
    boolean isGone(String key) {
        return gone.containsKey(key);
    }

    private static String nameOf(Project project, BlockCatalog catalog, String key, Map<String, Long> sameLabel) {
        if (key.startsWith("training.")) {
            return dev.deepwire.ui.training.SettingLabels.of(key.substring("training.".length()));
        }
        int dot = key.indexOf('.');
        Node node = project.graph().node(key.substring(0, dot)).orElseThrow();
        String param = key.substring(dot + 1);
        String label = catalog.find(node.type()).flatMap(t -> t.params().stream()
                .filter(p -> p.name().equals(param)).findFirst()).map(p -> p.label()).orElse(param);
        // two blocks with one name on the canvas are told apart by their ids
        String name = dev.deepwire.limits.ShownName.of(node.label());
        String block = sameLabel.getOrDefault(node.label(), 0L) > 1 ? name + " (" + node.id() + ")" : name;
        return block + " \u00b7 " + label;
    }

    /** The keys offered, in the project's order. */
    List<String> keys() {
        return new ArrayList<>(names.keySet());
    }

    /** What the window shows for a key; an unknown key as it is. */
    String name(String key) {
        return key == null ? "" : names.getOrDefault(key, gone.getOrDefault(key, key));
    }

    /** The key a shown (or typed) name stands for; a typed key, or unknown text, as it is. */
    String key(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        return java.util.stream.Stream.concat(names.entrySet().stream(), gone.entrySet().stream())
                .filter(e -> e.getValue().equalsIgnoreCase(t)).map(Map.Entry::getKey).findFirst().orElse(t);
    }

    /** A run's settings as the window shows them: "Learning rate 0.001, seed 42". */
    String describe(Iterable<String> varied, Map<String, String> settings) {
        List<String> parts = new ArrayList<>();
        for (String key : varied) {
            if (settings.containsKey(key)) {
                parts.add(name(key) + " " + settings.get(key));
            }
        }
        if (settings.containsKey(SweepPlan.SEED)) {
            parts.add("seed " + settings.get(SweepPlan.SEED));
        }
        return String.join(", ", parts);
    }

    /**
     * A sweep's message (written for its command line) in the window's words: "--param training.learningRate=fast:
     * not a number" reads "Learning rate “fast”: not a number"; every key it names is shown by its name.
     */
    String words(String message) {
        String m = message;
        List<String> longestFirst = new ArrayList<>(names.keySet());
        longestFirst.addAll(gone.keySet());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String key : longestFirst) {
            String name = Matcher.quoteReplacement(name(key));
            m = m.replaceAll("--param " + Pattern.quote(key) + "=(.*?): ", name + " \u201c$1\u201d: ");
            if (!key.startsWith("training.")) { // "… “long”: length must be …": the parameter is named already
                String param = key.substring(key.indexOf('.') + 1);
                String said = "(?:" + Pattern.quote(paramWords.getOrDefault(key, param)) + "|" + Pattern.quote(param) + ")";
                m = m.replaceAll("(" + Pattern.quote(name(key)) + " \u201c.*?\u201d: )" + said + " ", "$1");
            }
            m = m.replaceAll("(?<![\\w.])(--param )?" + Pattern.quote(key) + "(?!\\w|\\.\\w)", name);
        }
        return m.replaceAll("--param (\\S+?)=(.*?): ", "$1 \u201c$2\u201d: ").replace("--param ", "")
                .replace("--seeds", "seeds").replace("--max-steps", "step limit");
    }
}
