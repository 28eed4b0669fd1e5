package chronicle.etl.spi;

/**
 * How a sink writes its files.
 *
 * @param compression    one of the sink's {@link ExtractSink#compressions()}.
 * @param rowGroupRows   rows per row group (or per flush, for formats without row groups); at least 1.
 * @param rowGroupBytes  bytes per row group before it is flushed, whichever of the two limits comes first.
 */
public record SinkOptions(String compression, long rowGroupRows, long rowGroupBytes) {

    /** One million rows: row groups large enough for scans, small enough to skip by statistics. */
    public static final long DEFAULT_ROW_GROUP_ROWS = 1_000_000;

    /** 128 MiB, the row group size Spark and Trino are tuned for. */
    public static final long DEFAULT_ROW_GROUP_BYTES = 128L << 20;

    /**
     * Checks the limits.
     *
     * @param compression   compression name.
     * @param rowGroupRows  rows per row group.
     * @param rowGroupBytes bytes per row group.
     */
    public SinkOptions {
        if (rowGroupRows < 1 || rowGroupBytes < 1) {
            throw new IllegalArgumentException("row group limits must be positive");
        }
    }
}
