package dev.deepwire.testing;

import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import java.nio.file.Path;

/**
 * The marker sample as shipped. Its parameter count is taken from DL4J itself (the compiled network's own
 * parameter vector), once, so tests that print or compare it do not each pin a number that a sample edit
 * would silently make wrong.
 */
public final class MarkerSample {
    public static final Path FILE = Path.of("sample-projects/marker.dwproj");
    private static long parameterCount = -1;

    private MarkerSample() {
    }

    public static Project project() throws Exception {
        return new ProjectReader().read(FILE);
    }

    /** The number of trainable parameters of the sample as DL4J instantiates it. */
    public static synchronized long parameterCount() throws Exception {
        if (parameterCount < 0) {
            Project p = project();
            parameterCount = new GraphCompiler(BlockCatalog.standard())
                    .compile(p.graph(), CompileOptions.forTraining(p.training())).orThrow()
                    .instantiate().params().length();
        }
        return parameterCount;
    }
}
