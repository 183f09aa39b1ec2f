package dev.deepwire.model;

import java.math.BigDecimal;
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

    /**
     * A whole-number setting, {@code fallback} when it is not there. A value that is not a whole number that fits (text
     * such as "100", 200.9, 4294967396) is refused with a {@link BadSetting} naming it, never rounded or wrapped round.
     */
    public int intParam(String name, int fallback) {
        long v = longParam(name, fallback);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new BadSetting("dataset." + name + " must be a whole number up to 2,147,483,647, not " + params.get(name));
        }
        return (int) v;
    }

    /** As {@link #intParam}, for settings as wide as a long (seeds). */
    public long longParam(String name, long fallback) {
        Number n = typed(name, Number.class, "a number");
        if (n == null) {
            return fallback;
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        try {
            return new BigDecimal(n.toString()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadSetting("dataset." + name + " must be a whole number, not " + n);
        }
    }

    /** A true/false setting, {@code fallback} when it is not there; anything else (the text "false") is refused. */
    public boolean boolParam(String name, boolean fallback) {
        Boolean b = typed(name, Boolean.class, "true or false");
        return b == null ? fallback : b;
    }

    /** A number setting, {@code fallback} when it is not there; text (such as "0.2") is refused, not ignored. */
    public double doubleParam(String name, double fallback) {
        Number n = typed(name, Number.class, "a number");
        return n == null ? fallback : n.doubleValue();
    }

    /** The setting as a {@code type}, null when it is not there; a value of another kind is refused by name. */
    private <T> T typed(String name, Class<T> type, String what) {
        Object v = params.get(name);
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        throw new BadSetting("dataset." + name + " must be " + what + ", not "
                + (v instanceof String t ? "the text \"" + t + "\"" : v));
    }

    /** A dataset setting of the wrong kind: the message names it and says what it must be. */
    public static final class BadSetting extends IllegalArgumentException {
        public BadSetting(String message) {
            super(message);
        }
    }
}
