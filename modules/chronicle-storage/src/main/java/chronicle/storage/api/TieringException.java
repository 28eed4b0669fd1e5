package chronicle.storage.api;

/** Tiering cannot run: another tier manager runs, or the archive root cannot be used. One line naming the fix. */
public final class TieringException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the path and the fix. */
    public TieringException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the path and the fix.
     * @param cause   the failure underneath.
     */
    public TieringException(String message, Throwable cause) {
        super(message, cause);
    }
}
