package chronicle.etl.api;

/**
 * What an extract wrote.
 *
 * @param rows        rows written, every table.
 * @param files       files written.
 * @param bytes       bytes of those files.
 * @param elapsedNanos wall time of the run.
 */
public record ExtractSummary(long rows, long files, long bytes, long elapsedNanos) {

    /** @return the one-line summary the command line prints: rows, files, bytes, time. */
    public String line() {
        double seconds = elapsedNanos / 1e9;
        return String.format(java.util.Locale.ROOT, "extracted %,d rows into %d files (%,d bytes) in %.1f s", rows,
                files, bytes, seconds);
    }
}
