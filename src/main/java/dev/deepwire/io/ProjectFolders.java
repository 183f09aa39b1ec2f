package dev.deepwire.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The folders DeepWire picks by itself inside a project's folder, where nobody named the place: {@code runs/} and
 * {@code sweeps/} beside the project file, a new run or sweep folder in them. Such a folder is written only where it
 * lies inside the folder that holds it: one that is a symbolic link leading out of it (a project downloaded or cloned
 * with {@code runs -> ~/.ssh}) is refused, naming the link, where it leads and the fix, and nothing is created there.
 * A link that stays inside (runs/ pointing to data/runs) is followed. A folder the user names ({@code train --out},
 * {@code walkthrough --out}, a file chooser) is the user's choice and is not checked here.
 */
public final class ProjectFolders {
    private static final int MAX_LINKS = 40;

    private ProjectFolders() {
    }

    /** The file a live run holds an OS lock on in its folder (training.RunFolderLock). */
    public static final String RUN_LOCK_FILE = ".run.lock";

    /**
     * The project's runs folder: {@code runs/} beside the project file — except for a project kept in a run's folder
     * ({@code runs/<run>/project.dwproj}, opened to train again): run folders hold one run, and its runs had nested
     * inside that run's folder ({@code runs/<run>/runs/…}), deleted with it and never listed. They go to the folder
     * that holds that run (the outermost run folder around the project, for runs already nested so).
     */
    public static Path runs(Path projectFile) {
        Path run = enclosingRun(folderOf(projectFile));
        return run != null && run.getParent() != null ? run.getParent() : folderOf(projectFile).resolve("runs");
    }

    /**
     * The project's sweeps folder: {@code sweeps/} beside the project file; for a project kept in a run's folder,
     * beside the {@code runs/} folder that holds that run (inside it, when the folder of runs has another name).
     */
    public static Path sweeps(Path projectFile) {
        Path run = enclosingRun(folderOf(projectFile));
        if (run == null || run.getParent() == null) {
            return folderOf(projectFile).resolve("sweeps");
        }
        Path runsFolder = run.getParent();
        boolean named = runsFolder.getFileName() != null && runsFolder.getFileName().toString().equals("runs");
        return (named && runsFolder.getParent() != null ? runsFolder.getParent() : runsFolder).resolve("sweeps");
    }

    /**
     * Whether {@code dir} is a run's folder: it holds {@code run.json}, a live run's lock, or a model beside its
     * metrics (a run of {@code deepwire train}).
     */
    public static boolean isRunFolder(Path dir) {
        return Files.exists(dir.resolve("run.json"), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(dir.resolve(RUN_LOCK_FILE), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(dir.resolve("metrics.csv")) && Files.exists(dir.resolve("model.zip"));
    }

    /** The outermost run folder that is {@code dir} or holds it, or null when it lies in none. */
    public static Path enclosingRun(Path dir) {
        Path found = null;
        for (Path up = dir.toAbsolutePath().normalize(); up != null; up = up.getParent()) {
            if (isRunFolder(up)) {
                found = up;
            }
        }
        return found;
    }

    private static Path folderOf(Path projectFile) {
        Path parent = projectFile.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /**
     * Refuses {@code folder} when it is a symbolic link (however many deep) whose target lies outside the folder that
     * holds it, links on both sides followed; a plain folder, a missing one, or a link that stays inside passes.
     *
     * @throws WriteFailure "it is a symbolic link to X, outside Y; …" with the fix
     */
    public static void requireNoLinkOut(Path folder) throws WriteFailure {
        Path abs = folder.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isSymbolicLink(abs)) {
            return;
        }
        Path home = real(parent);
        Path where;
        try {
            if (Files.exists(abs)) {
                where = abs.toRealPath(); // where the system itself leads
            } else {
                // a link to nothing: followed as written, to say where it would lead
                Path target = abs;
                for (int links = 0; Files.isSymbolicLink(target); links++) {
                    if (links == MAX_LINKS) {
                        throw new WriteFailure(abs, "it is a symbolic link in a loop; replace it with a folder");
                    }
                    target = real(target.getParent()).resolve(Files.readSymbolicLink(target)).normalize();
                }
                where = real(target);
            }
        } catch (WriteFailure e) {
            throw e;
        } catch (IOException e) {
            throw WriteFailure.of(abs, e);
        }
        if (!where.startsWith(home)) {
            throw new WriteFailure(abs, "it is a symbolic link to " + where + ", outside " + home + ". Replace it "
                    + "with a real folder (rm '" + abs + "' removes only the link) or move the whole project to where its "
                    + "files should go: DeepWire never writes a project's own folders through a link that leads out of it "
                    + "(a project made elsewhere could point it anywhere)");
        }
    }

    /** The path with links followed as far as it exists (the rest appended as written). */
    private static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            try {
                return p.toRealPath().resolve(p.relativize(abs)).normalize();
            } catch (IOException e) {
                // not there (yet): try its parent
            }
        }
        return abs;
    }
}
