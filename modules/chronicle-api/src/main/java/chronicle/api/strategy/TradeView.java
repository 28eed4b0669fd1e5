package chronicle.api.strategy;

import chronicle.protocol.api.Side;

/** A venue trade, handed to {@link Strategy#onTrade}; reused for the next trade. */
public final class TradeView {

    private Instrument instrument;
    private long tradeId;
    private long price;
    private long size;
    private Side aggressor;
    private long exchangeTime;

    /**
     * Sets the view (runtime use).
     *
     * @param instrument   the instrument.
     * @param tradeId      the venue's trade id.
     * @param price        price mantissa.
     * @param size         size mantissa.
     * @param aggressor    the taker's side ({@link Side#UNKNOWN} where the venue does not say).
     * @param exchangeTime epoch nanoseconds.
     * @return this view.
     */
    public TradeView set(Instrument instrument, long tradeId, long price, long size, Side aggressor,
                         long exchangeTime) {
        this.instrument = instrument;
        this.tradeId = tradeId;
        this.price = price;
        this.size = size;
        this.aggressor = aggressor;
        this.exchangeTime = exchangeTime;
        return this;
    }

    /** @return the instrument. */
    public Instrument instrument() {
        return instrument;
    }

    /** @return the venue's trade id. */
    public long tradeId() {
        return tradeId;
    }

    /** @return the price mantissa. */
    public long price() {
        return price;
    }

    /** @return the size mantissa. */
    public long size() {
        return size;
    }

    /** @return the taker's side: {@link Side#BID} when a buyer lifted the ask. */
    public Side aggressor() {
        return aggressor;
    }

    /** @return the exchange time, epoch nanoseconds. */
    public long exchangeTime() {
        return exchangeTime;
    }
}
