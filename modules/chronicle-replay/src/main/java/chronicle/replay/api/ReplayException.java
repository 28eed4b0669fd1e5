package chronicle.replay.api;

/** Replay cannot go on: a gap under the FAIL policy, a snapshot that cannot be read. One line, naming where. */
public final class ReplayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the market, the sequence and the reason.
     */
    public ReplayException(String message) {
        super(message);
    }
}
