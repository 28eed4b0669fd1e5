package chronicle.plugin.importer.lobster;

import chronicle.ingest.spi.Fields;
import chronicle.ingest.spi.FixedPoint;

/**
 * LOBSTER's comma-separated numbers beyond plain integers ({@link Fields#integer}), read in place: no regex, no
 * floating point, no exceptions. A bad number comes back as a {@link FixedPoint} status or -1; the caller words the
 * reason once ({@link #badNumber}).
 */
final class Csv {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int NANO_DECIMALS = -9;

    private Csv() {
    }

    /**
     * Reads {@code seconds[.fraction]} with up to 9 decimals as nanoseconds.
     *
     * @param f          the line's fields.
     * @param field      0-based.
     * @param maxSeconds the largest number of whole seconds accepted.
     * @return nanoseconds, or -1 if it is not such a number.
     */
    static long nanos(Fields f, int field, long maxSeconds) {
        long nanos = f.decimal(field, NANO_DECIMALS);
        return nanos < 0 || nanos / NANOS_PER_SECOND > maxSeconds ? -1 : nanos;
    }

    /**
     * @param f      the line's fields.
     * @param field  0-based.
     * @param name   the column's name.
     * @param detail more, or empty.
     * @return the reason for a bad number, quoting (a bounded part of) it.
     */
    static String badNumber(Fields f, int field, String name, String detail) {
        return "bad number in column " + (field + 1) + " (" + name + "): \"" + f.excerpt(field) + "\"" + detail;
    }

    /** @return nanoseconds after midnight as LOBSTER writes them, {@code seconds.nnnnnnnnn}. */
    static String seconds(long nanos) {
        String fraction = Long.toString(nanos % NANOS_PER_SECOND);
        return nanos / NANOS_PER_SECOND + "." + "0".repeat(9 - fraction.length()) + fraction;
    }
}
