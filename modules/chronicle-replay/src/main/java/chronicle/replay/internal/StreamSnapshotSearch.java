package chronicle.replay.internal;

import chronicle.core.api.RecordHandler;
import chronicle.core.api.RecordSource;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.MessageType;
import org.agrona.DirectBuffer;

/**
 * Replays a market from a snapshot record written into its stream (a venue's snapshot or an injected one) shortly
 * before a time T, found through the journal's time index: the stream is opened at a time before T and read
 * forward to T; records of the market are passed to the replay from its first snapshot record in that window on
 * (a later snapshot replaces the book again). One pass: the window read is the replay. The cost depends on the
 * data just before T, never on how much the stream or the archive holds.
 */
public final class StreamSnapshotSearch implements RecordHandler {

    private final EventHeader header = new EventHeader();
    private final RecordHandler replay;
    private final int venueId;
    private final long marketId;
    private final long at;
    private long snapshot = -1;
    private boolean done;
    private long read;

    private StreamSnapshotSearch(RecordHandler replay, int venueId, long marketId, long at) {
        this.replay = replay;
        this.venueId = venueId;
        this.marketId = marketId;
        this.at = at;
    }

    /**
     * What a window held.
     *
     * @param sequence the first snapshot record of the market in the window (replay began there), or -1 if none
     *                 (nothing was replayed).
     * @param records  records read.
     */
    public record Found(long sequence, long records) {
    }

    /**
     * Reads the stream from {@code from} to {@code at}, replaying the market from its first snapshot record on.
     *
     * @param source   the stream.
     * @param replay   receives the records from the snapshot on (a replay engine tracking the market).
     * @param venueId  venue id.
     * @param marketId market id.
     * @param from     where the window starts, epoch ns (journal time).
     * @param at       time T: records stamped after it are not read.
     * @return the snapshot replay began at, and the records read.
     * @throws IllegalStateException naming the damage if a damaged record is met.
     */
    public static Found replayFromSnapshot(RecordSource.Opener source, RecordHandler replay, int venueId,
                                           long marketId, long from, long at) {
        StreamSnapshotSearch search = new StreamSnapshotSearch(replay, venueId, marketId, at);
        try (RecordSource reader = source.open(StartPosition.timestamp(from))) {
            while (!search.done) {
                int n = reader.poll(search, 1024);
                if (n == RecordSource.CORRUPT) {
                    throw new IllegalStateException(reader.lastError());
                }
                if (n == 0) {
                    break;
                }
            }
        }
        return new Found(search.snapshot, search.read);
    }

    /**
     * The journal time of a stream's last record: where the search windows of a T after the stream's end start from.
     *
     * @param source the stream.
     * @return its last record's journal time, or {@link Long#MIN_VALUE} if it holds none.
     */
    public static long lastTimestamp(RecordSource.Opener source) {
        long end;
        try (RecordSource reader = source.open(StartPosition.timestamp(Long.MAX_VALUE))) {
            end = reader.nextSequence();
        }
        if (end <= 0) {
            return Long.MIN_VALUE;
        }
        long[] last = {Long.MIN_VALUE};
        try (RecordSource reader = source.open(StartPosition.sequence(end - 1))) {
            reader.poll((type, sequence, timestamp, buffer, offset, length) -> last[0] = timestamp, 1);
        }
        return last[0];
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (done || timestamp > at) {
            done = true;
            return;
        }
        read++;
        if (snapshot < 0 && isSnapshotOfTheMarket(type, buffer, offset, length)) {
            snapshot = sequence;
        }
        if (snapshot >= 0) {
            replay.onRecord(type, sequence, timestamp, buffer, offset, length);
        }
    }

    private boolean isSnapshotOfTheMarket(int type, DirectBuffer buffer, int offset, int length) {
        if ((type != MessageType.L2_SNAPSHOT.id() && type != MessageType.L3_EVENTS.id())
                || length < EventHeader.LENGTH_V1) {
            return false;
        }
        header.wrap(buffer, offset);
        return header.venueId() == venueId && header.marketId() == marketId
                && (type == MessageType.L2_SNAPSHOT.id() || header.eventCode() == EventType.SNAPSHOT.code());
    }
}
