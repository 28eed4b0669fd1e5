package chronicle.api.strategy;

/** How long an order may live and whether it may take liquidity. */
public enum TimeInForce {
    /** Good till cancelled: what does not fill at once rests in the book. */
    GTC,
    /** Immediate or cancel: fills what it can at once, the rest is cancelled. */
    IOC,
    /** Fill or kill: fills completely at once, or not at all. */
    FOK,
    /** Post only: rests in the book as a maker; rejected if it would take liquidity on arrival. */
    POST_ONLY
}
