package chronicle.ingest.spi;

import chronicle.protocol.api.GapReason;
import org.agrona.DirectBuffer;

/** Where an adapter's events go: the import's staging queue, through the pipeline's checks. */
public interface EventSink {

    /**
     * Appends one market-data record (an {@code EventHeader} and its body).
     *
     * @param type             the journal type id ({@code MessageType.id()}).
     * @param journalTimestamp the time the archive is ordered and sought by: the local (receive) time where the
     *                         vendor has one, else the exchange time; epoch nanoseconds.
     * @param buffer           holds the record.
     * @param offset           where it begins.
     * @param length           its length.
     */
    void append(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length);

    /**
     * Writes a gap marker: data between two native update ids is missing.
     *
     * @param journalTimestamp where in time the gap is.
     * @param fromId           first missing id (or {@code EventHeader.NULL_ID}).
     * @param toId             last missing id (or {@code EventHeader.NULL_ID}).
     * @param reason           why.
     * @param note             a short explanation, for example {@code file:line: reason} of skipped bad input.
     */
    void gap(long journalTimestamp, long fromId, long toId, GapReason reason, String note);
}
