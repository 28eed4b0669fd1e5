package chronicle.etl.internal.table;

import chronicle.etl.spi.Column;
import chronicle.etl.spi.ColumnType;
import chronicle.etl.spi.Row;
import chronicle.etl.spi.TableSchema;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.Trade;

import java.util.List;

/**
 * The {@code trades} table: one row per trade print. Columns (docs/FORMATS.md): {@code ts} (exchange time),
 * {@code local_ts} (receive time), {@code seq} (journal sequence), {@code trade_id} (the venue's, null if it has
 * none), {@code price}, {@code size} (exact decimals at the market's scales), {@code side} (the aggressor:
 * {@code buy}, {@code sell} or {@code unknown}).
 */
public final class TradeTable {

    private final TableSchema schema;
    private final ValueRow row;
    private final int priceScale;
    private final int sizeScale;

    /**
     * @param priceExponent the market's price exponent (from its first trade of the day).
     * @param sizeExponent  its size exponent.
     */
    public TradeTable(int priceExponent, int sizeExponent) {
        this.priceScale = FixedPoint.scaleOf(priceExponent);
        this.sizeScale = FixedPoint.scaleOf(sizeExponent);
        schema = new TableSchema("trades", List.of(
                new Column("ts", ColumnType.TIMESTAMP_NANOS, 0),
                new Column("local_ts", ColumnType.TIMESTAMP_NANOS, 0),
                new Column("seq", ColumnType.INT64, 0),
                new Column("trade_id", ColumnType.INT64, 0),
                new Column("price", ColumnType.DECIMAL, priceScale),
                new Column("size", ColumnType.DECIMAL, sizeScale),
                new Column("side", ColumnType.STRING, 0)));
        row = new ValueRow(schema.columns().size());
    }

    /** @return the table's columns. */
    public TableSchema schema() {
        return schema;
    }

    /**
     * Fills the row for one trade.
     *
     * @param header   the trade record's header.
     * @param trade    its body.
     * @param sequence its journal sequence.
     * @return the row, valid until the next call.
     */
    public Row trade(EventHeader header, Trade trade, long sequence) {
        row.clear();
        row.set(0, header.exchangeTimestamp());
        row.set(1, header.ingestTimestamp());
        row.set(2, sequence);
        if (trade.tradeId() != EventHeader.NULL_ID) {
            row.set(3, trade.tradeId());
        }
        row.set(4, FixedPoint.toScale(trade.price(), header.priceExponent(), priceScale, "price"));
        row.set(5, FixedPoint.toScale(trade.size(), header.sizeExponent(), sizeScale, "size"));
        Side side = Side.of(trade.aggressorCode());
        row.setText(6, side == Side.BID ? "buy" : side == Side.ASK ? "sell" : "unknown");
        return row;
    }
}
