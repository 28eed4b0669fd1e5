package chronicle.protocol.api;

import org.agrona.MutableDirectBuffer;

import java.util.SplittableRandom;

/**
 * A deterministic synthetic multi-symbol market: per symbol an L2 book of {@value #DEPTH} levels a side around a
 * random-walk mid price, emitting L2 diffs (size changes near the top, and level shifts when the mid moves), trades
 * at the touch, and a full snapshot first and then every {@code snapshotEvery} events of that symbol. The demo feed,
 * the acceptance runs and the benchmarks use it. Allocation-free per event.
 *
 * <p>Prices have exponent -2 (cents), sizes exponent -4. Each symbol is market id {@code 1 + index} unless the
 * market ids are given (the demo feed gives those its registry assigned); its update ids
 * count from 1 and chain: every diff's {@code prevUpdateId} is the previous event's {@code lastUpdateId}.
 * <b>Not thread-safe.</b>
 */
public final class SyntheticMarket {

    /** Levels per side. */
    public static final int DEPTH = 20;
    /** Price exponent of every event. */
    public static final int PRICE_EXPONENT = -2;
    /** Size exponent of every event. */
    public static final int SIZE_EXPONENT = -4;

    private final int venueId;
    private final int symbols;
    private final long[] marketIds;
    private final int snapshotEvery;
    private final SplittableRandom random;
    private final long[] mid;
    private final long[][] bids;
    private final long[][] asks;
    private final long[] updateId;
    private final long[] sinceSnapshot;
    private final EventHeader header = new EventHeader();
    private final L2Levels levels = new L2Levels();
    private final Trade trade = new Trade();
    private long sequence;
    private long tradeIds;
    private int lastType;
    private long lastMarket;

    /**
     * @param venueId       venue id written in every header.
     * @param symbols       number of symbols (markets 1..symbols).
     * @param snapshotEvery events of one symbol between two of its snapshots.
     * @param seed          the random seed: the same seed gives the same events.
     */
    public SyntheticMarket(int venueId, int symbols, int snapshotEvery, long seed) {
        this(venueId, java.util.stream.LongStream.rangeClosed(1, Math.max(symbols, 0)).toArray(), snapshotEvery, seed);
    }

    /**
     * @param venueId       venue id written in every header.
     * @param marketIds     the market id of each symbol (one symbol per id).
     * @param snapshotEvery events of one symbol between two of its snapshots.
     * @param seed          the random seed: the same seed gives the same events.
     */
    public SyntheticMarket(int venueId, long[] marketIds, int snapshotEvery, long seed) {
        int symbols = marketIds.length;
        if (symbols < 1 || snapshotEvery < 1) {
            throw new IllegalArgumentException("symbols and snapshotEvery must be >= 1");
        }
        this.venueId = venueId;
        this.symbols = symbols;
        this.marketIds = marketIds.clone();
        this.snapshotEvery = snapshotEvery;
        this.random = new SplittableRandom(seed);
        this.mid = new long[symbols];
        this.bids = new long[symbols][DEPTH + 1];
        this.asks = new long[symbols][DEPTH + 1];
        this.updateId = new long[symbols];
        this.sinceSnapshot = new long[symbols];
        for (int s = 0; s < symbols; s++) {
            mid[s] = 10_000 + 1_000L * s + random.nextInt(1_000);
            for (int k = 1; k <= DEPTH; k++) {
                bids[s][k] = size();
                asks[s][k] = size();
            }
            sinceSnapshot[s] = snapshotEvery; // each symbol starts with a snapshot
        }
    }

    /** @return the longest event this generator writes. */
    public static int maxLength() {
        return EventHeader.LENGTH + L2Levels.length(2 * DEPTH);
    }

    private long size() {
        return 1 + random.nextLong(50_000);
    }

    /**
     * Writes the next event.
     *
     * @param buffer     where to write.
     * @param offset     at which to write.
     * @param nowNanos   ingest time, epoch nanoseconds (the exchange time is 50-500 us earlier).
     * @return the event's length; its journal type id is {@link #lastType()}.
     */
    public int next(MutableDirectBuffer buffer, int offset, long nowNanos) {
        int s = random.nextInt(symbols);
        lastMarket = marketIds[s];
        if (sinceSnapshot[s] >= snapshotEvery) {
            sinceSnapshot[s] = 0;
            return snapshot(buffer, offset, nowNanos, s);
        }
        sinceSnapshot[s]++;
        int dice = random.nextInt(100);
        if (dice < 10) {
            return trade(buffer, offset, nowNanos, s);
        }
        if (dice < 14) {
            return move(buffer, offset, nowNanos, s, random.nextBoolean() ? 1 : -1);
        }
        return change(buffer, offset, nowNanos, s);
    }

    /** @return the journal type id of the last event. */
    public int lastType() {
        return lastType;
    }

    /** @return the market id of the last event. */
    public long lastMarket() {
        return lastMarket;
    }

    private void header(MutableDirectBuffer buffer, int offset, long now, int s, EventType type, BookMode mode,
                        StreamKind stream, long first, long last, long prev) {
        header.wrapForWrite(buffer, offset).venueId(venueId).marketId(marketIds[s]).stream(stream).eventType(type)
                .bookMode(mode).priceExponent(PRICE_EXPONENT).sizeExponent(SIZE_EXPONENT)
                .ingestTimestamp(now).exchangeTimestamp(now - 50_000 - random.nextInt(450_000))
                .sequence(sequence++).firstUpdateId(first).lastUpdateId(last).prevUpdateId(prev);
    }

    private int snapshot(MutableDirectBuffer buffer, int offset, long now, int s) {
        long id = ++updateId[s];
        header(buffer, offset, now, s, EventType.SNAPSHOT, BookMode.L2, StreamKind.BOOK, id, id, EventHeader.NULL_ID);
        levels.wrap(buffer, offset + EventHeader.LENGTH).count(2 * DEPTH);
        for (int k = 1; k <= DEPTH; k++) {
            levels.level(k - 1, Side.BID, mid[s] - k, bids[s][k]);
            levels.level(DEPTH + k - 1, Side.ASK, mid[s] + k, asks[s][k]);
        }
        lastType = MessageType.L2_SNAPSHOT.id();
        return EventHeader.LENGTH + L2Levels.length(2 * DEPTH);
    }

    private int change(MutableDirectBuffer buffer, int offset, long now, int s) {
        long prev = updateId[s];
        int count = 1 + random.nextInt(3);
        long first = prev + 1;
        updateId[s] += count;
        header(buffer, offset, now, s, EventType.DIFF, BookMode.L2, StreamKind.BOOK, first, updateId[s], prev);
        levels.wrap(buffer, offset + EventHeader.LENGTH).count(count);
        for (int i = 0; i < count; i++) {
            int k = 1 + Math.min(DEPTH - 1, (int) Math.abs(random.nextGaussian() * 4));
            boolean bid = random.nextBoolean();
            long size = size();
            if (bid) {
                bids[s][k] = size;
                levels.level(i, Side.BID, mid[s] - k, size);
            } else {
                asks[s][k] = size;
                levels.level(i, Side.ASK, mid[s] + k, size);
            }
        }
        lastType = MessageType.L2_DIFF.id();
        return EventHeader.LENGTH + L2Levels.length(count);
    }

    /** The mid moves one tick; four levels change: the touch on both sides and the deepest on both. */
    private int move(MutableDirectBuffer buffer, int offset, long now, int s, int up) {
        long prev = updateId[s];
        updateId[s] += 4;
        header(buffer, offset, now, s, EventType.DIFF, BookMode.L2, StreamKind.BOOK, prev + 1, updateId[s], prev);
        levels.wrap(buffer, offset + EventHeader.LENGTH).count(4);
        long old = mid[s];
        long[] b = bids[s];
        long[] a = asks[s];
        if (up > 0) {
            mid[s] = old + 1;
            // the best ask (old + 1) is taken out; a new best bid appears at the old mid; the book slides up
            levels.level(0, Side.ASK, old + 1, 0);
            levels.level(1, Side.BID, old - DEPTH, 0);
            System.arraycopy(b, 1, b, 2, DEPTH - 1);
            b[1] = size();
            System.arraycopy(a, 2, a, 1, DEPTH - 1);
            a[DEPTH] = size();
            levels.level(2, Side.BID, old, b[1]);
            levels.level(3, Side.ASK, old + 1 + DEPTH, a[DEPTH]);
        } else {
            mid[s] = old - 1;
            levels.level(0, Side.BID, old - 1, 0);
            levels.level(1, Side.ASK, old + DEPTH, 0);
            System.arraycopy(a, 1, a, 2, DEPTH - 1);
            a[1] = size();
            System.arraycopy(b, 2, b, 1, DEPTH - 1);
            b[DEPTH] = size();
            levels.level(2, Side.ASK, old, a[1]);
            levels.level(3, Side.BID, old - 1 - DEPTH, b[DEPTH]);
        }
        lastType = MessageType.L2_DIFF.id();
        return EventHeader.LENGTH + L2Levels.length(4);
    }

    private int trade(MutableDirectBuffer buffer, int offset, long now, int s) {
        boolean buy = random.nextBoolean();
        header(buffer, offset, now, s, EventType.TRADE, BookMode.NONE, StreamKind.TRADES, EventHeader.NULL_ID,
                EventHeader.NULL_ID, EventHeader.NULL_ID);
        long price = buy ? mid[s] + 1 : mid[s] - 1;
        long size = 1 + random.nextLong(Math.max(1, (buy ? asks[s][1] : bids[s][1])));
        trade.wrap(buffer, offset + EventHeader.LENGTH).set(++tradeIds, price, size, buy ? Side.BID : Side.ASK);
        lastType = MessageType.TRADE.id();
        return EventHeader.LENGTH + Trade.LENGTH;
    }
}
