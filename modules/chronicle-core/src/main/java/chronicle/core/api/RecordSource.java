package chronicle.core.api;

/**
 * Records in sequence order from somewhere: a queue ({@link QueueReader}) or an archived stream whose segments
 * may live in other storage tiers ({@code chronicle.storage.api.TieredReader}). Replay and the tools read through
 * this, so they answer the same wherever the segments are.
 *
 * <p><b>Not thread-safe: one thread per source.</b>
 */
public interface RecordSource extends AutoCloseable {

    /** Status from {@link #poll}: the next record is not valid (see {@link #lastError()}). */
    int CORRUPT = -1;

    /**
     * Hands up to {@code limit} records to {@code handler}.
     *
     * @param handler receives each record; the buffer is valid only during the call.
     * @param limit   the most records to deliver.
     * @return records delivered; 0 when none is available now; {@link #CORRUPT} if the next record is damaged.
     */
    int poll(RecordHandler handler, int limit);

    /** @return the sequence of the next record to be delivered. */
    long nextSequence();

    /** @return why the last {@link #poll} returned {@link #CORRUPT}. */
    String lastError();

    @Override
    void close();

    /**
     * Opens sources of one stream at a start position.
     */
    @FunctionalInterface
    interface Opener {

        /**
         * @param start where the first record delivered is.
         * @return a source positioned there; the caller closes it.
         */
        RecordSource open(StartPosition start);

        /**
         * The opener of a queue directory: each source opens the queue and a reader, and closes both.
         *
         * @param queue an existing queue directory.
         * @return the opener.
         */
        static Opener ofQueue(java.nio.file.Path queue) {
            return ofQueue(queue, false);
        }

        /**
         * The opener of a queue directory whose readers may check every record's CRC32C
         * ({@link QueueReader#verifyChecksums(boolean)}): a damaged record then ends a poll with {@link #CORRUPT}.
         *
         * @param queue           an existing queue directory.
         * @param verifyChecksums whether readers check each record's checksum.
         * @return the opener.
         */
        static Opener ofQueue(java.nio.file.Path queue, boolean verifyChecksums) {
            return start -> {
                ChronicleQueue q = ChronicleQueue.openExisting(queue);
                try {
                    return new QueueSource(q, q.createReader(start).verifyChecksums(verifyChecksums));
                } catch (RuntimeException e) {
                    q.close();
                    throw e;
                }
            };
        }
    }
}
