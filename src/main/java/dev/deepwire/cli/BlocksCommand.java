package dev.deepwire.cli;

import dev.deepwire.io.AtomicFiles;
import dev.deepwire.model.BlockCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deepwire blocks}: the catalog at a terminal, or as the Markdown reference page. */
@Command(name = "blocks", mixinStandardHelpOptions = true,
        description = {"List every block: id, palette group, ports (with the kinds they take) and parameters "
                + "(default and allowed range).",
                "With --markdown, print the reference page (docs/blocks.md) instead."})
final class BlocksCommand implements Callable<Integer> {
    @Option(names = "--markdown", description = "print Markdown (the docs/blocks.md page)")
    boolean markdown;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE (atomically) instead of the terminal")
    Path output;

    @Override
    public Integer call() throws CliException {
        BlockCatalog catalog = BlockCatalog.standard();
        String text = markdown ? BlockReference.markdown(catalog) : BlockReference.text(catalog);
        if (output == null) {
            Console.out().print(text);
            Console.out().flush();
            return ExitCodes.OK;
        }
        OutputPaths.requireFile(output, "--output");
        try {
            AtomicFiles.write(output, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "cannot write " + output + ": " + dev.deepwire.limits.FileProblems.describe(e)
                    + "; choose a writable place");
        }
        return ExitCodes.OK;
    }
}
