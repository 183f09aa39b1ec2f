package dev.deepwire.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The shape of what travels on one wire, batch dimension implied.
 *
 * @param kind   the port kind
 * @param dims   sizes: {@code [length]} for token ids, {@code [features, length]} for sequences,
 *               {@code [features]} for vectors, {@code []} for a single id, {@code [c, h, w]} for images
 * @param range  for ids, how many distinct values they take (the vocabulary); 0 otherwise
 * @param masked whether a sequence carries a padding mask
 */
public record TensorShape(PortKind kind, List<Integer> dims, int range, boolean masked) {

    public TensorShape {
        Objects.requireNonNull(kind, "kind");
        dims = List.copyOf(dims);
    }

    public static TensorShape tokenIds(int length, int vocabulary, boolean masked) {
        return new TensorShape(PortKind.TOKEN_IDS, List.of(length), vocabulary, masked);
    }

    public static TensorShape sequence(int features, int length, boolean masked) {
        return new TensorShape(PortKind.SEQUENCE, List.of(features, length), 0, masked);
    }

    public static TensorShape vector(int features) {
        return new TensorShape(PortKind.VECTOR, List.of(features), 0, false);
    }

    public static TensorShape image(int channels, int height, int width) {
        return new TensorShape(PortKind.IMAGE, List.of(channels, height, width), 0, false);
    }

    /** One integer id per example, taking {@code range} distinct values. */
    public static TensorShape id(int range) {
        return new TensorShape(PortKind.ID, List.of(), range, false);
    }

    /** Number of values per example (1 for an id). */
    public long elements() {
        return dims.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
    }

    /** The same shape with the padding mask set or cleared. */
    public TensorShape withMask(boolean m) {
        return new TensorShape(kind, dims, range, m);
    }

    /** Feature size: the first dimension of a sequence or vector, the channels of an image. */
    public int features() {
        return kind == PortKind.SEQUENCE || kind == PortKind.VECTOR || kind == PortKind.IMAGE ? dims.get(0) : 0;
    }

    /** Time length of a sequence or of token ids; 0 for other kinds. */
    public int length() {
        return switch (kind) {
            case SEQUENCE -> dims.get(1);
            case TOKEN_IDS -> dims.get(0);
            default -> 0;
        };
    }

    /** Same kind and sizes; masks may differ. */
    public boolean sameSizeAs(TensorShape other) {
        return kind == other.kind && dims.equals(other.dims);
    }

    /** Readable form shown on wires, e.g. {@code 64 × 24}. */
    @Override
    public String toString() {
        String sizes = dims.stream().map(String::valueOf).collect(Collectors.joining(" × "));
        return switch (kind) {
            case TOKEN_IDS -> sizes + " ids < " + range;
            case ID -> "id < " + range;
            case IMAGE -> dims.get(0) + " × " + dims.get(1) + " × " + dims.get(2) + " (c × h × w)";
            default -> sizes;
        };
    }
}
