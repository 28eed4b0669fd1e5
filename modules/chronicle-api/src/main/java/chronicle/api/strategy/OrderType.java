package chronicle.api.strategy;

/** How an order is priced. */
public enum OrderType {
    /** At a limit price or better. */
    LIMIT,
    /** At whatever the book offers (walks the levels); never rests. */
    MARKET
}
