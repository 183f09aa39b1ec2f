package dev.deepwire.io.files;

import dev.deepwire.io.WriteFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The system's own folders, which hold devices and the kernel's settings rather than files: {@code /dev}, {@code /proc},
 * {@code /sys} and the file systems of their kinds wherever mounted. A folder DeepWire makes for a run is never put
 * there: {@code deepwire train --out /dev}, as root, had written a run among the devices, and {@code --out
 * /proc/sys/kernel} said "a folder on the way does not exist" of a folder that is there.
 */
public final class SystemFolders {
    private static final Map<String, String> PLACES = Map.of("/dev", "the system's folder of devices",
            "/proc", "the kernel's view of processes and settings", "/sys", "the kernel's view of devices and drivers");
    private static final Set<String> SPECIAL_STORES = Set.of("proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2",
            "debugfs", "tracefs", "securityfs", "configfs", "pstore", "bpf", "mqueue", "binfmt_misc", "efivarfs",
            "fusectl", "hugetlbfs");

    private SystemFolders() {
    }

    /**
     * Refuses {@code dir} (which need not exist yet) where it is in, or leads through links to, one of the system's
     * folders or a file system of theirs, saying which and what a run folder must be; nothing is created.
     */
    public static void requirePlainFolder(Path dir, String what) throws WriteFailure {
        Path abs = dir.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            return; // unreadable: creating the folder says why
        }
        for (var place : PLACES.entrySet()) {
            if (real.startsWith(place.getKey())) {
                throw refusal(dir, place.getKey() + ", " + place.getValue(), what);
            }
        }
        try {
            String type = Files.getFileStore(real).type();
            if (SPECIAL_STORES.contains(type)) {
                throw refusal(dir, "a file system of the kind '" + type + "' (" + real + ")", what);
            }
        } catch (WriteFailure e) {
            throw e;
        } catch (IOException e) {
            // no file store to tell: the folder's own checks follow
        }
    }

    private static WriteFailure refusal(Path dir, String place, String what) {
        return new WriteFailure(dir, "it is in " + place + ", not a folder for files; " + what
                + " must be a plain folder on a normal file system (for example runs/first in the project's folder)");
    }
}
