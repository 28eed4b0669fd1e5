package chronicle.etl.internal.table;

import chronicle.etl.api.FeatureSet;
import chronicle.etl.spi.Column;
import chronicle.etl.spi.ColumnType;
import chronicle.etl.spi.Row;
import chronicle.etl.spi.TableSchema;
import chronicle.protocol.api.Side;
import chronicle.replay.api.LevelView;
import chronicle.replay.api.MarketBook;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code book} table: one row per sample of a market's book, with the requested features.
 *
 * <p>Columns (docs/FORMATS.md): {@code ts} (the sample time), {@code event_ts} (exchange time of the last event
 * applied), {@code seq} (its journal sequence), then {@code mid} (price scale + 1: exact),
 * {@code spread} (price scale), {@code microprice} (price scale + {@value #MICROPRICE_EXTRA}, rounded half to even),
 * {@code imbalance} ({@value #IMBALANCE_SCALE} decimals, rounded half to even), and {@code bid_px_i, bid_sz_i,
 * ask_px_i, ask_sz_i} for i = 1..N. A feature that needs both sides is null while a side is empty; a level the
 * book does not have is null.
 */
public final class BookTable {

    /** Extra decimals of the microprice beyond the price's, as it is a size-weighted mean. */
    static final int MICROPRICE_EXTRA = 4;
    /** Decimals of the imbalance, a ratio in [-1, 1]. */
    static final int IMBALANCE_SCALE = 9;

    private final FeatureSet features;
    private final TableSchema schema;
    private final ValueRow row;
    private final int priceScale;
    private final int sizeScale;
    private final int firstFeature;
    private final int firstLevel;

    /**
     * @param features      what to compute.
     * @param priceExponent the market's price exponent (from its first book event of the day).
     * @param sizeExponent  the market's size exponent.
     */
    public BookTable(FeatureSet features, int priceExponent, int sizeExponent) {
        this.features = features;
        this.priceScale = FixedPoint.scaleOf(priceExponent);
        this.sizeScale = FixedPoint.scaleOf(sizeExponent);
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("ts", ColumnType.TIMESTAMP_NANOS, 0));
        columns.add(new Column("event_ts", ColumnType.TIMESTAMP_NANOS, 0));
        columns.add(new Column("seq", ColumnType.INT64, 0));
        firstFeature = columns.size();
        for (String feature : features.book()) {
            columns.add(new Column(feature, ColumnType.DECIMAL, switch (feature) {
                case "mid" -> priceScale + 1;
                case "spread" -> priceScale;
                case "microprice" -> priceScale + MICROPRICE_EXTRA;
                default -> IMBALANCE_SCALE;
            }));
        }
        firstLevel = columns.size();
        for (int i = 1; i <= features.levels(); i++) {
            columns.add(new Column("bid_px_" + i, ColumnType.DECIMAL, priceScale));
            columns.add(new Column("bid_sz_" + i, ColumnType.DECIMAL, sizeScale));
            columns.add(new Column("ask_px_" + i, ColumnType.DECIMAL, priceScale));
            columns.add(new Column("ask_sz_" + i, ColumnType.DECIMAL, sizeScale));
        }
        schema = new TableSchema("book", columns);
        row = new ValueRow(columns.size());
    }

    /** @return the table's columns. */
    public TableSchema schema() {
        return schema;
    }

    /**
     * Fills the row for one sample.
     *
     * @param book the market's book at the sample time.
     * @param ts   the sample time, epoch ns.
     * @return the row, valid until the next call.
     */
    public Row sample(MarketBook book, long ts) {
        row.clear();
        row.set(0, ts);
        row.set(1, book.lastExchangeTimestamp());
        row.set(2, book.lastSequence());
        LevelView levels = book.levels();
        boolean twoSided = levels.depth(Side.BID) > 0 && levels.depth(Side.ASK) > 0;
        if (twoSided) {
            long bid = price(levels.price(Side.BID, 0), book, "bid_px_1");
            long ask = price(levels.price(Side.ASK, 0), book, "ask_px_1");
            long bidSize = size(levels.size(Side.BID, 0), book, "bid_sz_1");
            long askSize = size(levels.size(Side.ASK, 0), book, "ask_sz_1");
            int column = firstFeature;
            for (String feature : features.book()) {
                row.set(column++, switch (feature) {
                    case "mid" -> Math.multiplyExact(Math.addExact(bid, ask), 5L);
                    case "spread" -> ask - bid;
                    case "microprice" -> FixedPoint.weighted(bid, askSize, ask, bidSize, bidSize + askSize,
                            MICROPRICE_EXTRA);
                    default -> FixedPoint.divide(bidSize - askSize, bidSize + askSize, IMBALANCE_SCALE);
                });
            }
        }
        int column = firstLevel;
        for (int i = 0; i < features.levels(); i++) {
            level(book, levels, Side.BID, i, column);
            level(book, levels, Side.ASK, i, column + 2);
            column += 4;
        }
        return row;
    }

    private void level(MarketBook book, LevelView levels, Side side, int level, int column) {
        if (level < levels.depth(side)) {
            row.set(column, price(levels.price(side, level), book, schema.columns().get(column).name()));
            row.set(column + 1, size(levels.size(side, level), book, schema.columns().get(column + 1).name()));
        }
    }

    private long price(long mantissa, MarketBook book, String column) {
        return FixedPoint.toScale(mantissa, book.priceExponent(), priceScale, column);
    }

    private long size(long mantissa, MarketBook book, String column) {
        return FixedPoint.toScale(mantissa, book.sizeExponent(), sizeScale, column);
    }
}
