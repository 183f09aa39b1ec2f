package dev.deepwire.cli;

import dev.deepwire.data.Dataset;
import dev.deepwire.inspect.walk.Backprop;
import dev.deepwire.inspect.walk.ModelWalk;
import dev.deepwire.inspect.walk.Walkthrough;
import dev.deepwire.inspect.walk.WalkthroughFiles;
import dev.deepwire.inspect.walk.Walkthroughs;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.model.BlockCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deepwire walkthrough FILE --model M.zip [--example K | --text "…"] --out DIR}: one example, step by step. */
@Command(name = "walkthrough", mixinStandardHelpOptions = true,
        description = {"Follow one example through a trained model block by block and write the walk-through: a",
                "picture per step, one HTML page that opens in any browser, and steps.json (per step the block,",
                "its input and output shapes, min/max/mean of each tensor, the formula filled in and, for",
                "attention blocks, the softmax row of the chosen position)."})
final class WalkthroughCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .dwproj project file")
    Path file;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "a trained model (model.zip or a checkpoint)")
    Path model;

    @Option(names = "--example", defaultValue = "0", paramLabel = "K", description = "validation example (default: ${DEFAULT-VALUE})")
    int example;

    @Option(names = "--text", paramLabel = "TEXT", description = "typed input for the token input instead of the example's tokens")
    String text;

    @Option(names = "--position", defaultValue = "0", paramLabel = "P", description = "sequence position the formulas show (default: ${DEFAULT-VALUE})")
    int position;

    @Option(names = "--head", defaultValue = "0", paramLabel = "H", description = "attention head the formulas show (default: ${DEFAULT-VALUE})")
    int head;

    @Option(names = "--gradients", description = "also step back: the loss and the gradient norm on each wire for this example")
    boolean gradients;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into (made if missing)")
    Path out;

    @picocli.CommandLine.Mixin
    DataAccessOption dataAccess;

    @Override
    public Integer call() throws CliException {
        OutputPaths.requireFolder(out, "--out");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--out " + out + " is a file, not a folder; give a folder name");
        }
        if (position < 0 || head < 0) {
            throw new CliException(ExitCodes.BAD_INPUT, (position < 0 ? "--position" : "--head") + " must be 0 or more");
        }
        TrainedProject opened = TrainedProject.open(file, model, dataAccess, Map.of());
        ProjectSession session = opened.session();
        LoadedProject prepared = opened.project();
        ComputationGraph net = opened.net();
        Map<Path, String> readFiles = opened.readFiles();
        int heads = session.project.graph().nodes().stream().map(n -> n.param("heads"))
                .filter(h -> h instanceof Number).mapToInt(h -> ((Number) h).intValue()).max().orElse(0);
        if (head > 0 && head >= heads) {
            throw new CliException(ExitCodes.BAD_INPUT, heads == 0 ? "--head: the network has no attention block"
                    : "--head must be below " + heads + ", the most heads an attention block of this network has");
        }
        Dataset validation = prepared.data().validation();
        if (example < 0 || example >= validation.size()) {
            throw new CliException(ExitCodes.BAD_INPUT, "--example must be between 0 and " + (validation.size() - 1));
        }
        if (gradients && text != null) {
            throw new CliException(ExitCodes.BAD_INPUT, "--gradients needs the example's true label to measure the loss "
                    + "against; --text input has none (leave out --text, or --gradients)");
        }
        int tokens = ModelWalk.tokenInput(prepared.network());
        if (text != null && tokens < 0) {
            // an image or vector network: it had said only that it has no token input, not what to do instead
            throw new CliException(ExitCodes.BAD_INPUT, "--text: this network has no token input to type into; leave out "
                    + "--text and choose a validation example with --example K (0 to " + (validation.size() - 1) + ")");
        }
        ModelWalk.Example chosen;
        try {
            chosen = ModelWalk.example(validation, example, text, tokens);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "--text: " + e.getMessage());
        }
        Dataset one = chosen.one();
        String what = chosen.description();
        int longest = ModelWalk.positions(one);
        if (position >= longest) {
            throw new CliException(ExitCodes.BAD_INPUT, "--position must be below " + longest + ", the longest sequence's length");
        }
        Walkthrough walk = Walkthroughs.of(session.project.name(), what, session.project.graph(), BlockCatalog.standard(),
                prepared.network(), net, one, position, head);
        if (gradients) {
            walk = walk.withBackward(Backprop.of(walk, session.project.graph(), BlockCatalog.standard(), net, one));
        }
        Map<String, byte[]> files = WalkthroughFiles.of(walk);
        for (String name : files.keySet()) {
            OutputPaths.requireNotInput(out.resolve(name), "--out", readFiles);
        }
        try {
            WalkthroughFiles.writeInto(out, files);
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, WriteFailure.of(out, e).getMessage());
        }
        Console.out().printf(Locale.ROOT, "%s: %d steps of %s written to %s (%s, %s and a picture per step)%n",
                TerminalSafeStream.oneLine(session.project.name()), walk.steps().size(), what, TerminalSafeStream.path(out),
                WalkthroughFiles.HTML, WalkthroughFiles.JSON);
        return ExitCodes.OK;
    }
}
