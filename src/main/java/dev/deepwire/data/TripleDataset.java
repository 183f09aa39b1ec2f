package dev.deepwire.data;

import dev.deepwire.limits.Limits;
import dev.deepwire.model.DatasetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Kind {@code triples}: a knowledge graph as lines {@code head <TAB> relation <TAB> tail [<TAB> split]}
 * ({@code #} starts a comment). Examples feed three id inputs in the order head, relation, tail, labelled
 * 1 for a true triple and 0 for a corrupted one: its head or tail replaced by a random entity (never
 * making another known triple). The training negatives are drawn afresh every epoch, as many per true
 * triple and on the side the link-prediction output block says.
 */
public final class TripleDataset {
    /** The seed when {@code seed} is left out ({@link DatasetLoader#defaults}). */
    static final long SEED = 42;
    private final List<String> entities;
    private final List<String> relations;
    private final Map<String, List<int[]>> splits;
    private final Set<Long> known = new HashSet<>();
    private List<String> warnings = List.of();

    private TripleDataset(List<String> entities, List<String> relations, Map<String, List<int[]>> splits) {
        this.entities = entities;
        this.relations = relations;
        this.splits = splits;
        splits.values().forEach(l -> l.forEach(t -> known.add(key(t[0], t[1], t[2]))));
    }

    public List<String> entities() {
        return entities;
    }

    public List<String> relations() {
        return relations;
    }

    /** The triples of a split ({@code train}, {@code validation}, {@code test}) as [head, relation, tail] ids. */
    public List<int[]> triples(String split) {
        return splits.getOrDefault(split, List.of());
    }

    /** Whether (h, r, t) is a known triple in any split (for filtered ranking and clean negatives). */
    public boolean isKnown(int h, int r, int t) {
        return known.contains(key(h, r, t));
    }

    private long key(int h, int r, int t) {
        return ((long) h * relations.size() + r) * entities.size() + t;
    }

    public static TripleDataset read(Path file) throws DataException {
        String name = file.getFileName().toString();
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, String> distinct = new HashMap<>(); // each name held once, however often it occurs
        DataLines.read(file, (lineNo, line) -> {
            String[] cols = line.split("\t", -1);
            if (cols.length < 3 || cols.length > 4) {
                throw new DataException(name + " line " + lineNo + ": expected 'head<TAB>relation<TAB>tail' (and "
                        + "optionally <TAB>split) but found " + cols.length + " column(s)");
            }
            for (int c = 0; c < 3; c++) {
                if (cols[c].isBlank()) {
                    throw new DataException(name + " line " + lineNo + ": the " + List.of("head", "relation", "tail").get(c)
                            + " is empty; fill it in or delete the line");
                }
            }
            String split = cols.length == 4 ? DataLines.split(cols[3], name, lineNo) : "train";
            rows.add(new String[] {distinct.computeIfAbsent(cols[0].strip(), k -> k),
                    distinct.computeIfAbsent(cols[1].strip(), k -> k), distinct.computeIfAbsent(cols[2].strip(), k -> k),
                    split});
            lines.add(lineNo);
        });
        TreeSet<String> entitySet = new TreeSet<>();
        TreeSet<String> relationSet = new TreeSet<>();
        for (String[] r : rows) {
            entitySet.add(r[0]);
            entitySet.add(r[2]);
            relationSet.add(r[1]);
        }
        DataSizes.count(name, "distinct entities", entitySet.size(), Limits.VOCABULARY);
        DataSizes.count(name, "distinct relations", relationSet.size(), Limits.VOCABULARY);
        if (rows.stream().noneMatch(r -> r[3].equals("train"))) {
            throw new DataException(name + " has no training triples; add lines 'head<TAB>relation<TAB>tail'");
        }
        List<String> entities = new ArrayList<>(entitySet);
        List<String> relations = new ArrayList<>(relationSet);
        Map<String, List<int[]>> splits = new LinkedHashMap<>();
        for (String[] r : rows) {
            splits.computeIfAbsent(r[3], k -> new ArrayList<>()).add(new int[] {
                    Collections.binarySearch(entities, r[0]), Collections.binarySearch(relations, r[1]),
                    Collections.binarySearch(entities, r[2])});
        }
        TripleDataset kg = new TripleDataset(entities, relations, splits);
        kg.warnings = TripleWarnings.of(name, rows, lines);
        return kg;
    }

    /** What the file holds that loads yet may be wrong ({@link TripleWarnings}), each naming its line and the fix. */
    public List<String> warnings() {
        return warnings;
    }

    /** {@link #warnings()} of the project's triples file; nothing when it cannot be read (loading says why). */
    static List<String> readWarnings(DatasetSpec spec, Path projectDir) {
        if (!(spec.params().get("file") instanceof String name) || name.isBlank()) {
            return List.of();
        }
        try {
            return read(projectDir.resolve(name)).warnings();
        } catch (DataException | RuntimeException e) {
            return List.of();
        }
    }

    /** The settings as a person typed them, checked before the file is read ({@link DatasetLoader#settingProblem}). */
    static void checkSettings(DatasetSpec spec) throws DataException {
        spec.longParam("seed", SEED);
        Object scoring = spec.params().getOrDefault(TripleQueries.SCORING, "triples");
        if (!"triples".equals(scoring) && !TripleQueries.ONE_TO_ALL.equals(scoring)) {
            throw new DataException("dataset.scoring must be \"triples\" (true and corrupted triples, for per-triple "
                    + "scorers) or \"1-n\" ((head, relation) queries answered by ranking every entity); got " + scoring);
        }
        // the file last: a setting typed wrong is named while the file is still to be chosen
        Object fileName = spec.params().get("file");
        if (!(fileName instanceof String name) || name.isBlank()) {
            throw new DataException("dataset.file must name the triples file (relative to the project's folder)");
        }
    }

    public static DatasetSplits load(DatasetSpec spec, Path projectDir) throws DataException {
        checkSettings(spec);
        String name = (String) spec.params().get("file");
        TripleDataset kg = read(projectDir.resolve(name));
        long seed = spec.longParam("seed", SEED);
        Object scoring = spec.params().getOrDefault(TripleQueries.SCORING, "triples");
        if (TripleQueries.ONE_TO_ALL.equals(scoring)) {
            Dataset validation = kg.triples("validation").isEmpty() ? null : TripleQueries.of(kg, kg.triples("validation"));
            Dataset test = kg.triples("test").isEmpty() ? null : TripleQueries.of(kg, kg.triples("test"));
            return new DatasetSplits(TripleQueries.of(kg, kg.triples("train")), validation, test).withKnowledgeGraph(kg);
        }
        if (!"triples".equals(scoring)) {
            throw new DataException("dataset.scoring must be \"triples\" (true and corrupted triples, for per-triple "
                    + "scorers) or \"1-n\" ((head, relation) queries answered by ranking every entity); got " + scoring);
        }
        Dataset validation;
        Dataset test;
        Dataset train;
        try {
            validation = kg.triples("validation").isEmpty() ? null
                    : kg.examples(kg.triples("validation"), 1, "both", new Random(seed + 1));
            test = kg.triples("test").isEmpty() ? null : kg.examples(kg.triples("test"), 1, "both", new Random(seed + 2));
            train = kg.examples(kg.triples("train"), 1, "both", new Random(seed));
        } catch (IllegalArgumentException e) {
            throw new DataException(name + ": " + e.getMessage());
        }
        return new DatasetSplits(train, validation, test, (epoch, settings) -> kg.examples(kg.triples("train"),
                settings.get("negatives") instanceof Number n ? n.intValue() : 1,
                String.valueOf(settings.getOrDefault("corrupt", "both")), new Random(seed * 31 + epoch)))
                .withKnowledgeGraph(kg);
    }

    /** True triples and {@code negatives} corrupted ones each, as a dataset with inputs head, relation, tail. */
    public Dataset examples(List<int[]> triples, int negatives, String corrupt, Random random) {
        long total = (long) triples.size() * (1 + negatives);
        if (total * 4 > Limits.ARRAY_ELEMENTS) {
            throw new IllegalArgumentException(String.format("%,d triples with %d negatives each are %,d examples, over "
                    + "DeepWire's limit of %,d; use fewer negatives or fewer triples", triples.size(), negatives, total,
                    Limits.ARRAY_ELEMENTS / 4));
        }
        int n = (int) total;
        float[][] h = new float[n][1];
        float[][] r = new float[n][1];
        float[][] t = new float[n][1];
        float[][] y = new float[n][1];
        int row = 0;
        for (int[] triple : triples) {
            for (int k = 0; k <= negatives; k++, row++) {
                int[] e = k == 0 ? triple : corrupt(triple, corrupt, random);
                h[row][0] = e[0];
                r[row][0] = e[1];
                t[row][0] = e[2];
                y[row][0] = k == 0 ? 1 : 0;
            }
        }
        return new Dataset(new INDArray[] {Nd4j.createFromArray(h), Nd4j.createFromArray(r), Nd4j.createFromArray(t)},
                null, new INDArray[] {Nd4j.createFromArray(y)}, List.of("false", "true"))
                .withInputNames(List.of(entities, relations, entities));
    }

    private int[] corrupt(int[] triple, String side, Random random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            boolean head = side.equals("head") || side.equals("both") && random.nextBoolean();
            int e = random.nextInt(entities.size());
            int[] c = head ? new int[] {e, triple[1], triple[2]} : new int[] {triple[0], triple[1], e};
            if (!isKnown(c[0], c[1], c[2])) {
                return c;
            }
        }
        for (int e = 0; e < entities.size(); e++) { // a dense corner of the graph: look at every corruption once
            if (!isKnown(triple[0], triple[1], e) && !side.equals("head")) {
                return new int[] {triple[0], triple[1], e};
            }
            if (!isKnown(e, triple[1], triple[2]) && !side.equals("tail")) {
                return new int[] {e, triple[1], triple[2]};
            }
        }
        // (the true triple itself, labelled 0, was the negative here)
        throw new IllegalArgumentException("no negative can be drawn for " + entities.get(triple[0]) + " "
                + relations.get(triple[1]) + " " + entities.get(triple[2]) + ": every triple made by replacing its "
                + ("both".equals(side) ? "head or tail" : side) + " is a known triple; a knowledge graph needs entities "
                + "that are not linked to every other");
    }
}
