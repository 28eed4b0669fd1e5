package chronicle.core.api;

/**
 * How densely a segment's seek index samples records and how often its entries reach the index file.
 *
 * <p>A cold reader seeking into the active segment scans at most about
 * {@code interval * flushEveryEntries} records past the last flushed entry.
 *
 * @param interval           records between two index entries (a power of two is not required).
 * @param flushEveryEntries  write entries to the file when this many are pending.
 * @param flushIntervalMillis or when an entry is added this long after the previous write.
 */
public record IndexPolicy(int interval, int flushEveryEntries, long flushIntervalMillis) {

    /** Light: an entry every 4096 records, written every 16 entries or 1 s. For hot IPC queues. */
    public static final IndexPolicy HOT = new IndexPolicy(4096, 16, 1000);

    /**
     * Dense: an entry every 256 records, written every 64 entries or 100 ms. For archive queues. Writing each entry
     * at once cost a system call per 256 records: about 5 % of a refinery's time.
     */
    public static final IndexPolicy ARCHIVE = new IndexPolicy(256, 64, 100);

    /**
     * @throws IllegalArgumentException if a value is out of range.
     */
    public IndexPolicy {
        if (interval < 1 || flushEveryEntries < 1 || flushIntervalMillis < 0) {
            throw new IllegalArgumentException("index policy: interval and flushEveryEntries must be >= 1 and "
                    + "flushIntervalMillis >= 0, got " + interval + ", " + flushEveryEntries + ", " + flushIntervalMillis);
        }
    }
}
