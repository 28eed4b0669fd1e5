package chronicle.etl.internal.refine;

import chronicle.bus.api.MarketName;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.RecordSource;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.Gap;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.StreamKind;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import chronicle.replay.api.SnapshotInjector;
import chronicle.replay.api.WarmStart;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;

import java.time.Duration;

/**
 * The refinery's work on each raw record, in the raw queue's order: find the market's names and whether this
 * refinery takes it, skip what a clean queue already holds, copy the record into its clean queue with the raw
 * sequence in its header, keep the market's book (book streams) and inject snapshots and gap markers after it.
 *
 * <p>The first record a run writes to a book queue is preceded by a snapshot of the book as it stands (rebuilt from
 * the queue itself after a restart, or carried over midnight), so every clean day starts from a snapshot and a
 * restart heals itself. Allocation-free per record once markets are known. <b>Not thread-safe.</b>
 */
public final class RefineLoop implements RecordHandler, ReplayEngine.Listener, AutoCloseable {

    private final MarketNames names;
    private final SymbolPatterns symbols;
    private final CleanStreams streams;
    private final SnapshotInjector injector;
    private final EventHeader header = new EventHeader();
    private final ExpandableDirectByteBuffer gapRecord = new ExpandableDirectByteBuffer(EventHeader.LENGTH + 256);
    private final Gap gap = new Gap();
    private final MarketTable<Market> markets = new MarketTable<>();
    private final SnapshotInjector.Output toCurrent = this::appendInjected;
    private CleanQueue currentQueue;
    private long currentRaw;
    private String gapReason;
    private long written;
    private long duplicates;
    private long skipped;
    private long snapshots;
    private long gapMarkers;

    /**
     * @param names    the raw queue's market names.
     * @param symbols  the symbols taken.
     * @param streams  the clean queues.
     * @param interval exchange time between injected snapshots.
     */
    public RefineLoop(MarketNames names, SymbolPatterns symbols, CleanStreams streams, Duration interval) {
        this.names = names;
        this.symbols = symbols;
        this.streams = streams;
        this.injector = new SnapshotInjector(interval, 0);
        this.injector.engine().listener(this);
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (MessageType.of(type) == null || length < EventHeader.LENGTH_V1) {
            skipped++; // not market data
            return;
        }
        header.wrap(buffer, offset);
        int venueId = header.venueId();
        long marketId = header.marketId();
        StreamKind stream = StreamKind.of(header.streamCode());
        Market market = market(venueId, marketId);
        if (stream == null || !market.taken) {
            skipped++;
            return;
        }
        CleanQueue queue = streams.forDay(market.queues, market.name, stream, timestamp);
        boolean book = stream == StreamKind.BOOK;
        if (streams.openedNow() && book) {
            startBook(queue, venueId, marketId);
        }
        if (sequence <= queue.lastRaw()) {
            duplicates++; // written before a crash: exactly once
            return;
        }
        currentQueue = queue;
        currentRaw = sequence;
        if (book && queue.needsOpeningSnapshot()) {
            queue.needsOpeningSnapshot(false);
            currentRaw = queue.lastRaw() >= 0 ? queue.lastRaw() : sequence - 1;
            if (injector.injectNow(venueId, marketId, timestamp, toCurrent)) {
                snapshots++;
            }
            currentRaw = sequence;
        }
        long cleanSequence = queue.append(type, timestamp, buffer, offset, length, sequence);
        written++;
        if (book) {
            gapReason = null;
            if (injector.onRecord(type, cleanSequence, timestamp, buffer, offset, length, toCurrent)) {
                snapshots++;
            }
            if (gapReason != null) {
                writeGapMarker(queue, venueId, marketId, timestamp, sequence);
            }
        }
    }

    /** A book queue opened in this run: rebuild its book from the queue itself if it has records. */
    private void startBook(CleanQueue queue, int venueId, long marketId) {
        if (queue.lastRaw() >= 0) {
            WarmStart.Result result = WarmStart.bookAt(RecordSource.Opener.ofQueue(queue.directory()), null,
                    codec -> null, venueId, marketId, queue.lastTimestamp(), GapPolicy.RESET_AND_WAIT, 0, null);
            if (result.book() != null) {
                injector.engine().put(result.book());
            }
        }
        queue.needsOpeningSnapshot(true);
    }

    /** A market as the refinery sees it: its names, whether it takes it, its current clean queue of each stream. */
    private static final class Market {
        final MarketName name;
        final boolean taken;
        final CleanQueue[] queues = new CleanQueue[StreamKind.values().length];

        Market(MarketName name, boolean taken) {
            this.name = name;
            this.taken = taken;
        }
    }

    private Market market(int venueId, long marketId) {
        Market market = markets.get(venueId, marketId);
        if (market == null) {
            MarketName name = names.of(venueId, marketId);
            market = new Market(name, symbols.accepts(name.symbol()));
            if (market.taken) {
                names.registerInSink(name, venueId, marketId);
            }
            markets.put(venueId, marketId, market);
        }
        return market;
    }

    private void appendInjected(int type, long timestamp, DirectBuffer buffer, int offset, int length) {
        currentQueue.append(type, timestamp, buffer, offset, length, currentRaw);
    }

    private void writeGapMarker(CleanQueue queue, int venueId, long marketId, long timestamp, long rawSequence) {
        header.wrapForWrite(gapRecord, 0).venueId(venueId).marketId(marketId).stream(StreamKind.BOOK)
                .eventType(EventType.GAP).bookMode(BookMode.NONE).ingestTimestamp(timestamp)
                .exchangeTimestamp(timestamp);
        int body = gap.wrap(gapRecord, EventHeader.LENGTH).set(EventHeader.NULL_ID, EventHeader.NULL_ID,
                GapReason.SEQUENCE_BREAK, gapReason);
        queue.append(MessageType.GAP.id(), timestamp, gapRecord, 0, EventHeader.LENGTH + body, rawSequence);
        gapMarkers++;
    }

    @Override
    public void onApplied(MarketBook book, MessageType type, long sequence) {
        // the injector follows applied events itself
    }

    @Override
    public void onGap(MarketBook book, long sequence, String reason) {
        gapReason = "refinery: " + reason + "; the book waits for the venue's next snapshot";
    }

    /** @return records written to clean queues (injected ones not counted). */
    public long written() {
        return written;
    }

    /** @return records skipped because a clean queue already held them (a restart). */
    public long duplicates() {
        return duplicates;
    }

    /** @return records of other symbols, or not market data. */
    public long skipped() {
        return skipped;
    }

    /** @return snapshots injected. */
    public long snapshots() {
        return snapshots;
    }

    /** @return gap markers written. */
    public long gapMarkers() {
        return gapMarkers;
    }

    /** Publishes what the clean queues have staged: before the raw position is committed. */
    public void flush() {
        streams.flush();
    }

    /** Runs a step of the clean queues' writer duties (after each batch). */
    public void runDuties() {
        streams.runDuties();
    }

    @Override
    public void close() {
        streams.close();
    }
}
