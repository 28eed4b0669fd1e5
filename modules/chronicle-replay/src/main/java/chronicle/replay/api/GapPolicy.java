package chronicle.replay.api;

/** What replay does when a market's update ids do not chain, or a GAP event arrives. */
public enum GapPolicy {
    /** stop with a {@link ReplayException} naming the market, the sequence and the ids. */
    FAIL,
    /** clear the book and ignore its diffs until the next snapshot (the book is never wrong, only absent). */
    RESET_AND_WAIT,
    /** apply the diffs anyway and flag the book ({@link MarketBook#afterGap()}) until the next snapshot. */
    CONTINUE_FLAGGED
}
