package dev.deepwire.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepwire.training.RunFolders;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@code sweep.json} read back before anything is planned from it, so a file edited by hand or by someone
 * else (a run name with {@code /} or {@code ..}, a wrong type, a missing field) stops a resume at once with the JSON
 * path at fault, before any run trains, instead of runs training for nothing or files landing outside {@code runs/}.
 */
final class SweepFileCheck {
    /** A sweep of the most runs allowed writes a few MB; a larger file is not one DeepWire wrote. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final Set<String> STATUSES = Set.of("PENDING", "FINISHED", "FAILED");

    private SweepFileCheck() {
    }

    /** @throws SweepSpecException naming the file, the JSON path and what is wrong */
    static void check(Path file, JsonNode root) throws SweepSpecException {
        if (!root.isObject()) {
            throw bad(file, "$", "is not a JSON object");
        }
        text(file, root, "projectFile");
        folderName(file, "name", text(file, root, "name"));
        JsonNode spec = root.path("spec");
        if (!spec.isObject()) {
            throw bad(file, "spec", "is missing or not an object");
        }
        JsonNode params = spec.path("params");
        if (!params.isObject()) {
            throw bad(file, "spec.params", "is missing or not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "spec.params." + e.getKey();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw bad(file, at, "is not a list of values");
            }
            for (JsonNode v : e.getValue()) {
                if (!v.isTextual() || v.asText().isBlank()) {
                    throw bad(file, at, "holds a value that is not a text");
                }
            }
        }
        if (!spec.path("seeds").isIntegralNumber() || !spec.path("seeds").canConvertToInt()) {
            throw bad(file, "spec.seeds", "is missing or not a whole number");
        }
        if (!spec.path("maxSteps").isIntegralNumber() || !spec.path("maxSteps").canConvertToLong()) {
            throw bad(file, "spec.maxSteps", "is missing or not a whole number");
        }
        JsonNode runs = root.path("runs");
        if (!runs.isArray()) {
            throw bad(file, "runs", "is missing or not a list");
        }
        for (int i = 0; i < runs.size(); i++) {
            run(file, "runs[" + i + "]", runs.get(i));
        }
    }

    private static void run(Path file, String at, JsonNode run) throws SweepSpecException {
        if (!run.isObject()) {
            throw bad(file, at, "is not an object");
        }
        folderName(file, at + ".name", text(file, run, at + ".name", "name"));
        JsonNode settings = run.path("settings");
        if (!settings.isObject()) {
            throw bad(file, at + ".settings", "is missing or not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw bad(file, at + ".settings." + e.getKey(), "is not a text");
            }
        }
        JsonNode status = run.path("status");
        if (!status.isMissingNode() && !(status.isTextual() && STATUSES.contains(status.asText()))) {
            throw bad(file, at + ".status", "must be PENDING, FINISHED or FAILED");
        }
    }

    private static String text(Path file, JsonNode node, String field) throws SweepSpecException {
        return text(file, node, field, field);
    }

    private static String text(Path file, JsonNode node, String at, String field) throws SweepSpecException {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw bad(file, at, "is missing or not a text");
        }
        return v.asText();
    }

    /** A sweep's or run's name becomes a folder in runs/: one plain folder name, nothing a path could make of it. */
    private static void folderName(Path file, String at, String name) throws SweepSpecException {
        if (!RunFolders.safeName(name).equals(name)) {
            throw bad(file, at, "'" + name + "' is not a plain folder name (no /, \\, .., control characters; "
                    + "at most 64 characters)");
        }
    }

    private static SweepSpecException bad(Path file, String at, String problem) {
        return new SweepSpecException(file + ": " + at + " " + problem + "; this is not a sweep.json DeepWire wrote: "
                + "start a new sweep instead of resuming this one");
    }
}
