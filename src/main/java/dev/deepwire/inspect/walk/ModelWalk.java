package dev.deepwire.inspect.walk;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.TrainedModel;
import dev.deepwire.inspect.TypedProbe;
import dev.deepwire.limits.MessageText;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Project;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;

/**
 * A walk-through for the workbench, which holds a {@link TrainedModel} and the project as edited: the graph is
 * compiled again and must be the network the model was trained as (every block with its parameter count), so the
 * steps name the blocks the model really has; otherwise a {@link Mismatch} says which block differs.
 */
public final class ModelWalk {
    private ModelWalk() {
    }

    /** The project's graph no longer matches the model (or does not compile): the message names the block. */
    public static final class Mismatch extends IllegalArgumentException {
        Mismatch(String message) {
            super(message);
        }
    }

    /** The example a walk-through follows, and how to name it. */
    public record Example(Dataset one, String description) {
    }

    /**
     * Example {@code k} of {@code examples}, or — with {@code text} — that example with its token input replaced by
     * the typed text (unknown tokens named in the description).
     *
     * @param tokenInput the network's token input ({@link #tokenInput}), -1 where it has none
     * @throws IllegalArgumentException when text is given but the network has no token input, or it is blank
     */
    public static Example example(Dataset examples, int k, String text, int tokenInput) {
        return example(examples, k, text, "validation example " + k, tokenInput);
    }

    /**
     * The network's first token input, by its place among the inputs (the data's order), or -1 where it has none:
     * typed text goes there. Judged by the graph's input blocks — a row of numbers (a CSV's features) is no sequence of
     * tokens, though its array looks like one.
     */
    public static int tokenInput(CompiledNetwork network) {
        for (int i = 0; i < network.inputs().size(); i++) {
            if (network.inputs().get(i).shape().kind() == dev.deepwire.model.PortKind.TOKEN_IDS) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link #example(Dataset, int, String, int)}, example {@code k} called {@code name} ("validation example 1868"). */
    public static Example example(Dataset examples, int k, String text, String name, int tokenInput) {
        if (text == null) {
            return new Example(examples.range(k, k + 1), name);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("the typed input is empty; type the tokens to run");
        }
        int input = tokenInput;
        if (input < 0 || input >= examples.features().length) {
            throw new IllegalArgumentException("typed input needs a token input; this network has none");
        }
        TypedProbe typed = TypedProbe.of(examples, k, input, text);
        String fit = typed.fit(typed.labels().size());
        String shown = text.length() <= 120 ? text : text.substring(0, 100) + "… (" + text.length() + " characters)";
        // typed input has no true label: example k's, kept for its other inputs, had been shown as its answer (✗)
        return new Example(typed.example().withoutLabels(), "typed \"" + shown + "\" in place of " + name + "'s tokens"
                + (typed.unknown().isEmpty() ? ""
                : " (not in the vocabulary: " + MessageText.shorten(String.join(" ", typed.unknown().stream().distinct()
                .map(TypedProbe::visible).toList())) + ")") + (fit.isEmpty() ? "" : "; " + fit) + "; no true label");
    }

    /** The longest sequence (or token input) of an example: positions run below it. */
    public static int positions(Dataset one) {
        long n = 1;
        for (var f : one.features()) {
            n = Math.max(n, f.rank() == 2 ? f.size(1) : f.rank() == 3 ? f.size(2) : 1);
        }
        return (int) n;
    }

    /** Walks example {@code one} through the model; with {@code backward}, the way back too. Slow: not on the UI thread. */
    public static Walkthrough walk(Project project, BlockCatalog catalog, TrainedModel model, Dataset one, String example,
                                   int position, int head, boolean backward) {
        return walk(compile(project, catalog), project, catalog, model, one, example, position, head, backward);
    }

    /** A walk, and whether its network has a token input that text can be typed into (the window's text box). */
    public record Walked(Walkthrough walk, boolean typable) {
    }

    /**
     * Walks example {@code k} of {@code examples} called {@code name}, or text typed in place of its tokens
     * ({@link #example(Dataset, int, String, String, int)}), the graph compiled once for both. Slow: not on the UI thread.
     */
    public static Walked walk(Project project, BlockCatalog catalog, TrainedModel model, Dataset examples, int k, String text,
                              String name, int position, int head, boolean backward) {
        CompiledNetwork compiled = compile(project, catalog);
        int tokens = tokenInput(compiled);
        Example one = example(examples, k, text, name, tokens);
        return new Walked(walk(compiled, project, catalog, model, one.one(), one.description(), position, head, backward),
                tokens >= 0);
    }

    private static CompiledNetwork compile(Project project, BlockCatalog catalog) {
        CompileResult result = new GraphCompiler(catalog).compile(project.graph(), CompileOptions.forTraining(project.training()));
        if (!result.ok()) {
            throw new Mismatch("the graph does not compile now (" + result.errors().stream().map(Issue::toString)
                    .findFirst().orElse("") + "); fix it or undo the edit to step through the trained model");
        }
        return result.orThrow();
    }

    private static Walkthrough walk(CompiledNetwork compiled, Project project, BlockCatalog catalog, TrainedModel model,
                                    Dataset one, String example, int position, int head, boolean backward) {
        ComputationGraph net = model.network();
        for (var entry : compiled.shapes().paramCounts().entrySet()) {
            // A block may be several vertices (an entity table behind an unstack, a transformer block's parts).
            long params = 0;
            boolean present = true;
            for (String vertex : compiled.vertices().getOrDefault(entry.getKey(), java.util.List.of(entry.getKey()))) {
                GraphVertex v = net.getVertex(vertex);
                present &= v != null;
                params += v == null ? 0 : v.numParams();
            }
            if (!present || params != entry.getValue()) {
                throw new Mismatch("the model was trained before '" + entry.getKey() + "' was " + (present ? "changed" : "added")
                        + "; train again (or undo the edit) to step through it");
            }
        }
        if (net.params().length() != compiled.totalParams()) { // numParams() leaves out vertices with parameters
            throw new Mismatch("the graph has changed since the model was trained; train again (or undo the edit) to step through it");
        }
        try {
            // four heads and two have the same parameters: the walk would have run the model's four under the graph's two
            dev.deepwire.inspect.ModelFit.sameSettings(net, compiled);
        } catch (dev.deepwire.inspect.ModelFit.Mismatch e) {
            String why = e.getMessage().replaceFirst("^its ", "the model's ").replaceFirst("^it ", "the model ");
            throw new Mismatch("the graph has changed since the model was trained: " + why
                    + "; train again (or undo the edit) to step through it");
        }
        Walkthrough walk = Walkthroughs.of(project.name(), example, project.graph(), catalog, compiled, net, one, position, head);
        if (backward && one.labels().length == 0) {
            throw new IllegalArgumentException("the way back needs a true label to measure the loss against; typed input "
                    + "has none (step back through a validation example)");
        }
        return backward ? walk.withBackward(Backprop.of(walk, project.graph(), catalog, net, one)) : walk;
    }
}
