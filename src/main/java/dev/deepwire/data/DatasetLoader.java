package dev.deepwire.data;

import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.SimilarNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the data a project names and checks it fits the network's inputs and outputs. */
public final class DatasetLoader {
    public static final Set<String> KINDS = Set.of("marker", "csv", "text-classes", "digits-caption", "triples");

    /** The settings each kind of dataset reads ({@code kind} aside). */
    public static final Map<String, Set<String>> SETTINGS = Map.of(
            "marker", Set.of("length", "vocabulary", "train", "validation", "seed"),
            "csv", Set.of("file", "classes", "header", "labelColumn", "validationFraction", "seed"),
            "text-classes", Set.of("file", "tokens", "length", "validationFraction", "seed"),
            "digits-caption", Set.of("file", "seed"),
            "triples", Set.of("file", "scoring", "seed"));

    private DatasetLoader() {
    }

    /**
     * What each of a kind's settings is when the project leaves it out (the loaders' own defaults), for Dataset
     * Settings to show in an empty field; a setting without one (a CSV's classes, a file) is not here.
     */
    public static Map<String, Object> defaults(String kind) {
        return switch (kind == null ? "" : kind) {
            case "marker" -> Map.of("length", MarkerDataset.LENGTH, "vocabulary", MarkerDataset.VOCABULARY,
                    "train", MarkerDataset.TRAIN, "validation", MarkerDataset.VALIDATION, "seed", MarkerDataset.SEED);
            case "csv" -> Map.of("validationFraction", DataSizes.VALIDATION_FRACTION, "seed", DataSizes.SEED);
            case "text-classes" -> Map.of("length", TextClassDataset.LENGTH,
                    "validationFraction", DataSizes.VALIDATION_FRACTION, "seed", DataSizes.SEED);
            case "digits-caption" -> Map.of("seed", DigitsCaptionDataset.SEED);
            case "triples" -> Map.of("seed", TripleDataset.SEED);
            default -> Map.of();
        };
    }

    /**
     * The dataset's settings its kind does not read — a misspelt name would otherwise be ignored without a word — each
     * as a line naming it, what happens to it, and the setting it most likely meant.
     */
    public static List<String> unknownSettings(DatasetSpec spec) {
        if (spec == null || !SETTINGS.containsKey(spec.kind())) {
            return List.of(); // no dataset, or an unknown kind: loading says so
        }
        Set<String> known = SETTINGS.get(spec.kind());
        return spec.params().keySet().stream().filter(k -> !known.contains(k)).sorted()
                .map(k -> SimilarNames.notRead("dataset." + k, "a setting of a " + spec.kind() + " dataset", k, known,
                        "its settings are"))
                .toList();
    }

    /**
     * The first of the dataset's settings that loading would refuse whatever its file holds — text where a number
     * goes ('cats and dogs please' as the classes), a number out of its range, no file named — as the refusal Train
     * would give, or empty when the settings are fine: for Dataset Settings to say as it is typed, without reading
     * any file. Each kind's loader owns its checks and makes them first when it loads.
     */
    public static java.util.Optional<String> settingProblem(DatasetSpec spec) {
        if (spec == null || !KINDS.contains(spec.kind())) {
            return java.util.Optional.empty(); // loading says so
        }
        try {
            switch (spec.kind()) {
                case "marker" -> MarkerDataset.checkSettings(spec);
                case "csv" -> CsvDataset.checkSettings(spec);
                case "text-classes" -> TextClassDataset.checkSettings(spec);
                case "digits-caption" -> DigitsCaptionDataset.checkSettings(spec);
                default -> TripleDataset.checkSettings(spec);
            }
            return java.util.Optional.empty();
        } catch (DataException | DatasetSpec.BadSetting e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /**
     * What a dataset that loads may still have wrong, each as a line naming the setting: a CSV whose line 1, read as
     * its header, holds only numbers; a triples file whose test split repeats training triples. Call once it has loaded from {@code projectDir} (the file's folder allowed).
     */
    public static List<String> readWarnings(DatasetSpec spec, Path projectDir) {
        if (spec == null) {
            return List.of();
        }
        return switch (spec.kind()) {
            case "csv" -> CsvDataset.headerWarnings(spec, projectDir);
            case "triples" -> TripleDataset.readWarnings(spec, projectDir);
            default -> List.of();
        };
    }

    /**
     * Loads the dataset of a project, wherever its file lies: for callers that checked {@link DataPaths#outside}
     * and asked the user (or where the user picked the file themselves).
     *
     * @param projectDir folder of the project file; relative data paths start there
     */
    public static DatasetSplits load(DatasetSpec spec, Path projectDir) throws DataException {
        return load(spec, projectDir, true);
    }

    /**
     * Loads the dataset of a project; unless {@code allowOutside}, a file outside the project's folder is refused
     * (see {@link DataPaths}).
     */
    public static DatasetSplits load(DatasetSpec spec, Path projectDir, boolean allowOutside) throws DataException {
        if (!allowOutside) {
            var outside = DataPaths.outside(spec, projectDir);
            if (outside.isPresent()) {
                throw new DataException(outside.get().message());
            }
        }
        if (spec == null) {
            throw new DataException("the project has no dataset; add a \"dataset\" section (e.g. {\"kind\": \"marker\"})");
        }
        try {
            return switch (spec.kind()) {
                case "marker" -> MarkerDataset.generate(spec);
                case "csv" -> CsvDataset.load(spec, projectDir);
                case "text-classes" -> TextClassDataset.load(spec, projectDir);
                case "digits-caption" -> DigitsCaptionDataset.load(spec, projectDir);
                case "triples" -> TripleDataset.load(spec, projectDir);
                default -> throw new DataException("dataset.kind '" + spec.kind() + "' is not known; use one of "
                        + String.join(", ", KINDS.stream().sorted().toList()));
            };
        } catch (DatasetSpec.BadSetting e) {
            throw new DataException(e.getMessage());
        }
    }
}
