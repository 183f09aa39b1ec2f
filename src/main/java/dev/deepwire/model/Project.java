package dev.deepwire.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code .dwproj} file holds: a name and description, the graph, the dataset and the training
 * settings, plus any fields this version does not know (kept for a lossless round trip).
 */
public final class Project {
    /** The name of a project that has not been named: a new one, or a file that names none. */
    public static final String UNTITLED = "untitled";
    private String name;
    private String description;
    private final Graph graph;
    private DatasetSpec dataset;
    private TrainingSettings training;
    private final Map<String, Object> extras = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> sectionExtras = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> elementExtras = new LinkedHashMap<>();

    public Project(String name, String description, Graph graph, DatasetSpec dataset, TrainingSettings training) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description == null ? "" : description;
        this.graph = Objects.requireNonNull(graph, "graph");
        this.dataset = dataset;
        this.training = Objects.requireNonNull(training, "training");
    }

    /** A new, empty project: no blocks, no dataset, the default training settings. */
    public static Project untitled() {
        return new Project(UNTITLED, "", new Graph(), null, TrainingSettings.defaults());
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name);
    }

    public String description() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }

    public Graph graph() {
        return graph;
    }

    /** The dataset, or {@code null} when the project has none bound yet. */
    public DatasetSpec dataset() {
        return dataset;
    }

    public void setDataset(DatasetSpec dataset) {
        this.dataset = dataset;
    }

    public TrainingSettings training() {
        return training;
    }

    public void setTraining(TrainingSettings training) {
        this.training = Objects.requireNonNull(training);
    }

    /** Unknown top-level fields of the file, in order. */
    public Map<String, Object> extras() {
        return extras;
    }

    /** Unknown fields inside one section of the file ({@code training}, {@code dataset}, {@code ui}). */
    public Map<String, Object> sectionExtras(String section) {
        return sectionExtras.computeIfAbsent(section, k -> new LinkedHashMap<>());
    }

    /**
     * Unknown fields of one wire, group or note of the file, by list ({@code edges}, {@code ui.groups},
     * {@code ui.notes}) and element id. Kept here rather than in the element records because edits replace
     * those records; the id stays, so the fields stay with the element.
     */
    public Map<String, Object> elementExtras(String list, String id) {
        return elementExtras.computeIfAbsent(list + "\u0000" + id, k -> new LinkedHashMap<>());
    }

    /**
     * A copy that later edits of this project do not change (the graph copied, every extras map copied; the values
     * kept from the file are shared, as nothing edits them): what is written in the background is the state of one
     * moment.
     */
    public Project copy() {
        Project c = new Project(name, description, graph.copy(), dataset, training);
        c.extras.putAll(extras);
        sectionExtras.forEach((k, v) -> c.sectionExtras.put(k, new LinkedHashMap<>(v)));
        elementExtras.forEach((k, v) -> c.elementExtras.put(k, new LinkedHashMap<>(v)));
        return c;
    }
}
