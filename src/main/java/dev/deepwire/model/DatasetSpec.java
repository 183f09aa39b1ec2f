package dev.deepwire.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which data a project trains on: a kind the {@code data} package knows (e.g. {@code marker}) and its
 * settings (sizes, seed, file paths relative to the project).
 */
public record DatasetSpec(String kind, Map<String, Object> params) {
    public DatasetSpec {
        Objects.requireNonNull(kind, "kind");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public int intParam(String name, int fallback) {
        Object v = params.get(name);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    public long longParam(String name, long fallback) {
        Object v = params.get(name);
        return v instanceof Number n ? n.longValue() : fallback;
    }
}
