package chronicle.api.strategy;

/** Whether a fill added liquidity (the order rested) or took it. */
public enum Liquidity {
    /** Not a fill. */
    NONE,
    /** The order rested in the book and was hit. */
    MAKER,
    /** The order crossed the book on arrival. */
    TAKER
}
