package dev.deepwire.inspect;

import dev.deepwire.data.Dataset;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.data.TripleDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a table's rows can be coloured by, from the project's training data: a position's index; for the entities
 * of a knowledge graph, the relation each is most often the head of and the tail of every relation most entities have
 * (WordNet's hypernym); for the tokens of a classification dataset, the class that uses each token most, relative
 * to how much text each class has (the language of a letter).
 */
final class RowColumns {
    /** A relation becomes a column when at least this share of the entities are a head of it. */
    static final double RELATION_COLUMN_SHARE = 0.4;
    /** What the relation colour of an entity says (under the projector's legend). */
    static final String RELATION_MEANING = "Each entity has the colour of the relation it is most often the head of in "
            + "the training triples (never a head: the relation it is most often the tail of). An inverse relation "
            + "(hyponym of hypernym) colours the entities on its own head side.";
    /** Classification statistics are counted over at most this many training examples. */
    static final int MAX_EXAMPLES = 50_000;

    private RowColumns() {
    }

    static List<RowColumn> of(boolean positions, int input, int rows, DatasetSplits data, String output) {
        if (positions) {
            double[] index = new double[rows];
            Arrays.setAll(index, i -> i);
            return List.of(RowColumn.numeric(RowColumn.POSITION, index));
        }
        if (data == null || data.train() == null || input < 0) {
            return List.of();
        }
        List<String> names = data.train().inputNames(input);
        TripleDataset kg = data.knowledgeGraph();
        if (kg != null && names.equals(kg.entities()) && rows == kg.entities().size()) {
            return entityColumns(kg);
        }
        if (kg == null && names.size() == rows) {
            return classColumn(data.train(), input, rows, output);
        }
        return List.of();
    }

    /**
     * Per entity: the relation it is most often the head of (an entity never a head: the one it is most often the tail
     * of), and the tail of each relation most entities are a head of. Counting heads and tails alike, a graph with
     * inverse relations (WordNet's hypernym and hyponym: every (dog, hypernym, canine) mirrored by (canine, hyponym,
     * dog)) tied every entity between the two, and the tie always went to the first: hyponym, meronyms and holonyms
     * never showed. By the head, a leaf is its hypernym's, an entity with several hyponyms is hyponym's.
     */
    static List<RowColumn> entityColumns(TripleDataset kg) {
        int entities = kg.entities().size();
        int relations = kg.relations().size();
        int[][] asHead = new int[entities][relations];
        int[][] asTail = new int[entities][relations];
        int[][] tail = new int[relations][entities];
        for (int[] row : tail) {
            Arrays.fill(row, -1);
        }
        int[] heads = new int[relations];
        for (int[] t : kg.triples("train")) {
            asHead[t[0]][t[1]]++;
            asTail[t[2]][t[1]]++;
            if (tail[t[1]][t[0]] < 0) {
                tail[t[1]][t[0]] = t[2];
                heads[t[1]]++;
            }
        }
        List<RowColumn> out = new ArrayList<>();
        List<String> most = new ArrayList<>(entities);
        for (int e = 0; e < entities; e++) {
            int[] uses = asHead[e][argmax(asHead[e])] > 0 ? asHead[e] : asTail[e];
            int best = argmax(uses);
            most.add(uses[best] > 0 ? kg.relations().get(best) : null);
        }
        out.add(RowColumn.categorical("relation", most, RELATION_MEANING));
        for (int r = 0; r < relations; r++) {
            if (heads[r] >= RELATION_COLUMN_SHARE * entities) {
                List<String> tails = new ArrayList<>(entities);
                for (int e = 0; e < entities; e++) {
                    tails.add(tail[r][e] < 0 ? null : kg.entities().get(tail[r][e]));
                }
                out.add(RowColumn.categorical(kg.relations().get(r), tails));
            }
        }
        return out;
    }

    /**
     * Per token: the class whose text uses it most often relative to the class's amount of text, named after the
     * network's output (word-language: {@code language}). Only for token ids with one class label per example.
     */
    static List<RowColumn> classColumn(Dataset train, int input, int rows, String output) {
        INDArray ids = train.features()[input];
        INDArray labels = train.labels().length == 1 ? train.labels()[0] : null;
        List<String> classes = train.labelNames();
        if (ids.rank() != 2 || labels == null || labels.rank() != 2 || labels.size(1) != classes.size()
                || classes.size() < 2) {
            return List.of();
        }
        int n = (int) Math.min(ids.size(0), MAX_EXAMPLES);
        float[][] tokens = ids.castTo(DataType.FLOAT).toFloatMatrix();
        float[][] y = labels.castTo(DataType.FLOAT).toFloatMatrix();
        double[][] counts = new double[classes.size()][rows];
        double[] totals = new double[classes.size()];
        for (int i = 0; i < n; i++) {
            int c = argmax(y[i]);
            for (float t : tokens[i]) {
                int id = (int) t;
                if (id >= 0 && id < rows) {
                    counts[c][id]++;
                    totals[c]++;
                }
            }
        }
        List<String> typical = new ArrayList<>(rows);
        for (int id = 0; id < rows; id++) {
            int best = -1;
            double bestRate = 0;
            for (int c = 0; c < classes.size(); c++) {
                double rate = totals[c] == 0 ? 0 : counts[c][id] / totals[c];
                if (rate > bestRate) {
                    best = c;
                    bestRate = rate;
                }
            }
            typical.add(best < 0 ? null : classes.get(best));
        }
        return List.of(RowColumn.categorical(output, typical));
    }

    private static int argmax(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
