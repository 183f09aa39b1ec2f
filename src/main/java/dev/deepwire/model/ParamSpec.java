package dev.deepwire.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A block parameter described as data: name, type, default, allowed range or choices, and help text.
 * The inspector, the checker, the compiler and the docs all read this one description.
 */
public record ParamSpec(String name, String label, ParamType type, Object defaultValue,
                        Double min, Double max, List<String> choices, String help) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ParamSpec ofInt(String name, String label, int def, int min, int max, String help) {
        return new ParamSpec(name, label, ParamType.INT, def, (double) min, (double) max, List.of(), help);
    }

    public static ParamSpec ofDouble(String name, String label, double def, double min, double max, String help) {
        return new ParamSpec(name, label, ParamType.DOUBLE, def, min, max, List.of(), help);
    }

    public static ParamSpec ofBoolean(String name, String label, boolean def, String help) {
        return new ParamSpec(name, label, ParamType.BOOLEAN, def, null, null, List.of(), help);
    }

    public static ParamSpec ofChoice(String name, String label, String def, List<String> choices, String help) {
        return new ParamSpec(name, label, ParamType.CHOICE, def, null, null, choices, help);
    }

    /**
     * Checks a value against this parameter's type and range.
     *
     * @return empty when valid, otherwise a message saying what is allowed
     */
    public Optional<String> validate(Object value) {
        if (value == null) {
            return Optional.of(named() + " has no value; set it to " + describeAllowed());
        }
        switch (type) {
            case INT -> {
                if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    return Optional.of(named() + " must be a whole number, " + describeAllowed() + "; got " + value);
                }
                return checkRange(n.doubleValue(), value);
            }
            case DOUBLE -> {
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    return Optional.of(named() + " must be a number, " + describeAllowed() + "; got " + value);
                }
                return checkRange(n.doubleValue(), value);
            }
            case BOOLEAN -> {
                return value instanceof Boolean ? Optional.empty()
                        : Optional.of(named() + " must be true or false; got " + value);
            }
            case CHOICE -> {
                return choices.contains(String.valueOf(value)) && value instanceof String ? Optional.empty()
                        : Optional.of(named() + " must be one of " + String.join(", ", choices) + "; got " + value);
            }
            default -> throw new IllegalStateException("unknown type " + type);
        }
    }

    /**
     * A number typed for this setting as its value — a whole number for a count (20 and 20.0 alike), any finite decimal
     * otherwise, written as a person writes it ({@link Decimals}: 1f, 0x1p3 and NaN are not) — or empty where the text
     * is not one. The range is {@link #validate}'s to check.
     */
    public Optional<Object> readNumber(String text) {
        double v;
        try {
            v = Decimals.parse(text);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (type != ParamType.INT) {
            return Optional.of(v);
        }
        return v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE ? Optional.of((int) v) : Optional.empty();
    }

    /**
     * The refusal of text that is not a number of this parameter's kind ("Heads (nHeads) must be a whole number, between 1
     * and 64; got 'four'"): the inspector's field and a sweep's typed value say it alike.
     */
    public String notANumber(String text) {
        return named() + " must be a " + (type == ParamType.INT ? "whole number" : "number") + ", " + describeAllowed()
                + "; got '" + text + "'";
    }

    /**
     * How a message names this parameter: as the inspector shows it, with the key a project file and the command line use
     * ("Size d (dim)"); the label alone where the two differ only in case ("Heads"). A message read in the window named
     * it by the key alone before ("dim must be between 1 and 8192"), a word the window never shows.
     */
    public String named() {
        return label == null || label.isBlank() ? name : label.equalsIgnoreCase(name) ? label : label + " (" + name + ")";
    }

    private Optional<String> checkRange(double v, Object raw) {
        if ((min != null && v < min) || (max != null && v > max)) {
            return Optional.of(named() + " must be " + describeAllowed() + "; got " + raw);
        }
        return Optional.empty();
    }

    /** A phrase such as "between 1 and 64" or "one of mean, max". */
    public String describeAllowed() {
        return switch (type) {
            case INT, DOUBLE -> "between " + fmt(min) + " and " + fmt(max);
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }

    private String fmt(Double d) {
        if (d == null) {
            return "any";
        }
        return type == ParamType.INT || d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
