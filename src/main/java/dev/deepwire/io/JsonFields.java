package dev.deepwire.io;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading one field of a project's JSON with the rules every part shares: a missing field takes its default, a
 * field of the wrong kind is a {@link ProjectFormatException} naming its JSON path and what was found instead.
 */
final class JsonFields {
    private JsonFields() {
    }

    static Object scalar(JsonNode v, String at) throws ProjectFormatException {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber()) {
            if (v.canConvertToInt()) {
                return v.intValue();
            }
            if (v.canConvertToLong()) {
                return v.longValue();
            }
            throw new ProjectFormatException(at, "the number " + v + " is too large");
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                throw new ProjectFormatException(at, "the number " + v + " is out of range");
            }
            return d;
        }
        throw new ProjectFormatException(at, "must be a number, text or true/false, not " + describe(v));
    }

    static int intField(JsonNode t, String name, int def) throws ProjectFormatException {
        JsonNode v = t.get(name);
        if (v == null) {
            return def;
        }
        Long whole = whole(v);
        if (whole != null && whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
            return whole.intValue();
        }
        if (whole == null && !wholeBeyond64Bits(v)) {
            throw new ProjectFormatException("training." + name, "must be a whole number; got " + shown(v));
        }
        // 2147483648 is a whole number: what is wrong with it is its size
        throw new ProjectFormatException("training." + name, "must be a whole number from " + Integer.MIN_VALUE + " to "
                + Integer.MAX_VALUE + "; got " + shown(v));
    }

    /**
     * The whole number a JSON number writes, exactly — {@code 20} and {@code 20.0} alike (as a block's settings read
     * them) — or null for a fraction, a value beyond 64 bits, or not a number.
     */
    private static Long whole(JsonNode v) {
        if (!v.isNumber()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? v.longValue() : null;
        }
        if (!Double.isFinite(v.doubleValue())) {
            return null; // 1e309 reads as infinity, which has no decimal value (it was an internal error, exit 3)
        }
        try {
            return v.decimalValue().longValueExact();
        } catch (ArithmeticException e) {
            return null; // 1.9, 1e308
        }
    }

    /** Whether a JSON number is whole but beyond 64 bits (or beyond what a double holds): too large, not a fraction. */
    private static boolean wholeBeyond64Bits(JsonNode v) {
        if (!v.isNumber()) {
            return false;
        }
        if (v.isIntegralNumber() || !Double.isFinite(v.doubleValue())) {
            return true;
        }
        return Math.abs(v.doubleValue()) >= 0x1p63 && v.doubleValue() == Math.rint(v.doubleValue());
    }

    /**
     * A value as a message shows it: a number beyond what a double holds (1e999, read as infinity) is said to be that,
     * not shown as the text "Infinity" the file never held.
     */
    static String shown(JsonNode v) {
        return v.isNumber() && !Double.isFinite(v.doubleValue())
                ? "a number beyond ±1.8e308, the largest a number here can be" : String.valueOf(v);
    }

    /**
     * A whole number of up to 64 bits, read exactly (a seed of 1.9 or 1e308 is refused, not cut to 1 or 2^63 − 1;
     * 42.0 is 42).
     */
    static long longField(JsonNode t, String name, long def) throws ProjectFormatException {
        JsonNode v = t.get(name);
        if (v == null) {
            return def;
        }
        Long whole = whole(v);
        if (whole == null) {
            throw new ProjectFormatException("training." + name, "must be a whole number from " + Long.MIN_VALUE
                    + " to " + Long.MAX_VALUE + "; got " + shown(v));
        }
        return whole;
    }

    static double numberField(JsonNode t, String name, double def) throws ProjectFormatException {
        JsonNode v = t.get(name);
        if (v == null) {
            return def;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new ProjectFormatException("training." + name, "must be a number; got " + shown(v));
        }
        return v.doubleValue();
    }

    static String requiredText(JsonNode n, String field, String at) throws ProjectFormatException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new ProjectFormatException(at + "." + field, "the field is missing");
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new ProjectFormatException(at + "." + field, "must be non-empty text, not " + describe(v));
        }
        return v.textValue();
    }

    static String text(JsonNode n, String field, String at, String def) throws ProjectFormatException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isTextual()) {
            throw new ProjectFormatException(at.equals("$") ? field : at + "." + field, "must be text, not " + describe(v));
        }
        // a name, label, description or note is shown: its bidi overrides and control characters as visible escapes
        return dev.deepwire.limits.VisibleText.of(v.textValue());
    }

    static String describe(JsonNode v) {
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isTextual()) {
            return "the text \"" + (v.textValue().length() > 40 ? v.textValue().substring(0, 40) + "…" : v.textValue()) + "\"";
        }
        if (v.isNull()) {
            return "null";
        }
        return v.toString();
    }
}
