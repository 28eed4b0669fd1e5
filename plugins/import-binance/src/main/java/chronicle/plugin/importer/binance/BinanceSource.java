package chronicle.plugin.importer.binance;

import chronicle.ingest.api.binance.BinanceMessage;
import chronicle.ingest.api.binance.BinanceRecords;
import chronicle.ingest.api.binance.BookSync;
import chronicle.ingest.spi.EventHeaderWriter;
import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.GapReason;

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
 * <p><b>Book synchronisation</b> follows {@link BookSync}, the rules the live feed follows too: diffs before the
 * first snapshot are dropped, the first diff after a snapshot must bridge it and every later one chain; a break
 * writes one gap marker (SEQUENCE_BREAK, the missing id range) and drops diffs until the next snapshot; a snapshot
 * older than the book is dropped.
 *
 * <p>Not thread-safe.
 */
final class BinanceSource implements ImportSource {

    private final ImportRequest request;
    private final List<InputFile> inputs;
    private final EventHeaderWriter header;
    private final BinanceRecords records = new BinanceRecords();
    private long lastEmittedTime = BinanceMessage.NO_TIME;

    private final BookSync sync = new BookSync();

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
        BinanceMessage m = input.poll();
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
            BinanceMessage head = input.peek();
            if (head == null) {
                continue;
            }
            if (head.time == BinanceMessage.NO_TIME) {
                if (floating == null) {
                    floating = input;
                }
            } else if (earliest == null || head.time < earliest.peek().time) {
                earliest = input;
            }
        }
        if (floating != null) {
            BinanceMessage head = floating.peek();
            BinanceMessage timed = earliest != null ? earliest.peek() : null;
            if (timed == null || head.kind == BinanceMessage.Kind.BAD || placedBefore(head, timed)) {
                long time = timed != null ? timed.time : lastEmittedTime;
                if (time == BinanceMessage.NO_TIME) {
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
    private static boolean placedBefore(BinanceMessage floating, BinanceMessage timed) {
        long own = bookPosition(floating);
        long other = bookPosition(timed);
        return own != EventHeader.NULL_ID && other != EventHeader.NULL_ID && other > own;
    }

    private static long bookPosition(BinanceMessage m) {
        return switch (m.kind) {
            case SNAPSHOT, QUOTE -> m.id;
            case DIFF -> m.lastId;
            default -> EventHeader.NULL_ID;
        };
    }

    private void bad(InputFile input, BinanceMessage m, EventSink sink) throws ImportException {
        stats.badLines++;
        ImportException problem = new ImportException(input.path(), m.line, m.reason);
        if (request.onError() == OnError.FAIL) {
            throw problem;
        }
        sink.gap(m.time, EventHeader.NULL_ID, EventHeader.NULL_ID, GapReason.BAD_INPUT, problem.getMessage());
    }

    private void snapshot(BinanceMessage m, EventSink sink) {
        long id = m.id;
        if (sync.onSnapshot(id) == BookSync.Decision.OLD_SNAPSHOT) {
            stats.droppedOldSnapshots++; // older than the book: it would move the book back
            return;
        }
        records.snapshot(header, m, sink);
        stats.snapshots++;
    }

    private void diff(InputFile input, BinanceMessage m, EventSink sink) {
        switch (sync.onDiff(m.firstId, m.lastId, m.prevId)) {
            case APPLY -> {
                records.diff(header, m, sink);
                stats.diffs++;
            }
            case BEFORE_SNAPSHOT -> stats.droppedBeforeSnapshot++;
            case AFTER_BREAK -> stats.droppedAfterBreak++;
            case STALE -> stats.droppedStale++;
            case BREAK -> {
                stats.sequenceBreaks++;
                sink.gap(m.time, sync.breakFrom(), sync.breakTo(), GapReason.SEQUENCE_BREAK, input.path() + ":"
                        + m.line + ": " + sync.describeBreak(m.firstId, m.lastId, m.prevId)
                        + "; diffs are dropped until the next REST snapshot");
            }
            default -> throw new IllegalStateException("not a diff decision");
        }
    }

    private void trade(BinanceMessage m, EventSink sink) {
        records.trade(header, m, sink);
        stats.trades++;
    }

    private void quote(BinanceMessage m, EventSink sink) {
        records.quote(header, m, sink);
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
