package dev.deepwire.training.eval;

import dev.deepwire.data.TripleDataset;

/**
 * The honest baseline for link prediction: for a query (h, r, ?) rank the entities by how often each is the tail of
 * relation r in the training triples (for (?, r, t), by how often each is the head of r). It ignores h (or t)
 * entirely, so a model has learned something about entities only where it beats this.
 */
public final class FrequencyBaseline {
    private final int[][] tails;
    private final int[][] heads;

    private FrequencyBaseline(int[][] tails, int[][] heads) {
        this.tails = tails;
        this.heads = heads;
    }

    /** Counts from the training triples of {@code kg}. */
    public static FrequencyBaseline of(TripleDataset kg) {
        int relations = kg.relations().size();
        int entities = kg.entities().size();
        int[][] tails = new int[relations][entities];
        int[][] heads = new int[relations][entities];
        for (int[] t : kg.triples("train")) {
            tails[t[1]][t[2]]++;
            heads[t[1]][t[0]]++;
        }
        return new FrequencyBaseline(tails, heads);
    }

    /** How often {@code entity} is the tail (or, with {@code tail} false, the head) of {@code relation} in training. */
    public int count(boolean tail, int relation, int entity) {
        return (tail ? tails : heads)[relation][entity];
    }

    /** The baseline's score of every entity for a tail query (or a head query) of {@code relation}. */
    double[] scores(boolean tail, int relation) {
        int[] c = (tail ? tails : heads)[relation];
        double[] s = new double[c.length];
        for (int e = 0; e < c.length; e++) {
            s[e] = c[e];
        }
        return s;
    }
}
