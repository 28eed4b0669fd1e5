package chronicle.etl.internal;

import chronicle.core.api.RecordHandler;
import chronicle.etl.api.FeatureSet;
import chronicle.etl.internal.table.BookTable;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.MessageType;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import org.agrona.DirectBuffer;

/**
 * Feeds one market day's records to the replay engine and writes the book table's samples.
 *
 * <p>Periodic sampling (exchange time): the row at grid time g holds the book after every event stamped at or
 * before g, so it is written when the first event stamped after g arrives, before that event is applied. Rows
 * start at the first grid time at or after both the range start and the market's first book event, and end with
 * the day's last book event (or the range end): the book is only known while the stream runs.
 *
 * <p>Every-event sampling: a row after every applied book event stamped within the range.
 */
final class BookSampler implements RecordHandler, ReplayEngine.Listener {

    private final ReplayEngine engine;
    private final EventHeader header = new EventHeader();
    private final int venueId;
    private final long marketId;
    private final long from;
    private final long to;
    private final long period;
    private final FeatureSet features;
    private final TableWriter writer;
    private BookTable table;
    private long nextGrid = Long.MIN_VALUE;
    private boolean done;

    /**
     * @param venueId  the market's venue id.
     * @param marketId its market id.
     * @param from     range start, epoch ns (inclusive).
     * @param to       range end, epoch ns (exclusive).
     * @param period   sampling period in ns, or 0 for a row after every event.
     * @param policy   what the replay does on a gap.
     * @param features what to compute.
     * @param writer   the day's book partition.
     */
    BookSampler(int venueId, long marketId, long from, long to, long period, GapPolicy policy, FeatureSet features,
                TableWriter writer) {
        this.engine = new ReplayEngine(policy, 0).track(venueId, marketId).listener(this);
        this.venueId = venueId;
        this.marketId = marketId;
        this.from = from;
        this.to = to;
        this.period = period;
        this.features = features;
        this.writer = writer;
    }

    /** @return true once the range end has been passed: reading further changes nothing. */
    boolean done() {
        return done;
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (done) {
            return;
        }
        if (period > 0 && changesBook(type, length, buffer, offset)) {
            long eventTime = header.exchangeTimestamp();
            MarketBook book = engine.book(venueId, marketId);
            if (book != null && nextGrid != Long.MIN_VALUE) {
                long end = Math.min(eventTime, to);
                while (nextGrid < end) {
                    write(book, nextGrid);
                    nextGrid += period;
                }
            }
            if (eventTime >= to) {
                done = true;
                return;
            }
        }
        engine.onRecord(type, sequence, timestamp, buffer, offset, length);
    }

    private boolean changesBook(int type, int length, DirectBuffer buffer, int offset) {
        MessageType message = MessageType.of(type);
        if (message == null || length < EventHeader.LENGTH_V1) {
            return false;
        }
        boolean bookEvent = switch (message) {
            case L2_SNAPSHOT, L2_DIFF, L3_EVENTS, RESET -> true;
            default -> false;
        };
        if (!bookEvent) {
            return false;
        }
        header.wrap(buffer, offset);
        return header.venueId() == venueId && header.marketId() == marketId;
    }

    @Override
    public void onApplied(MarketBook book, MessageType type, long sequence) {
        long eventTime = book.lastExchangeTimestamp();
        if (period == 0) {
            if (eventTime >= to) {
                done = true;
            } else if (eventTime >= from) {
                write(book, eventTime);
            }
        } else if (nextGrid == Long.MIN_VALUE) {
            nextGrid = Math.max(ceil(from), ceil(eventTime));
        }
    }

    private long ceil(long time) {
        return Math.floorDiv(time, period) * period + (Math.floorMod(time, period) == 0 ? 0 : period);
    }

    private void write(MarketBook book, long ts) {
        if (table == null) {
            table = new BookTable(features, book.priceExponent(), book.sizeExponent());
            writer.open(table.schema());
        }
        writer.write(table.sample(book, ts));
    }
}
