package dev.deepwire.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Counts the bytes read through it and refuses more than a limit (a file that grows, a device, a gzip bomb, a zip
 * entry that decompresses to more than it may): the one counting stream of the bounded readers.
 */
final class CappedStream extends FilterInputStream {
    private final long max;
    private final Supplier<LimitException> over;
    private long count;

    /** {@code over} makes the refusal, naming the file and the limit, when more than {@code max} bytes arrive. */
    CappedStream(InputStream in, long max, Supplier<LimitException> over) {
        super(in);
        this.max = max;
        this.over = over;
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    private void add(long n) throws LimitException {
        if (n > 0 && (count += n) > max) {
            throw over.get();
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        add(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        add(s);
        return s;
    }
}
