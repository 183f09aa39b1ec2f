package dev.deepwire.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.GraphChecker;
import dev.deepwire.model.Issue;
import dev.deepwire.model.Project;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files far larger than anyone draws read in linear time: the limits on reading, not quadratic lookups, decide. */
class LargeProjectReadTest {
    private static final String HEAD = "{\"format\": \"deepwire-project\", \"formatVersion\": 1, \"name\": \"big\", ";
    /** A hang guard only: these read in about a second; the quadratic reader took 150 s. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    @Test
    void aHundredThousandBlockChainReadsChecksAndCompiles() {
        int n = 100_000;
        StringBuilder nodes = new StringBuilder("{\"id\": \"in\", \"type\": \"vector_input\"}, {\"id\": \"out\", \"type\": \"softmax_output\"}");
        StringBuilder edges = new StringBuilder();
        String prev = "in";
        for (int i = 0; i < n; i++) {
            nodes.append(", {\"id\": \"a").append(i).append("\", \"type\": \"activation\"}");
            edges.append("{\"from\": \"").append(prev).append(".out\", \"to\": \"a").append(i).append(".in\"}, ");
            prev = "a" + i;
        }
        edges.append("{\"from\": \"").append(prev).append(".out\", \"to\": \"out.in\"}");
        String json = HEAD + "\"nodes\": [" + nodes + "], \"edges\": [" + edges + "]}";
        Project p = assertTimeoutPreemptively(GUARD, () -> new ProjectReader().parse(json));
        assertThat(p.graph().nodes()).hasSize(n + 2);
        assertThat(p.graph().edges()).hasSize(n + 1);
        List<Issue> errors = assertTimeoutPreemptively(GUARD,
                () -> new GraphChecker(BlockCatalog.standard()).check(p.graph()).stream().filter(Issue::isError).toList());
        assertThat(errors).isEmpty();
        var compiled = assertTimeoutPreemptively(GUARD, () -> new GraphCompiler(BlockCatalog.standard())
                .compile(p.graph(), CompileOptions.forTraining(p.training())));
        assertThat(compiled.ok()).isTrue();
        assertThat(compiled.orThrow().vertices()).hasSize(n + 2);
    }

    @Test
    void sixtyThousandNotesAndGroupsRead() {
        int n = 60_000;
        StringBuilder nodes = new StringBuilder();
        StringBuilder groups = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String sep = i == 0 ? "" : ", ";
            nodes.append(sep).append("{\"id\": \"b").append(i).append("\", \"type\": \"dense\"}");
            groups.append(sep).append("{\"id\": \"g").append(i).append("\", \"members\": [\"b").append(i).append("\"]}");
            notes.append(sep).append("{\"id\": \"n").append(i).append("\", \"text\": \"note\", \"x\": 1, \"y\": 2}");
        }
        String json = HEAD + "\"nodes\": [" + nodes + "], \"ui\": {\"groups\": [" + groups + "], \"notes\": [" + notes + "]}}";
        Project p = assertTimeoutPreemptively(GUARD, () -> new ProjectReader().parse(json));
        assertThat(p.graph().groups()).hasSize(n);
        assertThat(p.graph().notes()).hasSize(n);
        assertThat(p.graph().groupOf("b59999").orElseThrow().id()).isEqualTo("g59999");
        assertThat(p.graph().note("n30000")).isPresent();
    }
}
