package chronicle.etl.spi;

/**
 * The value types of extract columns; every sink maps each one to its own type (see docs/FORMATS.md).
 */
public enum ColumnType {
    /** Nanoseconds since 1970-01-01T00:00Z in a long (Parquet TIMESTAMP(NANOS, UTC)). */
    TIMESTAMP_NANOS,
    /** An exact decimal: an unscaled long and the column's scale (Parquet DECIMAL(18, scale) on INT64). */
    DECIMAL,
    /** A plain signed 64-bit integer. */
    INT64,
    /** Short text, such as a trade's side (Parquet BYTE_ARRAY with the STRING annotation). */
    STRING
}
