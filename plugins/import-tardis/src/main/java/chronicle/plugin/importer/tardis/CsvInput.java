package chronicle.plugin.importer.tardis;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One CSV input read line by line from a byte buffer, splitting each line into fields in place (Tardis CSV has no
 * quoting). Memory: the read buffer, which grows only to hold the longest line. Not thread-safe.
 */
final class CsvInput implements Closeable {

    private final Path path;
    private final InputStream in;
    private final long size;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long bytesRead;
    private long line;

    /** Fields of the current line: start and end offsets in {@link #bytes()}. */
    int[] starts = new int[16];
    int[] ends = new int[16];
    int fields;

    CsvInput(Path path, InputStream in, long size) {
        this.path = path;
        this.in = in;
        this.size = size;
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    long bytesRead() {
        return Math.min(bytesRead, size);
    }

    /** @return the 1-based number of the current line. */
    long line() {
        return line;
    }

    byte[] bytes() {
        return buf;
    }

    /**
     * Reads the next non-empty line and splits it.
     *
     * @return false at the end of the input.
     * @throws IOException if reading fails.
     */
    boolean next() throws IOException {
        while (true) {
            int nl = indexOfNewline(pos, limit);
            if (nl < 0) {
                if (!eof) {
                    fill();
                    continue;
                }
                if (pos >= limit) {
                    return false;
                }
                nl = limit; // a last line without a newline
            }
            int start = pos;
            int end = nl;
            pos = nl < limit ? nl + 1 : limit;
            line++;
            if (end > start && buf[end - 1] == '\r') {
                end--;
            }
            if (end == start) {
                continue; // blank line
            }
            split(start, end);
            return true;
        }
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
            bytesRead += n;
        }
    }

    private void split(int start, int end) {
        int n = 0;
        int fieldStart = start;
        byte[] b = buf;
        for (int i = start; i < end; i++) {
            if (b[i] == ',') {
                add(n++, fieldStart, i);
                fieldStart = i + 1;
            }
        }
        add(n++, fieldStart, end);
        fields = n;
    }

    private void add(int n, int start, int end) {
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
        }
        starts[n] = start;
        ends[n] = end;
    }

    int length(int field) {
        return ends[field] - starts[field];
    }

    /** @return field {@code i} as a string (for headers and messages only). */
    String text(int field) {
        return new String(buf, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    /** @return whether field {@code i} equals the given bytes. */
    boolean equals(int field, byte[] value) {
        int start = starts[field];
        int length = ends[field] - start;
        if (length != value.length) {
            return false;
        }
        byte[] b = buf;
        for (int i = 0; i < length; i++) {
            if (b[start + i] != value[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
