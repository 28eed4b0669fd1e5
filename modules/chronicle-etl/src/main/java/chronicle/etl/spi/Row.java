package chronicle.etl.spi;

/**
 * The values of one row, read column by column in the order of its {@link TableSchema}.
 *
 * <p>Numbers are longs: a {@link ColumnType#TIMESTAMP_NANOS} is nanoseconds since the epoch (UTC), a
 * {@link ColumnType#DECIMAL} is the unscaled value (the column's {@link Column#scale()} says where the point is),
 * an {@link ColumnType#INT64} is itself. A row is a reused view: read it during the call that passed it.
 */
public interface Row {

    /**
     * @param column index in the schema.
     * @return true if the column has no value in this row (for example a missing level).
     */
    boolean isNull(int column);

    /**
     * @param column index of a numeric column.
     * @return its value, as described above; undefined if {@link #isNull(int)}.
     */
    long longValue(int column);

    /**
     * @param column index of a {@link ColumnType#STRING} column.
     * @return its text; undefined if {@link #isNull(int)}.
     */
    String text(int column);
}
