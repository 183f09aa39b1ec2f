package dev.deepwire.training.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Nearest neighbours of an entity by cosine similarity in a trained entity table. */
public final class EntityNeighbours {
    private EntityNeighbours() {
    }

    /** A neighbour and its cosine similarity. */
    public record Neighbour(String name, double similarity) {
    }

    /** The embedding table with one row per entity: the first {@code W} parameter with {@code entities} rows. */
    public static Optional<INDArray> table(ComputationGraph net, int entities) {
        for (Map.Entry<String, INDArray> e : net.paramTable(false).entrySet()) {
            if (e.getKey().endsWith("_W") && e.getValue().rank() == 2 && e.getValue().size(0) == entities) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    public static List<Neighbour> of(INDArray table, List<String> names, int entity, int k) {
        INDArray norms = table.norm2(1).addi(1e-12);
        INDArray unit = table.divColumnVector(norms.reshape(norms.length(), 1));
        double[] sims = unit.mmul(unit.getRow(entity).reshape(unit.size(1), 1)).reshape(unit.size(0)).toDoubleVector();
        List<Neighbour> all = new ArrayList<>();
        for (int i = 0; i < sims.length; i++) {
            if (i != entity) {
                all.add(new Neighbour(names.get(i), sims[i]));
            }
        }
        all.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }
}
