package dev.deepwire.io;

import dev.deepwire.model.Node;
import dev.deepwire.model.Project;
import dev.deepwire.model.SimilarNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a project file holds that DeepWire does not read — a misspelt section ("trainig") or a block's misspelt key
 * ("parms") would otherwise leave the project training on defaults without a word — each as a line naming it, that
 * it is ignored and kept in the file, and the name it most likely meant.
 */
public final class UnknownKeys {
    private UnknownKeys() {
    }

    public static List<String> of(Project project) {
        List<String> lines = new ArrayList<>();
        project.extras().keySet().forEach(k -> lines.add(line(k, k, ProjectReader.TOP, "a section of a project")));
        for (Node n : project.graph().nodes()) {
            n.extras().keySet().forEach(k -> lines.add(line("nodes[" + n.id() + "]." + k, k, ProjectReader.NODE,
                    "a field of a block")));
        }
        project.sectionExtras("training").keySet().forEach(k -> lines.add(line("training." + k, k,
                ProjectReader.TRAINING, "a training setting")));
        return lines;
    }

    private static String line(String where, String key, Set<String> known, String what) {
        return SimilarNames.notRead(where, what, key, known, null);
    }
}
