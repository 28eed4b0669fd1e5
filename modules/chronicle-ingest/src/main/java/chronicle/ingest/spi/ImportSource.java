package chronicle.ingest.spi;

import java.io.Closeable;
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

    /**
     * @return data rows read so far (for progress and the ledger): the vendor's lines or records that carry data,
     * not header lines, blank lines or connection notes; rows of other symbols included.
     */
    long rows();

    /**
     * @return of {@link #rows()}, the well-formed rows skipped because they hold another symbol's data (or, in a
     * capture that mixes streams, another stream's). A malformed row is never counted here: it is bad input.
     */
    default long otherRows() {
        return 0;
    }

    /** @return input bytes read so far, of {@link #totalBytes()}. */
    long bytesRead();

    /** @return total input bytes (compressed size for compressed inputs), for progress. */
    long totalBytes();

    @Override
    void close() throws IOException;

    /**
     * Closes every input of a source, also when some fail: the first failure is thrown, with the others suppressed.
     * For {@link #close()} implementations that hold several files.
     *
     * @param inputs the open inputs.
     * @throws IOException the first failure.
     */
    static void closeAll(Iterable<? extends Closeable> inputs) throws IOException {
        IOException failure = null;
        for (Closeable input : inputs) {
            try {
                input.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
