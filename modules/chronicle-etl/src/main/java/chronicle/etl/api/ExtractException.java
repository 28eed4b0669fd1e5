package chronicle.etl.api;

import java.io.Serial;

/**
 * An extract that cannot run or could not finish, with one line that names the option, file or market and the fix.
 * Files completed before the failure stay; no partial file is left under a final name.
 */
public final class ExtractException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean usage;

    /**
     * @param message one line naming what is wrong and the fix.
     * @param usage   true if the request itself is wrong (a bad option, an unknown market, no data in range):
     *                the command line exits with its usage status.
     */
    public ExtractException(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    /**
     * @param message one line naming what failed.
     * @param cause   the underlying failure.
     */
    public ExtractException(String message, Throwable cause) {
        super(message, cause);
        this.usage = false;
    }

    /** @return true if the request was wrong rather than the run failing. */
    public boolean isUsage() {
        return usage;
    }
}
