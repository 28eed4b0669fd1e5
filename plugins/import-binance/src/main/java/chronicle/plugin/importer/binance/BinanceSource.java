package chronicle.plugin.importer.binance;

import chronicle.ingest.spi.EventHeaderWriter;
import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Quote;
import chronicle.protocol.api.StreamKind;
import chronicle.protocol.api.Trade;
import org.agrona.ExpandableArrayBuffer;

import java.io.IOException;
import java.util.List;

/**
 * The events of one Binance import: merges the inputs by time, synchronises the depth diffs with the REST snapshots
 * by Binance's update-id rules, and writes records.
 *
 * <p><b>Merge.</b> Every input is time-ordered (the REST capture and the websocket capture are two streams); the
 * next message is the earliest head of all inputs (ties: the input given first). A message that has no time at all
 * (a bare REST snapshot in a file of bare snapshots) is placed by update id: before the first message of the other
 * inputs whose update id is beyond its own, and takes that message's time.
 *
 * <p><b>Book synchronisation.</b> Diffs before the first snapshot are dropped. After a snapshot with
 * {@code lastUpdateId} L: diffs with {@code u <= L} are dropped; the first applied one must have
 * {@code U <= L+1 <= u} (futures, with {@code pu}: {@code U <= L <= u}, or {@code pu == L}); every later one must
 * have {@code U == previous u + 1} (futures: {@code pu == previous u}); diffs at or before the previous {@code u}
 * are duplicates and dropped. A break writes one gap marker (SEQUENCE_BREAK, the missing id range) and drops diffs
 * until the next snapshot. A snapshot older than the book (L below the last applied {@code u}) is dropped: replaying
 * it would move the book backwards and break the chain.
 *
 * <p>Not thread-safe.
 */
final class BinanceSource implements ImportSource {

    private enum BookState {
        /** no snapshot yet: diffs are dropped. */
        NO_SNAPSHOT,
        /** a snapshot was written; waiting for the diff that bridges its lastUpdateId. */
        AWAIT_BRIDGE,
        /** diffs chain. */
        SYNCED,
        /** a break: diffs are dropped until the next snapshot. */
        BROKEN
    }

    private final ImportRequest request;
    private final List<InputFile> inputs;
    private final EventHeaderWriter header;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64 << 10);
    private final Trade trade = new Trade();
    private final Quote quote = new Quote();
    private long lastEmittedTime = Message.NO_TIME;

    private BookState state = BookState.NO_SNAPSHOT;
    /** AWAIT_BRIDGE: the snapshot's lastUpdateId; SYNCED: the last applied u. */
    private long bookId = EventHeader.NULL_ID;

    private final Stats stats = new Stats();

    /** What an import did, for tests and logs. */
    static final class Stats {
        long snapshots;
        long diffs;
        long trades;
        long quotes;
        long droppedBeforeSnapshot;
        long droppedStale;
        long droppedAfterBreak;
        long droppedOldSnapshots;
        long sequenceBreaks;
        long badLines;

        @Override
        public String toString() {
            return "snapshots=" + snapshots + " diffs=" + diffs + " trades=" + trades + " quotes=" + quotes
                    + " droppedBeforeSnapshot=" + droppedBeforeSnapshot + " droppedStale=" + droppedStale
                    + " droppedAfterBreak=" + droppedAfterBreak + " droppedOldSnapshots=" + droppedOldSnapshots
                    + " sequenceBreaks=" + sequenceBreaks + " badLines=" + badLines;
        }
    }

    BinanceSource(ImportRequest request, List<InputFile> inputs, int priceExponent, int sizeExponent) {
        this.request = request;
        this.inputs = inputs;
        this.header = new EventHeaderWriter(request, priceExponent, sizeExponent);
    }

    Stats stats() {
        return stats;
    }

    @Override
    public boolean next(EventSink sink) throws IOException {
        InputFile input = nextInput();
        if (input == null) {
            return false;
        }
        Message m = input.poll();
        try {
            if (m.time < lastEmittedTime) {
                m.time = lastEmittedTime; // a borrowed time (bad line, bare snapshot) never moves the journal back
            }
            lastEmittedTime = m.time;
            switch (m.kind) {
                case BAD -> bad(input, m, sink);
                case SNAPSHOT -> snapshot(m, sink);
                case DIFF -> diff(input, m, sink);
                case TRADE -> trade(m, sink);
                case QUOTE -> quote(m, sink);
            }
        } finally {
            input.recycle(m);
        }
        return true;
    }

    /**
     * The input whose head is the next message of the merge (its time assigned), or null when every input is done.
     */
    private InputFile nextInput() throws IOException {
        InputFile earliest = null;
        InputFile floating = null;
        for (InputFile input : inputs) {
            Message head = input.peek();
            if (head == null) {
                continue;
            }
            if (head.time == Message.NO_TIME) {
                if (floating == null) {
                    floating = input;
                }
            } else if (earliest == null || head.time < earliest.peek().time) {
                earliest = input;
            }
        }
        if (floating != null) {
            Message head = floating.peek();
            Message timed = earliest != null ? earliest.peek() : null;
            if (timed == null || head.kind == Message.Kind.BAD || placedBefore(head, timed)) {
                long time = timed != null ? timed.time : lastEmittedTime;
                if (time == Message.NO_TIME) {
                    throw new ImportException(floating.path(), head.line, "no receive time and no event time (E) in"
                            + " this input, and no other input to place it by: use the cryptofeed capture format or"
                            + " give the websocket messages with it");
                }
                head.time = time;
                return floating;
            }
        }
        return earliest;
    }

    /** Whether a message without time goes before a timed one: by update id, where both have one. */
    private static boolean placedBefore(Message floating, Message timed) {
        long own = bookPosition(floating);
        long other = bookPosition(timed);
        return own != EventHeader.NULL_ID && other != EventHeader.NULL_ID && other > own;
    }

    private static long bookPosition(Message m) {
        return switch (m.kind) {
            case SNAPSHOT, QUOTE -> m.id;
            case DIFF -> m.lastId;
            default -> EventHeader.NULL_ID;
        };
    }

    private void bad(InputFile input, Message m, EventSink sink) throws ImportException {
        stats.badLines++;
        ImportException problem = new ImportException(input.path(), m.line, m.reason);
        if (request.onError() == OnError.FAIL) {
            throw problem;
        }
        sink.gap(m.time, EventHeader.NULL_ID, EventHeader.NULL_ID, GapReason.BAD_INPUT, problem.getMessage());
    }

    private void snapshot(Message m, EventSink sink) {
        long id = m.id;
        if ((state == BookState.SYNCED || state == BookState.AWAIT_BRIDGE) && id < bookId) {
            stats.droppedOldSnapshots++; // older than the book: it would move the book back
            return;
        }
        writeLevels(m, MessageType.L2_SNAPSHOT, EventType.SNAPSHOT, id, id, EventHeader.NULL_ID, sink);
        stats.snapshots++;
        if (state == BookState.SYNCED && id == bookId) {
            return; // the book is exactly at the snapshot: the chain goes on
        }
        state = BookState.AWAIT_BRIDGE;
        bookId = id;
    }

    private void diff(InputFile input, Message m, EventSink sink) {
        boolean futures = m.prevId != EventHeader.NULL_ID;
        long first = m.firstId;
        long last = m.lastId;
        switch (state) {
            case NO_SNAPSHOT -> stats.droppedBeforeSnapshot++;
            case BROKEN -> stats.droppedAfterBreak++;
            case AWAIT_BRIDGE -> {
                long snapshotId = bookId;
                if (futures ? last < snapshotId : last <= snapshotId) {
                    stats.droppedStale++;
                    return;
                }
                boolean bridges = futures ? (first <= snapshotId && snapshotId <= last) || m.prevId == snapshotId
                        : first <= snapshotId + 1;
                if (bridges) {
                    apply(m, sink);
                } else {
                    long to = futures ? m.prevId : first - 1;
                    sequenceBreak(input, m, snapshotId + 1, to, "the first diff after the snapshot (lastUpdateId "
                            + snapshotId + ") does not bridge it: U=" + first + " u=" + last
                            + (futures ? " pu=" + m.prevId : ""), sink);
                }
            }
            case SYNCED -> {
                long previous = bookId;
                if (last <= previous) {
                    stats.droppedStale++; // a duplicate: already applied
                    return;
                }
                boolean chains = futures ? m.prevId == previous : first == previous + 1;
                if (chains) {
                    apply(m, sink);
                } else {
                    long to = futures ? m.prevId : first - 1;
                    sequenceBreak(input, m, previous + 1, to, futures
                            ? "expected pu=" + previous + ", got pu=" + m.prevId + " (U=" + first + " u=" + last + ")"
                            : "expected U=" + (previous + 1) + ", got U=" + first + " (u=" + last + ")", sink);
                }
            }
        }
    }

    private void apply(Message m, EventSink sink) {
        writeLevels(m, MessageType.L2_DIFF, EventType.DIFF, m.firstId, m.lastId, m.prevId, sink);
        stats.diffs++;
        state = BookState.SYNCED;
        bookId = m.lastId;
    }

    private void sequenceBreak(InputFile input, Message m, long from, long to, String why, EventSink sink) {
        boolean range = to >= from;
        stats.sequenceBreaks++;
        sink.gap(m.time, range ? from : EventHeader.NULL_ID, range ? to : EventHeader.NULL_ID,
                GapReason.SEQUENCE_BREAK, input.path() + ":" + m.line + ": " + why
                        + "; diffs are dropped until the next REST snapshot");
        state = BookState.BROKEN;
        bookId = EventHeader.NULL_ID;
    }

    private EventHeader start(EventType event, StreamKind kind, BookMode mode, Message m, long firstId,
                              long lastId, long prevId) {
        return header.begin(buffer, 0, kind, event, mode, m.time, m.exchangeTime())
                .firstUpdateId(firstId)
                .lastUpdateId(lastId)
                .prevUpdateId(prevId);
    }

    private void writeLevels(Message m, MessageType type, EventType event, long firstId, long lastId, long prevId,
                             EventSink sink) {
        start(event, StreamKind.BOOK, BookMode.L2, m, firstId, lastId, prevId);
        int length = EventHeader.LENGTH + m.levels.writeTo(buffer, EventHeader.LENGTH, false);
        sink.append(type.id(), m.time, buffer, 0, length);
    }

    private void trade(Message m, EventSink sink) {
        start(EventType.TRADE, StreamKind.TRADES, BookMode.NONE, m, m.firstId, m.lastId,
                EventHeader.NULL_ID);
        trade.wrap(buffer, EventHeader.LENGTH).set(m.id, m.price, m.size, m.aggressor);
        sink.append(MessageType.TRADE.id(), m.time, buffer, 0, EventHeader.LENGTH + Trade.LENGTH);
        stats.trades++;
    }

    private void quote(Message m, EventSink sink) {
        start(EventType.QUOTE, StreamKind.QUOTES, BookMode.NONE, m, m.firstId, m.lastId,
                EventHeader.NULL_ID);
        quote.wrap(buffer, EventHeader.LENGTH).set(m.bidPrice, m.bidSize, m.askPrice, m.askSize);
        sink.append(MessageType.BBO.id(), m.time, buffer, 0, EventHeader.LENGTH + Quote.LENGTH);
        stats.quotes++;
    }

    @Override
    public long rows() {
        return inputs.stream().mapToLong(InputFile::rows).sum();
    }

    @Override
    public long otherRows() {
        return inputs.stream().mapToLong(InputFile::otherRows).sum();
    }

    @Override
    public long bytesRead() {
        return inputs.stream().mapToLong(InputFile::bytesRead).sum();
    }

    @Override
    public long totalBytes() {
        return inputs.stream().mapToLong(InputFile::size).sum();
    }

    @Override
    public void close() throws IOException {
        ImportSource.closeAll(inputs);
    }
}
