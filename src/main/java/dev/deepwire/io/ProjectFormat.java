package dev.deepwire.io;

import dev.deepwire.limits.Limits;

/** Constants of the {@code .dwproj} format. */
public final class ProjectFormat {
    public static final String FORMAT = "deepwire-project";
    public static final int VERSION = 1;
    public static final String EXTENSION = ".dwproj";
    /** Larger files are refused before parsing: real projects are a few kilobytes. */
    public static final long MAX_BYTES = Limits.PROJECT_FILE_BYTES;

    private ProjectFormat() {
    }
}
