package dev.deepwire.testing;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.model.Project;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The marker sample made small for tests (sequences of 8, 16-wide blocks), so a training step takes milliseconds. */
public final class SmallMarker {
    private SmallMarker() {
    }

    /**
     * The sample with a marker dataset of sequence length 8 and these other dataset settings (e.g. {@code train},
     * {@code validation}, {@code vocabulary}, {@code seed}).
     */
    public static Project project(Map<String, Object> dataset) throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        p.graph().setParam("tokens", "length", 8);
        p.graph().setParam("embed", "dim", 16);
        p.graph().setParam("ffn", "hidden", 16);
        Map<String, Object> spec = new HashMap<>(dataset);
        spec.put("length", 8);
        p.setDataset(new DatasetSpec("marker", spec));
        return p;
    }
}
