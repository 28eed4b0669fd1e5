package chronicle.storage.api;

/**
 * A day bundle cannot be packed or unpacked: a missing day, an unknown extension, a damaged or truncated bundle, a
 * day already in the target archive. The message is one line naming the file (and the file inside the bundle)
 * and what to do; nothing stored was changed.
 */
public final class BundleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the file and the problem.
     */
    public BundleException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the file and the problem.
     * @param cause   the underlying failure.
     */
    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
