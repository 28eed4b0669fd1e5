package chronicle.sim.internal;

import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.MessageType;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import org.agrona.DirectBuffer;

/**
 * The exchange's part of one book record (snapshot, diff, L3 events, reset, gap), the same in a backtest and
 * outside one: an L3 record's executions reach resting orders before the book changes, then the replay engine
 * applies the record. Allocation-free. <b>Not thread-safe.</b>
 */
final class BookRecordStep {

    private final L3Events l3Events = new L3Events();

    /**
     * @param engine   the replay engine.
     * @param exchange the exchange.
     * @param index    the market's instrument index.
     * @param before   its book before the record (null if none yet).
     * @param type     the record's type.
     * @param header   the record's header, wrapped.
     * @param now      exchange time.
     * @return whether the record changed the book (applied, or it became stale or whole); if not it was skipped.
     */
    boolean apply(ReplayEngine engine, MockExchange exchange, int index, MarketBook before, MessageType type,
                  EventHeader header, long now, int typeId, long sequence, long timestamp, DirectBuffer buffer,
                  int offset, int length) {
        int bodyLength = length - header.headerLength();
        if (type == MessageType.L3_EVENTS && bodyLength >= L3Events.HEADER) {
            l3Events.wrap(buffer, offset + header.headerLength());
            int count = l3Events.count();
            if (L3Events.length(count) <= bodyLength) {
                exchange.beforeL3Events(index, l3Events, count, now);
            }
        }
        long applied = engine.applied();
        boolean wasStale = before != null && before.awaitingSnapshot();
        engine.onRecord(typeId, sequence, timestamp, buffer, offset, length);
        return engine.applied() != applied || (before != null && before.awaitingSnapshot() != wasStale);
    }
}
