package chronicle.etl.internal.table;

import chronicle.etl.spi.Row;

import java.util.Arrays;

/**
 * A reusable row: one long and one null flag per column, and text for string columns. Filled and written again
 * for every sample, so a run allocates no row objects.
 */
final class ValueRow implements Row {

    private final long[] values;
    private final boolean[] nulls;
    private final String[] texts;

    ValueRow(int columns) {
        values = new long[columns];
        nulls = new boolean[columns];
        texts = new String[columns];
    }

    void set(int column, long value) {
        values[column] = value;
        nulls[column] = false;
    }

    void setText(int column, String text) {
        texts[column] = text;
        nulls[column] = text == null;
    }

    void setNull(int column) {
        nulls[column] = true;
    }

    void clear() {
        Arrays.fill(nulls, true);
    }

    @Override
    public boolean isNull(int column) {
        return nulls[column];
    }

    @Override
    public long longValue(int column) {
        return values[column];
    }

    @Override
    public String text(int column) {
        return texts[column];
    }
}
