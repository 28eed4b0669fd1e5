package chronicle.core.api;

/**
 * A queue could not be opened, created, rolled or read: the message is one line naming the file and the reason.
 *
 * <p>Thrown only off the hot path (open, roll, seek, tools); appends and polls return status codes instead.
 */
public class QueueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the file and the reason.
     */
    public QueueException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the file and the reason.
     * @param cause   the underlying failure.
     */
    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
