package dev.deepwire.cli;

import dev.deepwire.io.ProjectFolders;
import dev.deepwire.io.WriteFailure;
import dev.deepwire.model.Project;
import dev.deepwire.sweep.HeadlessSweepRun;
import dev.deepwire.sweep.SweepExecutor;
import dev.deepwire.sweep.SweepExecutors;
import dev.deepwire.sweep.SweepFolder;
import dev.deepwire.sweep.SweepPlan;
import dev.deepwire.sweep.SweepRunRecord;
import dev.deepwire.sweep.SweepRunner;
import dev.deepwire.sweep.SweepSpec;
import dev.deepwire.sweep.SweepSpecException;
import dev.deepwire.sweep.SweepTask;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deepwire sweep FILE --param KEY=v1,v2 … [--seeds N]}: trains every combination, each as its own run. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train every combination of the values given (times the seeds), each as a run",
                "of its own in the project's runs/ folder, several at once; print each run as",
                "it ends, then a table best first by the project's selection figure.",
                "The sweep's state is kept in DIR/sweep.json: run the same command again with",
                "--out DIR, or --resume DIR, to rerun only the runs that did not finish.",
                "Exit code 0 when every run finished, 1 when any failed, 2 for bad arguments."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the .dwproj project file (with "
            + "--resume: the sweep's project, needed unless DIR is in that project's sweeps/ folder)")
    Path file;

    @Option(names = "--param", paramLabel = "KEY=v1,v2,...",
            description = "a setting and its values: training.<setting> (learningRate, batchSize, epochs, optimizer, "
                    + "seed, validationSplit, …) or <blockId>.<parameter> (e.g. attn.heads=2,4); repeatable")
    List<String> params = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "runs per combination, with the project's seed, seed+1, … (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "0",
            description = "stop each run after N steps (default: 0, the project's epochs decide)")
    long maxSteps;

    @Option(names = "--parallel", paramLabel = "N",
            description = "runs at once (default: one per processor; with Spark: local[N])")
    Integer parallel;

    @Option(names = "--master", paramLabel = "URL",
            description = "a Spark master (local[*], spark://host:7077); only in a build made with -Pspark")
    String master;

    @Option(names = "--out", paramLabel = "DIR",
            description = "the sweep's folder (default: a new sweeps/<project>-sweep-<time> beside the project file); "
                    + "one that holds this same sweep resumes it")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "resume the sweep in DIR: rerun its unfinished and failed runs")
    Path resume;

    @picocli.CommandLine.Mixin
    DataAccessOption dataAccess;

    @Override
    public Integer call() throws CliException {
        try {
            return sweep();
        } catch (SweepSpecException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    private int sweep() throws CliException, SweepSpecException, IOException {
        if (file == null && resume == null) {
            throw new CliException(ExitCodes.BAD_INPUT, "give the project FILE to sweep, or --resume DIR");
        }
        SweepFolder folder = null;
        Path sweepDir = resume != null ? resume : out;
        if (resume != null && (!params.isEmpty() || seeds != 1 || maxSteps != 0 || out != null)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--resume DIR reruns the sweep as DIR/sweep.json describes it: "
                    + "leave out --param, --seeds, --max-steps and --out");
        }
        if (sweepDir != null && SweepFolder.exists(sweepDir)) {
            folder = SweepFolder.open(sweepDir);
        } else if (resume != null) {
            throw new CliException(ExitCodes.BAD_INPUT, "--resume " + resume + ": no " + SweepFolder.FILE + " there");
        } else if (out != null) {
            OutputPaths.requireFolder(out, "--out");
            requireNewFolder(out, SweepRunner.runsDir(file));
        }
        if (folder != null && file != null && out != null && !OutputPaths.sameFile(folder.projectFile(), file)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--out " + out + " holds a sweep of " + folder.projectFile()
                    + ", not of " + file + "; choose a new --out folder");
        }
        // the project named by the user, or the one sweep.json records only where DeepWire keeps a sweep of it
        Path projectFile = folder != null ? folder.projectToResume(file) : file;
        ProjectSession session;
        try {
            session = ProjectSession.open(projectFile);
        } catch (CliException e) {
            if (folder == null) {
                throw e;
            }
            throw new CliException(e.exitCode(), folder.dir().resolve(SweepFolder.FILE) + " sweeps the project "
                    + projectFile + ", which cannot be opened: " + e.getMessage());
        }
        dataAccess.check(session);
        Project project = session.project;
        SweepSpec spec = folder != null ? folder.spec() : SweepSpec.parse(params, seeds, maxSteps);
        if (folder != null && file != null && out != null && !spec.equals(SweepSpec.parse(params, seeds, maxSteps))) {
            throw new CliException(ExitCodes.BAD_INPUT, "--out " + out + " holds another sweep (" + describe(spec)
                    + "); choose a new --out folder, or finish that one with " + folder.resumeCommand());
        }
        Path runsDir = SweepRunner.runsDir(projectFile);
        ProjectFolders.requireNoLinkOut(runsDir); // before any run trains: none could be kept there
        if (folder == null) {
            SweepPlan.tasks(session.project, projectFile, spec, "check"); // every key and value, before anything is made
        }
        // a new sweep without --out gets a folder of its own; one in a folder named (--out, --resume) holds it
        try (SweepExecutor executor = SweepExecutors.open(master, parallel);
             SweepFolder.Lock held = SweepFolder.Lock.on(folder != null ? folder.dir() : out)) {
            return sweep(session, folder, spec, sweepDir, runsDir, executor);
        }
    }

    private int sweep(ProjectSession session, SweepFolder folder, SweepSpec spec, Path sweepDir, Path runsDir,
                      SweepExecutor executor) throws CliException, SweepSpecException, IOException {
        Project project = session.project;
        Path projectFile = session.file;
        String sweepName;
        if (folder != null) {
            sweepName = folder.name();
        } else {
            if (out != null) {
                OutputPaths.requireFolder(out, "--out");
                sweepName = SweepFolder.newName(runsDir, project.name());
            } else {
                sweepDir = SweepFolder.createNew(ProjectFolders.sweeps(projectFile), runsDir, project.name());
                sweepName = sweepDir.getFileName().toString();
            }
        }
        List<SweepTask> tasks = SweepPlan.tasks(project, projectFile, spec, sweepName);
        PrintStream console = Console.out();
        SweepRunner runner;
        List<SweepTask> todo;
        if (folder == null) {
            try {
                java.nio.file.Files.createDirectories(sweepDir);
            } catch (IOException e) {
                throw WriteFailure.of(sweepDir, e);
            }
            folder = SweepFolder.create(sweepDir, projectFile, sweepName, spec, tasks);
            runner = new SweepRunner(folder, runsDir);
            todo = tasks;
        } else {
            runner = new SweepRunner(folder, runsDir);
            runner.checkSamePlan(tasks);
            todo = runner.unfinished(tasks);
            List<String> foreign = runner.foreignRunFolders(todo);
            if (!foreign.isEmpty()) {
                throw new CliException(ExitCodes.BAD_INPUT, runsDir.resolve(foreign.get(0)) + " holds a run that the sweep "
                        + folder.dir().resolve(SweepFolder.FILE) + " did not write (" + foreign.size() + " such); "
                        + "it is kept: move it out of runs/, or start a new sweep");
            }
            sayResumed(console, folder, todo);
        }
        boolean higher = SweepRunRecord.higherIsBetter(SweepRunRecord.selectionFor(project.training()));
        String figure = SweepRunRecord.selectionFor(project.training());
        console.printf(Locale.ROOT, "sweep %s: %d runs (%d to run) on %s; state in %s%n", sweepName, tasks.size(),
                todo.size(), executor.describe(), TerminalSafeStream.path(folder.dir().resolve(SweepFolder.FILE)));
        Thread hook = new Thread(executor::close, "deepwire-sweep-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            runner.run(todo, executor, new HeadlessSweepRun(spec.maxSteps(), 10),
                    e -> console.println(line(e, spec, figure)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INVALID, "the sweep was interrupted; its finished runs are kept: "
                    + "resume with '" + folder.resumeCommand() + "'");
        } finally {
            removeHook(hook);
        }
        List<SweepFolder.Entry> all = folder.entries();
        console.println();
        console.println("runs, best first by " + figure + ":");
        int rank = 1;
        for (SweepFolder.Entry e : SweepRunner.ranked(all, higher)) {
            console.printf(Locale.ROOT, "%3s  %s%n", e.finished() ? String.valueOf(rank++) : "-", line(e, spec, figure));
        }
        long failed = all.stream().filter(e -> !e.finished()).count();
        long kept = all.stream().filter(e -> Files.isRegularFile(runsDir.resolve(e.runName()).resolve("run.json"))).count();
        console.println("the sweep's " + kept + (kept == 1 ? " run folder is" : " run folders are") + " in "
                + TerminalSafeStream.path(runsDir));
        if (failed > 0) {
            console.printf(Locale.ROOT, "%d of %d runs FAILED; once their cause is fixed, rerun only them with: %s%n", failed,
                    all.size(), TerminalSafeStream.path(folder.resumeCommand()));
            return ExitCodes.INVALID;
        }
        return ExitCodes.OK;
    }

    /**
     * Refuses (exit 2) an {@code --out} that holds no sweep and is not a new or empty folder: a file, a link to
     * nothing, a folder with other files (an unrelated run), or a folder inside the project's runs/.
     */
    private static void requireNewFolder(Path out, Path runsDir) throws CliException {
        String fix = "; give a new or empty folder (or one holding a sweep, to resume it)";
        if (Files.isSymbolicLink(out) && !Files.exists(out)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--out " + out + " is a link to nothing" + fix);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--out " + out + " is a file, not a folder" + fix);
        }
        if (real(out).startsWith(real(runsDir))) {
            throw new CliException(ExitCodes.BAD_INPUT, "--out " + out + " is inside the project's runs folder "
                    + runsDir + ", which holds run folders only" + fix);
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> files = Files.list(out)) {
                List<String> names = files.map(f -> f.getFileName().toString())
                        .filter(n -> !n.equals(".sweep.lock")).sorted().limit(4).toList();
                if (!names.isEmpty()) {
                    throw new CliException(ExitCodes.BAD_INPUT, "--out " + out + " already holds files ("
                            + String.join(", ", names.subList(0, Math.min(3, names.size())))
                            + (names.size() > 3 ? ", …" : "") + ") but no " + SweepFolder.FILE + fix);
                }
            } catch (IOException e) {
                throw new CliException(ExitCodes.BAD_INPUT, "--out " + out + " cannot be listed: " + WriteFailure.reason(e));
            }
        }
    }

    /** The path with links followed as far as it exists (a link to a folder in runs/ is in runs/). */
    private static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            try {
                return p.toRealPath().resolve(p.relativize(abs));
            } catch (IOException e) {
                // not there (yet): try its parent
            }
        }
        return abs;
    }

    private static void sayResumed(PrintStream console, SweepFolder folder, List<SweepTask> todo) {
        List<String> rerun = todo.stream().map(SweepTask::runName).toList();
        for (SweepFolder.Entry e : folder.entries()) {
            if (!rerun.contains(e.runName())) {
                console.println("skipping finished run " + e.runName());
            } else if (e.status().equals("FAILED")) {
                console.println("rerunning failed run " + e.runName() + " (" + e.reason() + ")");
            } else if (e.finished()) {
                console.println("rerunning run " + e.runName() + " (its run folder lost its run.json)");
            } else {
                console.println("running unfinished run " + e.runName());
            }
        }
    }

    private static String line(SweepFolder.Entry e, SweepSpec spec, String figure) {
        return String.format(Locale.ROOT, "%s  %s  %s", e.runName(), SweepPlan.describe(spec, e.settings()),
                e.finished() ? "FINISHED  " + figure + " " + (Double.isFinite(e.metric())
                        ? String.format(Locale.ROOT, "%.4f", e.metric()) : "not measured")
                        : "FAILED: " + e.reason());
    }

    private static String describe(SweepSpec spec) {
        List<String> parts = new ArrayList<>();
        spec.params().forEach((k, v) -> parts.add(k + "=" + String.join(",", v)));
        parts.add("seeds " + spec.seeds());
        return String.join(" ", parts);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs
        }
    }
}
