package chronicle.ingest.api;

/** Told how an import advances (a progress bar on a terminal, log lines otherwise). */
@FunctionalInterface
public interface ImportProgress {

    /** Reports nothing. */
    ImportProgress NONE = (rows, events, bytesRead, totalBytes) -> { };

    /**
     * Called about every 64k rows and once at the end.
     *
     * @param rows       input rows read.
     * @param events     records written.
     * @param bytesRead  input bytes read.
     * @param totalBytes input bytes in all.
     */
    void update(long rows, long events, long bytesRead, long totalBytes);
}
