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
        Object v = params.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new BadSetting("dataset." + name + " must be a number, not " + (v instanceof String t ? "the text \"" + t
                    + "\"" : v));
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
        Object v = params.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new BadSetting("dataset." + name + " must be true or false, not " + (v instanceof String t
                    ? "the text \"" + t + "\"" : v));
        }
        return b;
    }

    /** A number setting, {@code fallback} when it is not there; text (such as "0.2") is refused, not ignored. */
    public double doubleParam(String name, double fallback) {
        Object v = params.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new BadSetting("dataset." + name + " must be a number, not " + (v instanceof String t ? "the text \"" + t
                    + "\"" : v));
        }
        return n.doubleValue();
    }

    /** A dataset setting of the wrong kind: the message names it and says what it must be. */
    public static final class BadSetting extends IllegalArgumentException {
        public BadSetting(String message) {
            super(message);
        }
    }
}
