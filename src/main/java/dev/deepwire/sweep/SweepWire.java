package dev.deepwire.sweep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Base64;

/**
 * How a sweep's tasks, body and outcomes travel between the sweep and its local processes: one Java-serialized
 * object per line, in Base64. Reading accepts only DeepWire's own classes, the JDK's collections and primitive
 * arrays, so a line can never make the reader build anything else.
 */
final class SweepWire {
    /** Starts a process's answer line: any other line on its output (a native library's print) is not an answer. */
    static final String OUTCOME = "deepwire-sweep-outcome ";

    private SweepWire() {
    }

    static String encode(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static <T> T decode(String line, Class<T> type) throws IOException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(line.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("not a sweep message: " + e.getMessage(), e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(SweepWire::allowed);
            Object value = in.readObject();
            if (!type.isInstance(value)) {
                throw new IOException("expected a " + type.getSimpleName() + ", got a " + value.getClass().getName());
            }
            return type.cast(value);
        } catch (ClassNotFoundException | InvalidClassException e) {
            throw new IOException("not a sweep message: " + e.getMessage(), e);
        }
    }

    private static ObjectInputFilter.Status allowed(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > 20 || info.references() > 1_000_000) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        String name = c.getName();
        return c.isPrimitive() || name.startsWith("dev.deepwire.") || name.startsWith("java.lang.")
                || name.startsWith("java.util.") ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }
}
