package chronicle.sim.api;

/** A backtest cannot run: a market or day that is not in the archive, a damaged record, a bad setting. */
public final class BacktestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming what is wrong and the fix. */
    public BacktestException(String message) {
        super(message);
    }
}
