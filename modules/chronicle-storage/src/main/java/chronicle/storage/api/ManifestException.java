package chronicle.storage.api;

/** A manifest that cannot be read or written; the message names the file and what to do. */
public final class ManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the file. */
    public ManifestException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the file.
     * @param cause   the failure underneath.
     */
    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
