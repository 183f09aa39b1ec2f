package dev.deepwire.training;

import dev.deepwire.io.WriteFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * What a run folder holds: the files a run writes (and which ones make a folder a run's), the project it trained,
 * its model, and the removal of an earlier run's files all or none. Where run folders are made and claimed is
 * {@link RunFolders}.
 */
public final class RunFiles {
    /** The files a run writes; a folder holding any of them holds a run. */
    private static final Pattern RUN_FILE = Pattern.compile(
            "metrics\\.csv|model\\.zip|run\\.json|best\\.zip|\\.paused-model\\.zip|checkpoint-epoch-\\d+\\.zip|model-[\\w-]+\\.zip");
    /**
     * The project a run trained, kept in its folder as the run begins, whoever trains it (the window, its fallback,
     * {@code deepwire train}, a sweep): Evaluate and Inspect of the run read it once the project is edited.
     */
    public static final String KEPT_PROJECT = "project.dwproj";

    private RunFiles() {
    }

    /** Whether a run writes (or, with --overwrite, deletes) a file of this name in its folder. */
    public static boolean isRunFile(String fileName) {
        return RUN_FILE.matcher(fileName).matches();
    }

    /**
     * Removes an earlier run's files all or none: each is first moved into a hidden folder beside them, and when one
     * cannot be moved (no permission, an immutable file) those already moved go back, so the earlier run stays whole.
     */
    static void removeWhole(Path dir, List<Path> found) throws WriteFailure {
        Path aside;
        try {
            aside = Files.createTempDirectory(dir, ".replaced-run-");
        } catch (IOException e) {
            throw new WriteFailure(found.get(0), "cannot delete the earlier run's file: " + WriteFailure.reason(e));
        }
        List<Path> moved = new ArrayList<>();
        for (Path f : found) {
            try {
                moved.add(Files.move(f, aside.resolve(f.getFileName())));
            } catch (IOException e) {
                for (int i = moved.size() - 1; i >= 0; i--) {
                    try {
                        Files.move(moved.get(i), dir.resolve(moved.get(i).getFileName()));
                    } catch (IOException back) {
                        // left in the hidden folder; the message below still says the run was not replaced
                    }
                }
                deleteQuietly(aside);
                throw new WriteFailure(f, "cannot delete the earlier run's file: " + WriteFailure.reason(e)
                        + "; the earlier run was left as it was");
            }
        }
        for (Path f : moved) {
            deleteQuietly(f);
        }
        deleteQuietly(aside);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover in the hidden folder holds no run: the folder is still claimed for the new one
        }
    }

    static List<Path> runFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>(files.filter(f -> RUN_FILE.matcher(f.getFileName().toString()).matches())
                    .toList());
            Path kept = dir.resolve(KEPT_PROJECT);
            if (!found.isEmpty() && Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) {
                found.add(kept); // the earlier run's copy goes with it; alone, it is a project file of the user's
            }
            return found;
        } catch (IOException e) {
            throw new WriteFailure(dir, "cannot list the folder: " + WriteFailure.reason(e));
        }
    }

    /** Where a run folder keeps the project it trained. */
    public static Path keptProjectFile(Path dir) {
        return dir.resolve(KEPT_PROJECT);
    }

    /**
     * Keeps the project a run trains in its folder ({@value #KEPT_PROJECT}), through the one atomic writer. A file of
     * that name in a folder that holds no run files (a folder the user named for the run, where a project of that name
     * lives) is no run's copy: it is left as it is. Returns why the copy was not kept, or null when it was.
     */
    public static String keepProject(dev.deepwire.model.Project project, Path dir) {
        Path file = keptProjectFile(dir);
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && runFiles(dir).isEmpty()) {
                return file + " is not a run's copy of its project (this folder holds no run): it is left as it is";
            }
            new dev.deepwire.io.ProjectWriter().write(project, file);
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * Where a run's model went: {@code problem} says why it is not at {@code dir/model.zip} (null when it is): the
     * reason {@code model.zip} could not be written.
     */
    public record SavedModel(Path file, String problem) {
    }

    /**
     * Saves a trained model as {@code dir/model.zip} or, when that cannot be written (it is a folder, the disk is
     * full, no permission), beside it as {@code model-<time>.zip} or else in the system's temporary folder.
     *
     * @throws WriteFailure when the model could be written nowhere: the message says why, for each place tried
     */
    public static SavedModel saveModel(ComputationGraph model, Path dir) throws WriteFailure {
        Path wanted = dir.resolve("model.zip");
        String problem;
        try {
            TrainingEngine.save(model, wanted);
            return new SavedModel(wanted, null);
        } catch (UncheckedIOException e) {
            problem = e.getCause() instanceof WriteFailure w ? w.reason() : e.getMessage();
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        List<String> also = new ArrayList<>();
        for (Path alternative : List.of(dir.resolve("model-" + stamp + ".zip"),
                Path.of(System.getProperty("java.io.tmpdir")).resolve("deepwire-model-" + stamp + "-"
                        + Long.toHexString(System.nanoTime()) + ".zip"))) {
            try {
                TrainingEngine.save(model, alternative);
                return new SavedModel(alternative, problem);
            } catch (UncheckedIOException e) {
                also.add(e.getMessage());
            }
        }
        throw new WriteFailure(wanted, problem + "; nor could it be saved elsewhere (" + String.join("; ", also)
                + "), so the trained model was lost");
    }
}
