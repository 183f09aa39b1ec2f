package dev.deepwire.sweep;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.Decimals;
import dev.deepwire.model.Node;
import dev.deepwire.model.ParamSpec;
import dev.deepwire.model.ParamType;
import dev.deepwire.model.Project;
import dev.deepwire.model.SetParamCommand;
import dev.deepwire.model.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings a sweep can vary, applied through the model's own API with the editor's checks: a training setting
 * ({@code training.learningRate}) or a block parameter ({@code <blockId>.<param>}, e.g. {@code attn.heads}).
 */
public final class SweepSettings {
    /**
     * The training settings a sweep may vary, as {@code training.<name>}. Not {@code selectOn}: it picks the figure a
     * sweep ranks its runs on, and runs ranked on different figures (a loss beside an accuracy) cannot be compared.
     */
    public static final List<String> TRAINING = List.of("epochs", "batchSize", "optimizer", "learningRate", "seed",
            "checkpointEvery", "earlyStoppingPatience", "validationSplit");
    private static final String PREFIX = "training.";

    private SweepSettings() {
    }

    /** Every key this project offers: the training settings, then each block's parameters. */
    public static List<String> keys(Project project, BlockCatalog catalog) {
        List<String> keys = new ArrayList<>(TRAINING.stream().map(k -> PREFIX + k).toList());
        for (Node n : project.graph().nodes()) {
            catalog.find(n.type()).ifPresent(t -> t.params().forEach(p -> keys.add(n.id() + "." + p.name())));
        }
        return keys;
    }

    /** The current value of a key in this project, as text (for the dialog's hints); empty if the key is unknown. */
    public static String current(Project project, BlockCatalog catalog, String key) {
        if (key.startsWith(PREFIX)) {
            TrainingSettings s = project.training();
            return switch (key.substring(PREFIX.length())) {
                case "epochs" -> String.valueOf(s.epochs());
                case "batchSize" -> String.valueOf(s.batchSize());
                case "optimizer" -> s.optimizer();
                case "learningRate" -> String.valueOf(s.learningRate());
                case "seed" -> String.valueOf(s.seed());
                case "checkpointEvery" -> String.valueOf(s.checkpointEvery());
                case "earlyStoppingPatience" -> String.valueOf(s.earlyStoppingPatience());
                case "validationSplit" -> String.valueOf(s.validationSplit());
                case "selectOn" -> s.selectOn();
                default -> "";
            };
        }
        int dot = key.indexOf('.');
        if (dot < 0) {
            return "";
        }
        return project.graph().node(key.substring(0, dot))
                .map(n -> String.valueOf(catalog.paramValue(n, key.substring(dot + 1)))).orElse("");
    }

    /**
     * Checks that {@code key} names a setting of this project, without a value.
     *
     * @throws SweepSpecException naming the key and what is allowed
     */
    public static void checkKey(Project project, BlockCatalog catalog, String key) throws SweepSpecException {
        if (key.startsWith(PREFIX)) {
            if (key.equals(PREFIX + "selectOn")) {
                throw new SweepSpecException("--param " + key + ": a sweep ranks all its runs on the project's one "
                        + "selection figure, so it cannot vary it; set selectOn in the project's training settings");
            }
            if (!TRAINING.contains(key.substring(PREFIX.length()))) {
                throw new SweepSpecException("--param " + key + ": unknown training setting; choose one of "
                        + String.join(", ", TRAINING.stream().map(k -> PREFIX + k).toList()));
            }
            return;
        }
        spec(project, catalog, key);
    }

    /**
     * Applies one value to the project, as the editor would: parsed by the setting's type, then checked against its
     * range.
     *
     * @throws SweepSpecException naming the key, the value and what is allowed
     */
    public static void apply(Project project, BlockCatalog catalog, String key, String value) throws SweepSpecException {
        String v = value.strip();
        if (key.startsWith(PREFIX)) {
            checkKey(project, catalog, key);
            TrainingSettings after = training(project.training(), key.substring(PREFIX.length()), v);
            List<String> problems = after.validate();
            if (!problems.isEmpty()) {
                throw new SweepSpecException("--param " + key + "=" + v + ": " + String.join("; ", problems));
            }
            project.setTraining(after);
            return;
        }
        ParamSpec spec = spec(project, catalog, key);
        String nodeId = key.substring(0, key.indexOf('.'));
        Object parsed = parse(spec, v);
        if (parsed == null) {
            throw new SweepSpecException("--param " + key + "=" + v + ": " + spec.name() + " must be "
                    + (spec.type() == ParamType.INT ? "a whole number " : spec.type() == ParamType.DOUBLE ? "a number " : "")
                    + spec.describeAllowed());
        }
        Optional<String> problem = spec.validate(parsed);
        if (problem.isPresent()) {
            throw new SweepSpecException("--param " + key + "=" + v + ": " + problem.get());
        }
        new SetParamCommand(nodeId, spec.name(), parsed).execute(project.graph());
    }

    private static ParamSpec spec(Project project, BlockCatalog catalog, String key) throws SweepSpecException {
        int dot = key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            throw new SweepSpecException("--param " + key + ": a key is training.<setting> or <blockId>.<parameter> "
                    + "(e.g. training.learningRate, attn.heads)");
        }
        String nodeId = key.substring(0, dot);
        String name = key.substring(dot + 1);
        Node node = project.graph().node(nodeId).orElse(null);
        if (node == null) {
            throw new SweepSpecException("--param " + key + ": the project has no block '" + nodeId + "'; its blocks are "
                    + String.join(", ", project.graph().nodes().stream().map(Node::id).toList())
                    + " (or use training.<setting>)");
        }
        BlockType type = catalog.find(node.type()).orElse(null);
        List<ParamSpec> params = type == null ? List.of() : type.params();
        return params.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new SweepSpecException(
                "--param " + key + ": block '" + nodeId + "' (" + node.type() + ") has no parameter '" + name + "'; "
                        + (params.isEmpty() ? "it has no parameters"
                        : "its parameters are " + String.join(", ", params.stream().map(ParamSpec::name).toList()))));
    }

    private static Object parse(ParamSpec spec, String text) {
        try {
            return switch (spec.type()) {
                case INT, DOUBLE -> spec.readNumber(text).orElse(null); // as the inspector reads a typed value
                case BOOLEAN -> text.equalsIgnoreCase("true") ? Boolean.TRUE
                        : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                case CHOICE -> text;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static TrainingSettings training(TrainingSettings s, String name, String v) throws SweepSpecException {
        try {
            return switch (name) {
                case "epochs" -> s.withEpochs(Integer.parseInt(v));
                case "batchSize" -> s.withBatchSize(Integer.parseInt(v));
                case "optimizer" -> new TrainingSettings(s.epochs(), s.batchSize(), v,
                        s.learningRate(), s.seed(), s.checkpointEvery(), s.earlyStoppingPatience(), s.validationSplit(),
                        s.selectOn());
                case "learningRate" -> s.withLearningRate(Decimals.parse(v));
                case "seed" -> s.withSeed(Long.parseLong(v));
                case "checkpointEvery" -> new TrainingSettings(s.epochs(), s.batchSize(), s.optimizer(), s.learningRate(),
                        s.seed(), Integer.parseInt(v), s.earlyStoppingPatience(), s.validationSplit(), s.selectOn());
                case "earlyStoppingPatience" -> new TrainingSettings(s.epochs(), s.batchSize(), s.optimizer(),
                        s.learningRate(), s.seed(), s.checkpointEvery(), Integer.parseInt(v), s.validationSplit(),
                        s.selectOn());
                case "validationSplit" -> s.withValidationSplit(Decimals.parse(v));
                case "selectOn" -> s.withSelectOn(v);
                default -> throw new SweepSpecException("--param training." + name + ": unknown training setting");
            };
        } catch (NumberFormatException e) {
            throw new SweepSpecException("--param training." + name + "=" + v + ": not a "
                    + (name.equals("learningRate") || name.equals("validationSplit") ? "number" : "whole number"));
        }
    }
}
