package chronicle.bus.api;

/**
 * A venue or symbol name that a {@link MarketRegistry} does not hold. The message is one line naming the registry
 * file and the registered names (or the nearest ones when there are many).
 */
public final class UnknownMarketException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message the one-line reason, with the registered or nearest names. */
    public UnknownMarketException(String message) {
        super(message);
    }
}
