package chronicle.etl.internal;

import chronicle.core.api.RecordHandler;
import chronicle.etl.internal.table.TradeTable;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Trade;
import org.agrona.DirectBuffer;

/**
 * Writes the trade prints of one market day whose exchange time is within the range to the trades table.
 */
final class TradeSampler implements RecordHandler {

    private final EventHeader header = new EventHeader();
    private final Trade trade = new Trade();
    private final int venueId;
    private final long marketId;
    private final long from;
    private final long to;
    private final TableWriter writer;
    private TradeTable table;

    TradeSampler(int venueId, long marketId, long from, long to, TableWriter writer) {
        this.venueId = venueId;
        this.marketId = marketId;
        this.from = from;
        this.to = to;
        this.writer = writer;
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (type != MessageType.TRADE.id() || length < EventHeader.LENGTH_V1) {
            return;
        }
        header.wrap(buffer, offset);
        int headerLength = header.headerLength();
        if (headerLength < EventHeader.LENGTH_V1 || headerLength + Trade.LENGTH > length
                || header.venueId() != venueId || header.marketId() != marketId) {
            return;
        }
        long time = header.exchangeTimestamp();
        if (time < from || time >= to) {
            return;
        }
        trade.wrap(buffer, header.bodyOffset());
        if (table == null) {
            table = new TradeTable(header.priceExponent(), header.sizeExponent());
            writer.open(table.schema());
        }
        writer.write(table.trade(header, trade, sequence));
    }
}
