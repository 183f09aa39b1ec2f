package dev.deepwire.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A block placed on the canvas: a stable readable id (it doubles as the DL4J vertex name), its block
 * type, a label, named parameter values and a position. Mutated only through commands.
 */
public final class Node {
    /** Ids are readable and safe as DL4J vertex names and in {@code node.port} references. */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private final String id;
    private final String type;
    private String label;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private double x;
    private double y;
    private final Map<String, Object> extras = new LinkedHashMap<>();

    public Node(String id, String type, String label, Map<String, Object> params, double x, double y) {
        if (!ID_PATTERN.matcher(Objects.requireNonNull(id, "id")).matches()) {
            throw new IllegalArgumentException("node id '" + id
                    + "' must start with a letter and use only letters, digits, '_' or '-' (64 at most)");
        }
        this.id = id;
        this.type = Objects.requireNonNull(type, "type");
        this.label = label == null ? id : label;
        this.params.putAll(params);
        this.x = x;
        this.y = y;
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String label() {
        return label;
    }

    void setLabel(String label) {
        this.label = label;
    }

    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    public Object param(String name) {
        return params.get(name);
    }

    /** Sets a parameter; {@code null} removes it. Returns the previous value. */
    Object putParam(String name, Object value) {
        return value == null ? params.remove(name) : params.put(name, value);
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    void moveTo(double x, double y) {
        this.x = x;
        this.y = y;
    }

    /** Fields of the project file this version does not know, kept so a round trip loses nothing. */
    public Map<String, Object> extras() {
        return extras;
    }

    /** A deep copy under a new id, for copy/paste and duplicate. */
    public Node copyAs(String newId) {
        Node n = new Node(newId, type, label, params, x, y);
        n.extras.putAll(extras);
        return n;
    }

    public Node copy() {
        return copyAs(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && id.equals(n.id) && type.equals(n.type) && label.equals(n.label)
                && params.equals(n.params) && x == n.x && y == n.y && extras.equals(n.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, label, params, x, y);
    }

    @Override
    public String toString() {
        return id + ":" + type + params;
    }
}
