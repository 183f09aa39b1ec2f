package dev.deepwire.io.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A save refused because the file is no longer the version the saver read: another DeepWire window or process (or
 * another program) saved it in between. Nothing was written; the saver still holds its work.
 */
public final class ChangedOnDisk extends IOException {
    private final transient Path file;

    public ChangedOnDisk(Path file) {
        super(file + " was saved by another DeepWire window or program since this version was read; nothing was "
                + "written, so neither version is lost");
        this.file = file;
    }

    /** The file that changed. */
    public Path file() {
        return file;
    }
}
