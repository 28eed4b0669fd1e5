package chronicle.framework.api;

/**
 * Whose clock a live strategy and the paper venue run on (docs/LIVE.md).
 */
public enum ClockMode {
    /** The wall clock: {@code Context.now()} is the time of day, orders reach the venue when they arrive. */
    WALL,
    /**
     * The market data's time, for a replay through the bus: {@code Context.now()} is the time of the market event
     * being handled, and the strategy and the paper venue advance in lockstep (clock progress records), so that a
     * run gives the orders and fills of the backtest of the same data.
     */
    MARKET;

    /**
     * @param text {@code wall} or {@code market}.
     * @return the mode.
     * @throws IllegalArgumentException naming the text and the choices.
     */
    public static ClockMode parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "wall" -> WALL;
            case "market" -> MARKET;
            default -> throw new IllegalArgumentException("--clock " + text + ": use wall or market");
        };
    }
}
