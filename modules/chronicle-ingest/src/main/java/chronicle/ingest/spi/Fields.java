package chronicle.ingest.spi;

import java.util.Arrays;

/**
 * The fields of one line split at a separator byte, in place: each field is a range of the line's bytes (no
 * quoting: the vendor formats read this way have none). Numbers are read straight from the bytes with
 * {@link FixedPoint}; a bad one comes back as a status, never an exception. Valid until the line changes.
 * <b>Not thread-safe.</b>
 */
public final class Fields {

    private final byte separator;
    private byte[] bytes;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;
    private int firstNonText;

    /**
     * @param separator the byte between fields, for example {@code ','}.
     */
    public Fields(byte separator) {
        this.separator = separator;
    }

    /**
     * Splits the current line of a reader.
     *
     * @param line the reader.
     * @return the number of fields (an empty line has one, empty).
     */
    public int split(LineReader line) {
        return split(line.bytes(), line.start(), line.end());
    }

    /**
     * Splits some bytes.
     *
     * @param text the bytes.
     * @param from first byte.
     * @param to   end (exclusive).
     * @return the number of fields.
     */
    public int split(byte[] text, int from, int to) {
        bytes = text;
        firstNonText = -1;
        byte sep = separator;
        int n = 0;
        int fieldStart = from;
        for (int i = from; i < to; i++) {
            byte c = text[i];
            if (c == sep) {
                add(n++, fieldStart, i);
                fieldStart = i + 1;
            } else if (c < ' ' && firstNonText < 0) {
                firstNonText = n; // a control byte, or (negative) a byte above 0x7F
            }
        }
        add(n++, fieldStart, to);
        count = n;
        return n;
    }

    private void add(int n, int start, int end) {
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
        }
        starts[n] = start;
        ends[n] = end;
    }

    /** @return the number of fields of the line split last. */
    public int count() {
        return count;
    }

    /**
     * @return the first field holding a control byte or a byte above 0x7F (not plain ASCII text), or -1 if every
     * field is plain text.
     */
    public int firstNonText() {
        return firstNonText;
    }

    /** @return the bytes the fields are ranges of. */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * @param field 0-based.
     * @return where it begins in {@link #bytes()}.
     */
    public int start(int field) {
        return starts[field];
    }

    /**
     * @param field 0-based.
     * @return where it ends (exclusive).
     */
    public int end(int field) {
        return ends[field];
    }

    /**
     * @param field 0-based.
     * @return its length.
     */
    public int length(int field) {
        return ends[field] - starts[field];
    }

    /**
     * @param field 0-based.
     * @param value bytes to compare with.
     * @return whether the field holds exactly these bytes.
     */
    public boolean is(int field, byte[] value) {
        int start = starts[field];
        if (ends[field] - start != value.length) {
            return false;
        }
        byte[] b = bytes;
        for (int i = 0; i < value.length; i++) {
            if (b[start + i] != value[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param field    0-based.
     * @param exponent the exponent of the mantissa.
     * @return the field's decimal as a mantissa, or a {@link FixedPoint} status.
     */
    public long decimal(int field, int exponent) {
        return FixedPoint.decimal(bytes, starts[field], ends[field] - starts[field], exponent);
    }

    /**
     * @param field 0-based.
     * @return the field's integer, or a {@link FixedPoint} status.
     */
    public long integer(int field) {
        return FixedPoint.integer(bytes, starts[field], ends[field] - starts[field]);
    }

    /**
     * @param field 0-based.
     * @return the field as printable text for a message (see {@link LineReader#excerpt(byte[], int, int)}).
     */
    public String excerpt(int field) {
        return LineReader.excerpt(bytes, starts[field], ends[field]);
    }
}
