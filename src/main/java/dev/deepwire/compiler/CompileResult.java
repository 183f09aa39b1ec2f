package dev.deepwire.compiler;

import dev.deepwire.model.Issue;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of compiling: the network when there are no errors, and every issue found (warnings
 * included) together with whatever shapes could be inferred.
 */
public record CompileResult(Optional<CompiledNetwork> network, List<Issue> issues, ShapeReport shapes) {

    public CompileResult {
        issues = List.copyOf(issues);
    }

    public boolean ok() {
        return network.isPresent();
    }

    public List<Issue> errors() {
        return issues.stream().filter(Issue::isError).toList();
    }

    /** The network, or an exception listing the errors (for callers that cannot go on without it). */
    public CompiledNetwork orThrow() {
        return network.orElseThrow(() -> new IllegalStateException("the graph does not compile: "
                + errors().stream().map(Issue::toString).reduce((a, b) -> a + "; " + b).orElse("")));
    }
}
