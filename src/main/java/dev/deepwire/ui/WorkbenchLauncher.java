package dev.deepwire.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.application.Application;

/**
 * Starts the JavaFX workbench from a plain main class (a main in an Application subclass fails on the class path):
 * empty, or on the project file named as the only argument ({@code deepwire lesson.dwproj}, which is what the
 * desktop's file association runs). Without a display it says so in one line and points at the headless commands.
 */
public final class WorkbenchLauncher {
    /** Exit code when the workbench cannot start here (no display) or its file cannot be opened. */
    public static final int CANNOT_START = 2;
    static final String NO_DISPLAY = "deepwire: no display to open the workbench on. The command line works without one: "
            + "deepwire --help (validate, train, export, inspect)";

    private static final Set<String> COMMANDS = Set.of("validate", "train", "bench", "inspect", "blocks", "export", "help");

    private WorkbenchLauncher() {
    }

    /**
     * Whether the arguments ask for the workbench on a project file: a single argument that is not an option or a
     * command and names an existing file or ends in {@code .dwproj}.
     */
    public static Optional<Path> projectArgument(String[] args) {
        if (args.length != 1 || args[0].startsWith("-") || COMMANDS.contains(args[0])) {
            return Optional.empty();
        }
        Path p = Path.of(args[0]);
        return Files.isRegularFile(p) || args[0].toLowerCase(Locale.ROOT).endsWith(".dwproj") ? Optional.of(p)
                : Optional.empty();
    }

    /**
     * Runs the workbench until its last window closes and returns the exit code: 0, or {@link #CANNOT_START} after a
     * one-line message (the file is missing or unreadable, or there is no display).
     */
    public static int launchOn(Path file) {
        if (file != null && !Files.isRegularFile(file)) {
            // said as the command line says it: a pipe or device named here is there, only not a file to open
            System.err.println("deepwire: " + file + (Files.isDirectory(file) ? ": is a folder, not a project file"
                    : Files.exists(file) ? ": is not a regular file (a device, pipe or socket); DeepWire opens a project "
                    + "only from an ordinary file" : ": no such project file")
                    + "; check the path, or run deepwire with no arguments to start empty");
            return CANNOT_START;
        }
        if (file != null && !Files.isReadable(file)) {
            System.err.println("deepwire: " + file + ": cannot be read (check its permissions)");
            return CANNOT_START;
        }
        if (!hasDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"))) {
            System.err.println(NO_DISPLAY);
            return CANNOT_START;
        }
        WorkbenchApp.backendDescription(); // before any JavaFX thread opens a library: see there
        try {
            Application.launch(WorkbenchApp.class, file == null ? new String[0] : new String[] {file.toAbsolutePath().toString()});
            return 0;
        } catch (RuntimeException | LinkageError e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Exception in Application start method")) {
                // the display was there; the workbench's own start failed (it had been reported as "no display")
                System.err.println("deepwire: the workbench could not start: " + firstLine(e.getCause() == null ? e : e.getCause()));
                return CANNOT_START;
            }
            // JavaFX could not start its toolkit (a display that refuses the connection, missing GTK libraries).
            System.err.println(NO_DISPLAY + " (JavaFX: " + firstLine(e) + ")");
            return CANNOT_START;
        }
    }

    /** On Linux and other X11/Wayland systems a window needs DISPLAY or WAYLAND_DISPLAY (unless a test platform is set). */
    static boolean hasDisplay(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (glassPlatform != null || os.contains("win") || os.contains("mac")) {
            return true;
        }
        return !blank(env.get("DISPLAY")) || !blank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
