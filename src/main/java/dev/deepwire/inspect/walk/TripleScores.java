package dev.deepwire.inspect.walk;

import java.util.List;

/**
 * A knowledge-graph scorer on the example's triple: {@code E(h)} and {@code E(r)}, the score of the true tail and
 * the five highest-scoring tails over every entity (the scorer re-run with each entity as the tail), and the true
 * tail's rank among them all.
 */
public record TripleScores(String head, String relation, String tail, float[] eh, float[] er, double trueScore,
                           List<Scored> top, int rank) {
    public TripleScores {
        top = List.copyOf(top);
    }

    /** An entity and its score as the tail. */
    public record Scored(String entity, double score) {
    }
}
