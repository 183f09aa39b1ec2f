package dev.deepwire.cli;

import dev.deepwire.model.BlockCatalog;
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
        Outputs.write(output, text.getBytes(StandardCharsets.UTF_8));
        return ExitCodes.OK;
    }
}
