package chronicle.ingest.spi;

import java.io.IOException;

/**
 * The events of one import, produced one venue message at a time. <b>Not thread-safe.</b>
 */
public interface ImportSource extends AutoCloseable {

    /**
     * Reads the next venue message of the input and hands its events (usually one) to the sink.
     *
     * @param sink where events go.
     * @return false when the input is exhausted.
     * @throws ImportException for bad input under {@link OnError#FAIL}, naming file and line.
     * @throws IOException if reading fails.
     */
    boolean next(EventSink sink) throws IOException;

    /** @return input rows read so far (for progress and the ledger). */
    long rows();

    /** @return input bytes read so far, of {@link #totalBytes()}. */
    long bytesRead();

    /** @return total input bytes (compressed size for compressed inputs), for progress. */
    long totalBytes();

    @Override
    void close() throws IOException;
}
