package chronicle.etl.api;

/**
 * Told how an extract advances; the command line draws a bar on a terminal and prints lines otherwise.
 * Called on the extract's thread, at most every few thousand rows: keep it cheap.
 */
public interface ExtractProgress {

    /** Reports nothing. */
    ExtractProgress NONE = (done, total, rows, bytes) -> {
    };

    /**
     * @param partsDone  market days finished.
     * @param partsTotal market days to do.
     * @param rows       rows written so far.
     * @param bytes      bytes written so far (an estimate for files still open).
     */
    void update(long partsDone, long partsTotal, long rows, long bytes);
}
