package dev.deepwire.data;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 1-N form of a knowledge graph ({@code "scoring": "1-n"} in the dataset): each triple (h, r, t) gives two
 * queries, (h, r) → t and the reciprocal (t, r⁻¹) → h, where r⁻¹ is relation id {@code r + R} (R relations).
 * Inputs: head id and relation id (2R of them); label: the id of the entity to find. A scorer ranks every entity
 * for a query, so no negatives are drawn and head prediction is tail prediction of the reciprocal relation.
 */
public final class TripleQueries {
    public static final String SCORING = "scoring";
    public static final String ONE_TO_ALL = "1-n";

    private TripleQueries() {
    }

    /** The relation names for 1-N inputs: the relations, then each one's reciprocal ("hypernym⁻¹"). */
    public static List<String> relationNames(TripleDataset kg) {
        List<String> names = new ArrayList<>(kg.relations());
        kg.relations().forEach(r -> names.add(r + "⁻¹"));
        return names;
    }

    /** Both queries of every triple, as a dataset with inputs head, relation and the answer's id as label. */
    public static Dataset of(TripleDataset kg, List<int[]> triples) {
        int n = triples.size() * 2;
        float[][] h = new float[n][1];
        float[][] r = new float[n][1];
        float[][] y = new float[n][1];
        int relations = kg.relations().size();
        int row = 0;
        for (int[] t : triples) {
            h[row][0] = t[0];
            r[row][0] = t[1];
            y[row++][0] = t[2];
            h[row][0] = t[2];
            r[row][0] = t[1] + relations;
            y[row++][0] = t[0];
        }
        INDArray[] features = {Nd4j.createFromArray(h), Nd4j.createFromArray(r)};
        return new Dataset(features, null, new INDArray[] {Nd4j.createFromArray(y)}, kg.entities())
                .withInputNames(List.of(kg.entities(), relationNames(kg)));
    }
}
