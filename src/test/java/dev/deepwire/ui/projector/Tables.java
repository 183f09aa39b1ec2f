package dev.deepwire.ui.projector;

import dev.deepwire.inspect.LearnedTable;
import dev.deepwire.inspect.RowColumn;
import java.util.Arrays;
import java.util.List;

/** A hand-made table of six animals and vehicles in 3-D: canines, felines and vehicles point three ways. */
final class Tables {
    static final List<String> LABELS = List.of("dog", "wolf", "cat", "lion", "car", "truck");

    private Tables() {
    }

    static LearnedTable animals(long step, float spread) {
        float[][] rows = {
            {5, 0.3f, 0}, {5, 0.6f * spread, 0.2f}, // dog, wolf
            {0, 5, 0.3f}, {0.4f, 5, 0.6f * spread}, // cat, lion
            {0.2f, 0, 5}, {0.5f * spread, 0.3f, 5}, // car, truck
        };
        RowColumn group = RowColumn.categorical("group", List.of("canine", "canine", "feline", "feline", "vehicle", "vehicle"));
        double[] index = new double[6];
        Arrays.setAll(index, i -> i);
        return new LearnedTable("emb", "tokens", LABELS, List.of(group, RowColumn.numeric("index", index)), rows, step);
    }
}
