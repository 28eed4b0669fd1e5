package chronicle.ingest.api;

import org.agrona.DirectBuffer;

/**
 * Sees every record an import writes, just after it is written, and may write records of its own after it: the
 * command line passes one that injects book snapshots, so that the book at T of an imported day starts from a
 * snapshot close to T. Records it writes are not shown to it again.
 */
@FunctionalInterface
public interface ImportTap {

    /** Writes a record into the import's queue, after the one being shown. */
    @FunctionalInterface
    interface Appender {

        /**
         * @param type             the record's message type id.
         * @param journalTimestamp its journal time: that of the record shown, or later.
         * @param buffer           its bytes.
         * @param offset           where they begin.
         * @param length           how many.
         */
        void append(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length);
    }

    /**
     * @param type             the record's message type id.
     * @param sequence         its sequence in the import's queue.
     * @param journalTimestamp its journal time.
     * @param buffer           its bytes.
     * @param offset           where they begin.
     * @param length           how many.
     * @param out              writes records after it.
     */
    void written(int type, long sequence, long journalTimestamp, DirectBuffer buffer, int offset, int length,
                 Appender out);
}
