package chronicle.ingest.spi;

/** What bad input (a bad number, a missing column, time going backwards, ids out of order) does to an import. */
public enum OnError {
    /** stop with {@code file:line: reason}; nothing is published. The default. */
    FAIL,
    /** skip the bad stretch, write a gap marker for it, report it, and go on. */
    GAP
}
