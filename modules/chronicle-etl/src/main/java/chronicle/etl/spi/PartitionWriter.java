package chronicle.etl.spi;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes the rows of one partition file of an {@link ExtractSink}.
 *
 * <p><b>Not thread-safe:</b> one extract thread writes one partition at a time.
 */
public interface PartitionWriter extends Closeable {

    /**
     * Appends one row. The writer reads the row's values during the call only: the caller reuses the row.
     *
     * @param row the values of every column of the schema.
     * @throws IOException if the file cannot be written.
     */
    void write(Row row) throws IOException;

    /**
     * Completes the file (footer, flush, fsync) and closes it; the engine renames it afterwards.
     *
     * @throws IOException if the file cannot be completed: the engine then deletes it.
     */
    @Override
    void close() throws IOException;

    /**
     * Bytes written so far, for progress reports.
     *
     * @return an estimate; exact after {@link #close()}.
     */
    long bytesWritten();
}
